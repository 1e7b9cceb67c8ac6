import * as path from "node:path";
import type { FileChange } from "../../engine/types";
import type { DockerFile } from "../../languages/dockerfile";
import { dockerProperties, stageChain, stageInstructions } from "../../languages/dockerSyntax";
import { shellQuote } from "../../languages/shellWords";
import type { Workspace } from "../../workspace/workspace";
import { withoutReload, type DevServerMatch } from "./devServers";
import { addPythonRequirement } from "./manifests";
import { djangoWsgi, findPythonFile, flaskCallable, scriptServer } from "./pythonApps";

/** Marks the word that carries the port; each file kind writes it its own way. */
export const PORT = "\u0000PORT";

export interface Replacement {
  /** The new argv; a word may hold `PORT`. */
  words: string[];
  /** The words as the command wrote them, when they are kept from it. */
  raw?: string[];
  port: number;
  /** A Python file whose project must declare gunicorn. */
  needsGunicorn?: string;
}

export interface FixInput {
  workspace: Workspace;
  /** The file holding the command. */
  file: string;
  argv: string[];
  /** argv as written in the file (quotes and `$VAR` kept). */
  raw: string[];
  match: DevServerMatch;
  docker?: DockerFile;
  /** An environment variable the command's container defines. */
  env: (name: string) => string | undefined;
}

const gunicorn = (target: string, chdir: string | undefined): string[] => [
  "gunicorn",
  ...(chdir ? ["--chdir", chdir] : []),
  target,
  "--workers",
  "4",
  "--bind",
  `0.0.0.0:${PORT}`,
];

function dirOf(script: string): string | undefined {
  const dir = path.posix.dirname(script);
  return dir === "." ? undefined : dir;
}

const moduleName = (script: string) => path.posix.basename(script).replace(/\.py$/, "");

/** What replaces the development server, when a safe replacement is known. */
export function replacementFor(input: FixInput): Replacement | undefined {
  const { match, argv, raw } = input;
  const rest = argv.slice(match.start + 1);
  switch (match.kind) {
    case "uvicorn-reload": {
      const kept = withoutReload(argv);
      return { words: kept.map((i) => argv[i]), raw: kept.map((i) => raw[i]), port: 0 };
    }
    case "nodemon":
      if (match.start > 0 || !/^[^-].*\.[cm]?js$/.test(rest[0] ?? "")) return undefined;
      return { words: ["node", ...rest], raw: ["node", ...raw.slice(1)], port: 0 };
    case "python-script":
      return scriptReplacement(input);
    case "flask-run":
      return flaskRunReplacement(input);
    case "runserver":
      return runserverReplacement(input);
    default:
      return undefined;
  }
}

function scriptReplacement(input: FixInput): Replacement | undefined {
  const script = input.match.script ?? "";
  const file = findPythonFile(input.workspace, input.file, script);
  const server = file ? scriptServer(input.workspace, file) : undefined;
  if (!file || !server?.dev || !server.callable) return undefined;
  const target = `${moduleName(script)}:${server.callable}`;
  const dir = dirOf(script);
  if (server.framework === "fastapi") {
    const port = portFor(input, server.port ?? 8000);
    const appDir = dir ? ["--app-dir", dir] : [];
    return { words: ["uvicorn", ...appDir, target, "--host", "0.0.0.0", "--port", PORT], port };
  }
  return {
    words: gunicorn(target, dir),
    port: portFor(input, server.port ?? 5000),
    needsGunicorn: file,
  };
}

function flaskRunReplacement(input: FixInput): Replacement | undefined {
  const given = input.match.target ?? input.env("FLASK_APP");
  const port = portFor(input, Number(input.env("FLASK_RUN_PORT")) || 5000);
  if (given?.includes(":")) {
    const target = given.replace(/\.py:/, ":");
    return { words: gunicorn(target, undefined), port, needsGunicorn: input.file };
  }
  const candidates = given ? [given.replace(/\.py$/, "")] : ["wsgi", "app"];
  for (const module of candidates) {
    const relative = `${module.replace(/\./g, "/")}.py`;
    const file = findPythonFile(input.workspace, input.file, relative);
    if (!file || !file.endsWith(path.sep + relative.split("/").join(path.sep))) continue;
    const callable = flaskCallable(input.workspace, file);
    if (callable)
      return { words: gunicorn(`${module}:${callable}`, undefined), port, needsGunicorn: file };
  }
  return undefined;
}

function runserverReplacement(input: FixInput): Replacement | undefined {
  const script = input.match.target;
  if (!script) return undefined;
  const file = findPythonFile(input.workspace, input.file, script);
  const wsgi = file ? djangoWsgi(input.workspace, file) : undefined;
  if (!file || !wsgi) return undefined;
  return { words: gunicorn(wsgi, dirOf(script)), port: portFor(input, 8000), needsGunicorn: file };
}

/** The port the app listened on: named in the command, exposed by the image, else a default. */
function portFor(input: FixInput, fallback: number): number {
  return input.match.port ?? exposedPort(input.docker) ?? fallback;
}

function exposedPort(docker: DockerFile | undefined): number | undefined {
  if (!docker) return undefined;
  const chain = stageChain(docker, docker.stageCount - 1);
  for (const stage of chain) {
    const expose = stageInstructions(docker, stage).find((i) => i.keyword === "EXPOSE");
    const port = /^(\d{2,5})\b/.exec(expose?.args ?? "")?.[1];
    if (port) return Number(port);
  }
  return undefined;
}

/** The value of an ENV of the image's final stage. */
export function dockerEnv(docker: DockerFile, name: string): string | undefined {
  let value: string | undefined;
  for (const stage of stageChain(docker, docker.stageCount - 1).reverse()) {
    for (const instruction of stageInstructions(docker, stage)) {
      if (instruction.keyword !== "ENV") continue;
      const property = dockerProperties(instruction).find((p) => p.name === name);
      if (property) value = property.value;
    }
  }
  return value;
}

/** The replacement as a shell line: `$PORT`, `${PORT:-n}` or the number in the port word. */
export function shellLine(
  replacement: Replacement,
  style: "variable" | "default" | "literal",
): string {
  const port =
    style === "variable"
      ? "$PORT"
      : style === "default"
        ? `\${PORT:-${replacement.port}}`
        : String(replacement.port);
  if (replacement.raw) return replacement.raw.join(" ");
  return replacement.words
    .map((word) => (word.includes(PORT) ? word.replace(PORT, port) : shellQuote(word)))
    .join(" ");
}

/** gunicorn in the project's requirements.txt, unless it manages dependencies elsewhere. */
export function gunicornChange(workspace: Workspace, file: string): FileChange | undefined {
  const requirements = workspace.findUp(file, ["requirements.txt"]);
  if (!requirements && workspace.findUp(file, ["pyproject.toml", "Pipfile", "setup.cfg"])) {
    return undefined;
  }
  return addPythonRequirement(workspace, file, "gunicorn");
}
