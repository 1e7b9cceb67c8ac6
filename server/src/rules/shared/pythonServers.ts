import type { Node } from "web-tree-sitter";
import {
  calleeText,
  keywordArgument,
  moduleAssignments,
  positionalArguments,
  pythonString,
} from "../../languages/pythonSyntax";
import { calleeName } from "./pythonCode";
import { pythonImports } from "./webApps";

/** Which server a call starts; decides its arguments and whether it handles SIGTERM. */
export type PythonServerKind =
  | "flask"
  | "sanic"
  | "socketio"
  | "bottle"
  | "uvicorn"
  | "aiohttp"
  | "waitress"
  | "socketserver"
  | "tornado"
  | "django"
  | "hypercorn";

/** An argument of a server call: the whole argument (`port=5000`) and its value (`5000`). */
export interface ArgumentSite {
  argument: Node;
  value: Node;
  /** The value is a `host:port` string, not a host or port alone. */
  combined?: boolean;
}

export interface PythonServerCall {
  call: Node;
  kind: PythonServerKind;
  host?: ArgumentSite;
  port?: ArgumentSite;
}

/** Servers that stop gracefully on SIGTERM by themselves. */
export const SIGTERM_AWARE: ReadonlySet<PythonServerKind> = new Set([
  "uvicorn",
  "aiohttp",
  "sanic",
  "hypercorn",
]);

/** Local names bound by `from m import x [as y]` and `import m as y`, to their full name. */
export function pythonImportMap(root: Node): Map<string, string> {
  const map = new Map<string, string>();
  for (const node of root.descendantsOfType(["import_statement", "import_from_statement"])) {
    const module = node.childForFieldName("module_name")?.text;
    for (const child of node.childrenForFieldName("name")) {
      const name = child.type === "aliased_import" ? child.childForFieldName("name") : child;
      const alias = child.type === "aliased_import" ? child.childForFieldName("alias") : undefined;
      if (!name) continue;
      if (module) map.set(alias?.text ?? name.text, `${module}.${name.text}`);
      else if (alias) map.set(alias.text, name.text);
      else map.set(name.text.split(".")[0], name.text.split(".")[0]);
    }
  }
  return map;
}

/** The callee with its first name replaced by its import (`web.run_app` → `aiohttp.web.run_app`). */
export function qualifiedCallee(call: Node, imports: Map<string, string>): string {
  const text = calleeText(call);
  const [head, ...rest] = text.split(".");
  const full = imports.get(head);
  return full ? [full, ...rest].join(".") : text;
}

const APP_CONSTRUCTORS: Record<string, PythonServerKind> = {
  Flask: "flask",
  Quart: "flask",
  Sanic: "sanic",
  SocketIO: "socketio",
  Bottle: "bottle",
};

function appKinds(root: Node): Map<string, PythonServerKind> {
  const kinds = new Map<string, PythonServerKind>();
  for (const { name, value } of moduleAssignments(root)) {
    if (value.type !== "call") continue;
    const callee = calleeText(value).split(".").pop() ?? "";
    const kind = APP_CONSTRUCTORS[callee];
    if (kind) kinds.set(name, kind);
  }
  return kinds;
}

function site(call: Node, keyword: string, position?: number): ArgumentSite | undefined {
  const named = keywordArgument(call, keyword);
  const value = named?.childForFieldName("value");
  if (named && value) return { argument: named, value };
  if (position === undefined) return undefined;
  const positional = positionalArguments(call)[position];
  return positional ? { argument: positional, value: positional } : undefined;
}

function runCall(call: Node, kind: PythonServerKind): PythonServerCall {
  const offset = kind === "socketio" ? 1 : 0;
  const positional = kind === "flask" || kind === "sanic" || kind === "socketio";
  return {
    call,
    kind,
    host: site(call, "host", positional ? offset : undefined),
    port: site(call, "port", positional ? offset + 1 : undefined),
  };
}

/** Last names of the callees `classify` recognises, to skip every other call cheaply. */
const SERVER_NAMES =
  /^(run|run_app|serve|make_server|listen|execute_from_command_line|call_command|HTTPServer|ThreadingHTTPServer|TCPServer|ThreadingTCPServer|ForkingTCPServer|WSGIServer)$/;

