/**
 * Development servers recognised in a command's argv: `flask run`, `manage.py runserver`,
 * `uvicorn --reload`, `nodemon`, `npm run dev`, `next dev`… and `python <script>.py`, which is
 * one only when the script starts Flask's own server (decided by the caller from the code).
 */

export type DevServerKind =
  | "flask-run"
  | "runserver"
  | "uvicorn-reload"
  | "nodemon"
  | "npm-dev"
  | "frontend-dev"
  | "node-watch"
  | "python-script";

export interface DevServerMatch {
  kind: DevServerKind;
  /** Where the server command starts in argv (after `env`, `npx`, `poetry run`…). */
  start: number;
  /** How the message names the command, e.g. `flask run`. */
  label: string;
  /** `python <script>`: the script as written. */
  script?: string;
  /** `flask --app <module>` or `python manage.py`: the module or file named. */
  target?: string;
  /** A port the command names (`--port 8000`, `runserver 0.0.0.0:8000`). */
  port?: number;
}

const PYTHON = /^python(\d(\.\d+)?)?$/;
const RUNNERS: Record<string, number> = { npx: 1, poetry: 2, pipenv: 2, uv: 2, pdm: 2, rye: 2 };
const DEV_SCRIPTS = new Set(["dev", "develop", "start:dev", "serve:dev", "dev:server"]);
const base = (word: string | undefined) => (word ?? "").split("/").pop() ?? "";

/** Skips `env A=1`, assignments and runners (`npx`, `poetry run`); the index of the command. */
function commandStart(argv: string[]): number {
  let i = 0;
  for (;;) {
    const word = argv[i];
    if (word === undefined) return i;
    if (base(word) === "env" || /^[A-Za-z_]\w*=/.test(word)) i++;
    else if (RUNNERS[base(word)] && (RUNNERS[base(word)] === 1 || argv[i + 1] === "run")) {
      i += RUNNERS[base(word)];
      while (argv[i]?.startsWith("-")) i++;
    } else return i;
  }
}

/** The value after an option (`--port 8000`, `--port=8000`, `-p 8000`). */
function option(args: string[], ...names: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    for (const name of names) {
      if (args[i] === name) return args[i + 1];
      if (args[i].startsWith(`${name}=`)) return args[i].slice(name.length + 1);
    }
  }
  return undefined;
}

function portOf(text: string | undefined): number | undefined {
  const match = /(?:^|:)(\d{2,5})$/.exec(text ?? "");
  return match ? Number(match[1]) : undefined;
}

export function matchDevServer(argv: string[]): DevServerMatch | undefined {
  const start = commandStart(argv);
  const name = base(argv[start]);
  const args = argv.slice(start + 1);
  if (PYTHON.test(name)) return matchPython(argv, start);
  return matchTool(name, args, start);
}

function matchPython(argv: string[], start: number): DevServerMatch | undefined {
  let i = start + 1;
  while (argv[i] && /^-[uBOEsSIq]+$/.test(argv[i])) i++;
  if (argv[i] === "-m") return matchTool(argv[i + 1] ?? "", argv.slice(i + 2), start, true);
  const script = argv[i];
  if (!script?.endsWith(".py")) return undefined;
  if (base(script) === "manage.py")
    return matchTool("manage.py", argv.slice(i + 1), start, false, script);
  return { kind: "python-script", start, label: `python ${script}`, script };
}

function matchTool(
  name: string,
  args: string[],
  start: number,
  module = false,
  target?: string,
): DevServerMatch | undefined {
  const runner = module ? "python -m " : "";
  switch (name) {
    case "flask": {
      if (!args.includes("run")) return undefined;
      const app = option(args, "--app", "-A");
      const port = portOf(option(args, "--port", "-p"));
      return { kind: "flask-run", start, label: `${runner}flask run`, target: app, port };
    }
    case "manage.py":
    case "django-admin":
    case "django": {
      const index = args.indexOf("runserver");
      if (index < 0) return undefined;
      const port = portOf(args.slice(index + 1).find((a) => !a.startsWith("-")));
      return { kind: "runserver", start, label: `${name} runserver`, target, port };
    }
    case "uvicorn":
      if (!args.some((a) => a === "--reload" || a.startsWith("--reload="))) return undefined;
      return { kind: "uvicorn-reload", start, label: `${runner}uvicorn --reload` };
    case "nodemon":
    case "ts-node-dev":
      return { kind: "nodemon", start, label: name };
    case "node":
      return args.some((a) => a === "--watch" || a.startsWith("--watch="))
        ? { kind: "node-watch", start, label: "node --watch" }
        : undefined;
    case "tsx":
      return args[0] === "watch" ? { kind: "node-watch", start, label: "tsx watch" } : undefined;
  }
  return matchPackageScript(name, args, start) ?? matchFrontend(name, args, start);
}

function matchPackageScript(name: string, args: string[], start: number) {
  if (!["npm", "yarn", "pnpm", "bun"].includes(name)) return undefined;
  const script = args[0] === "run" || args[0] === "run-script" ? args[1] : args[0];
  if (name === "npm" && args[0] !== "run" && args[0] !== "run-script") return undefined;
  if (!script || !DEV_SCRIPTS.has(script)) return undefined;
  const label = `${name} ${args[0] === script ? "" : `${args[0]} `}${script}`;
  return { kind: "npm-dev" as const, start, label };
}

function matchFrontend(name: string, args: string[], start: number) {
  const dev =
    ((name === "next" || name === "nuxt" || name === "remix") && args[0] === "dev") ||
    (name === "vite" &&
      (args.length === 0 || args[0] === "dev" || args[0] === "serve" || args[0].startsWith("-"))) ||
    (name === "ng" && args[0] === "serve") ||
    (name === "react-scripts" && args[0] === "start") ||
    (name === "webpack" && args[0] === "serve") ||
    (name === "vue-cli-service" && args[0] === "serve") ||
    name === "webpack-dev-server";
  if (!dev) return undefined;
  return { kind: "frontend-dev" as const, start, label: [name, args[0]].filter(Boolean).join(" ") };
}

/** The indices of argv that remain without `--reload` and its `--reload-*` options. */
export function withoutReload(argv: string[]): number[] {
  const kept: number[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    if (word === "--reload" || word.startsWith("--reload=")) continue;
    if (/^--reload-(dir|include|exclude|delay)$/.test(word)) {
      i++;
      continue;
    }
    if (/^--reload-(dir|include|exclude|delay)=/.test(word)) continue;
    kept.push(i);
  }
  return kept;
}
