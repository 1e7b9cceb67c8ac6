import * as path from "node:path";
import type { Node } from "web-tree-sitter";
import {
  calleeText,
  keywordArgument,
  moduleAssignments,
  positionalArguments,
  pythonString,
} from "../../languages/pythonSyntax";
import type { Workspace } from "../../workspace/workspace";
import { pythonServerCalls, type PythonServerCall } from "./pythonServers";
import { pythonImports } from "./webApps";

/** What running a Python script starts, as far as the production command is concerned. */
export interface ScriptServer {
  framework: "flask" | "fastapi" | "other";
  /** The script starts a development server (Flask's `app.run`, `uvicorn.run(reload=True)`). */
  dev: boolean;
  /** `app` or `create_app()`: what a WSGI/ASGI server imports from the module. */
  callable?: string;
  port?: number;
}

/** The workspace file a command's script path names, nearest to the command's file. */
export function findPythonFile(
  workspace: Workspace,
  from: string,
  script: string,
): string | undefined {
  const segments = script.replace(/^\.\//, "").split("/").filter(Boolean);
  let best: { file: string; score: number; distance: number } | undefined;
  for (const file of workspace.model.files()) {
    if (!file.endsWith(".py")) continue;
    const parts = file.split(path.sep);
    let score = 0;
    while (
      score < segments.length &&
      parts[parts.length - 1 - score] === segments[segments.length - 1 - score]
    )
      score++;
    if (score === 0) continue;
    const distance = path.relative(path.dirname(from), file).split(path.sep).length;
    if (!best || score > best.score || (score === best.score && distance < best.distance)) {
      best = { file, score, distance };
    }
  }
  return best?.file;
}

function rootOf(workspace: Workspace, file: string): Node | undefined {
  return workspace.model.parsed(file)?.python?.root;
}

/** What a script starts when run with `python <script>`; undefined when it cannot be read. */
export function scriptServer(workspace: Workspace, file: string): ScriptServer | undefined {
  const root = rootOf(workspace, file);
  if (!root) return undefined;
  const imports = pythonImports(root);
  const framework = imports.has("flask") ? "flask" : imports.has("fastapi") ? "fastapi" : "other";
  const calls = pythonServerCalls(root);
  const flask = calls.find((c) => c.kind === "flask" || c.kind === "socketio");
  if (flask && framework === "flask") {
    const callable =
      flask.kind === "flask" && !imports.has("quart") ? runReceiver(root, flask) : undefined;
    return { framework, dev: true, callable, port: portValue(flask) };
  }
  const uvicorn = calls.find((c) => c.kind === "uvicorn" && isReloading(c.call));
  if (uvicorn && framework === "fastapi") {
    return {
      framework,
      dev: true,
      callable: asgiTarget(root, uvicorn.call),
      port: portValue(uvicorn),
    };
  }
  return { framework, dev: false };
}

function isReloading(call: Node): boolean {
  return keywordArgument(call, "reload")?.childForFieldName("value")?.text === "True";
}

function moduleNames(root: Node): Set<string> {
  return new Set(moduleAssignments(root).map((a) => a.name));
}

function factory(root: Node): string | undefined {
  const names = root.namedChildren
    .filter((s) => s.type === "function_definition")
    .map((s) => s.childForFieldName("name")?.text);
  const found = names.find((n) => n === "create_app" || n === "make_app");
  return found ? `${found}()` : undefined;
}

/** `app.run()` → `app` when `app` is bound at module level, else the app factory. */
function runReceiver(root: Node, server: PythonServerCall): string | undefined {
  const receiver = server.call.childForFieldName("function")?.childForFieldName("object");
  if (receiver?.type === "identifier" && moduleNames(root).has(receiver.text)) return receiver.text;
  return factory(root);
}

/** `uvicorn.run(app, …)` → `app`; `uvicorn.run("main:app", …)` → the part after the colon. */
function asgiTarget(root: Node, call: Node): string | undefined {
  const first = positionalArguments(call)[0];
  if (first?.type === "identifier" && moduleNames(root).has(first.text)) return first.text;
  const text = pythonString(first);
  return text?.includes(":") ? text.split(":")[1] : undefined;
}

function portValue(server: PythonServerCall): number | undefined {
  const text = server.port?.value.text ?? "";
  if (/^\d{2,5}$/.test(text)) return Number(text);
  const fallback = /["']PORT["']\s*(?:,|\)\s*or)\s*["']?(\d{2,5})/.exec(text);
  return fallback ? Number(fallback[1]) : undefined;
}

/** The WSGI callable of a module: the variable bound to `Flask(...)`, else its app factory. */
export function flaskCallable(workspace: Workspace, file: string): string | undefined {
  const root = rootOf(workspace, file);
  if (!root) return undefined;
  const app = moduleAssignments(root).find(
    (a) => a.value.type === "call" && /(^|\.)Flask$/.test(calleeText(a.value)),
  );
  return app?.name ?? factory(root);
}

/** `shop.wsgi:application` for a Django project, read from manage.py's settings module. */
export function djangoWsgi(workspace: Workspace, managePy: string): string | undefined {
  const text = workspace.readText(managePy) ?? "";
  const settings = /DJANGO_SETTINGS_MODULE["']\s*,\s*["']([\w.]+)["']/.exec(text)?.[1];
  const project = settings?.split(".")[0];
  if (!project) return undefined;
  const wsgi = path.join(path.dirname(managePy), project, "wsgi.py");
  return workspace.exists(wsgi) ? `${project}.wsgi:application` : undefined;
}