const SERVER_TEXT =
  /\b(run|run_app|serve|make_server|listen|execute_from_command_line|call_command|\w*Server)\s*\(|\.bind\s*=/;

const ADDRESS_SERVERS =
  /(^|\.)(HTTPServer|ThreadingHTTPServer|TCPServer|ThreadingTCPServer|ForkingTCPServer|WSGIServer)$/;

function addressCall(call: Node): PythonServerCall | undefined {
  const address = positionalArguments(call)[0];
  if (address?.type !== "tuple" || address.namedChildren.length !== 2) return undefined;
  const [host, port] = address.namedChildren;
  return {
    call,
    kind: "socketserver",
    host: { argument: host, value: host },
    port: { argument: port, value: port },
  };
}

function makeServerCall(call: Node): PythonServerCall {
  return { call, kind: "socketserver", host: site(call, "host", 0), port: site(call, "port", 1) };
}

function combinedSite(value: Node | undefined): ArgumentSite | undefined {
  if (!value || !/:\d+$/.test(pythonString(value) ?? "")) return undefined;
  return { argument: value, value, combined: true };
}

function djangoCall(call: Node, callee: string): PythonServerCall | undefined {
  const args =
    callee.endsWith("execute_from_command_line") && positionalArguments(call)[0]?.type === "list"
      ? positionalArguments(call)[0].namedChildren
      : callee.endsWith("call_command")
        ? positionalArguments(call)
        : [];
  const index = args.findIndex((a) => pythonString(a) === "runserver");
  if (index < 0) return undefined;
  return { call, kind: "django", host: combinedSite(args[index + 1]) };
}

function classify(
  call: Node,
  imports: Map<string, string>,
  apps: Map<string, PythonServerKind>,
  web: Set<string>,
): PythonServerCall | undefined {
  const callee = qualifiedCallee(call, imports);
  const fn = call.childForFieldName("function");
  if (callee === "uvicorn.run") return runCall(call, "uvicorn");
  if (/^aiohttp\.web\.run_app$|^aiohttp\.run_app$/.test(callee)) return runCall(call, "aiohttp");
  if (callee === "bottle.run") return runCall(call, "bottle");
  if (callee === "waitress.serve") {
    const listen = combinedSite(
      keywordArgument(call, "listen")?.childForFieldName("value") ?? undefined,
    );
    return listen ? { call, kind: "waitress", host: listen } : runCall(call, "waitress");
  }
  if (/(^|\.)make_server$/.test(callee) && /^(wsgiref|werkzeug)/.test(callee)) {
    return makeServerCall(call);
  }
  if (ADDRESS_SERVERS.test(callee)) return addressCall(call);
  if (/execute_from_command_line$|call_command$/.test(callee)) return djangoCall(call, callee);
  if (fn?.type !== "attribute") return undefined;
  const receiver = fn.childForFieldName("object");
  const method = fn.childForFieldName("attribute")?.text;
  if (receiver?.type !== "identifier") return undefined;
  if (method === "listen" && web.has("tornado")) {
    return { call, kind: "tornado", port: site(call, "port", 0), host: site(call, "address", 1) };
  }
  if (method !== "run") return undefined;
  const kind = apps.get(receiver.text);
  if (kind) return runCall(call, kind);
  const flaskLike = web.has("flask") || web.has("quart");
  return flaskLike && /^(app|application)$/.test(receiver.text)
    ? runCall(call, "flask")
    : undefined;
}

/** The calls of a module that start a web server, with their host and port arguments. */
export function pythonServerCalls(root: Node): PythonServerCall[] {
  if (!SERVER_TEXT.test(root.text)) return [];
  const imports = pythonImportMap(root);
  const apps = appKinds(root);
  const web = pythonImports(root);
  const calls: PythonServerCall[] = [];
  for (const call of root.descendantsOfType("call")) {
    if (!SERVER_NAMES.test(calleeName(call))) continue;
    const server = classify(call, imports, apps, web);
    if (server) calls.push(server);
  }
  return calls.concat(hypercornBinds(root, web));
}

/** `config.bind = ["127.0.0.1:8000"]` on a Hypercorn config. */
function hypercornBinds(root: Node, web: Set<string>): PythonServerCall[] {
  if (!web.has("hypercorn")) return [];
  const result: PythonServerCall[] = [];
  for (const assignment of root.descendantsOfType("assignment")) {
    const left = assignment.childForFieldName("left");
    const right = assignment.childForFieldName("right");
    if (left?.type !== "attribute" || left.childForFieldName("attribute")?.text !== "bind")
      continue;
    const values = right?.type === "list" ? right.namedChildren : right ? [right] : [];

    for (const value of values) {
      const host = combinedSite(value);
      if (host) result.push({ call: assignment, kind: "hypercorn", host });
    }
  }
  return result;
}
