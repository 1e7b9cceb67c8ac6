import type { Node } from "web-tree-sitter";
import type { ParsedFile } from "../../engine/parse";
import type { Range } from "../../engine/types";
import { pythonEnvNames, pythonString } from "../../languages/pythonSyntax";
import { ts, walkScript } from "../../languages/script";
import { envAliases, scriptString } from "../../languages/scriptSyntax";
import type { Workspace } from "../../workspace/workspace";
import { appModules } from "./appModules";
import { pythonServerCalls, type PythonServerCall } from "./pythonServers";
import { resolvePythonValue } from "./pythonValues";
import { loadedModules } from "./scriptCode";
import { scriptServerCalls, type ScriptServerCall } from "./scriptServers";
import { resolveScriptValue } from "./scriptValues";
import { pythonImports } from "./webApps";

/** A literal host a server binds to, wherever it is written. */
export interface HostLiteral {
  /** The host part (`127.0.0.1` of `127.0.0.1:8000`). */
  host: string;
  /** What a finding underlines: the `host="…"` argument, else the literal. */
  range: Range;
  /** The host part inside the quotes, which fixes replace. */
  hostRange: Range;
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\]|ip6-localhost)$/i;

export function isLoopback(host: string): boolean {
  return LOOPBACK.test(host);
}

/** Splits `host:port` (also `[::1]:8000`) into its host part. */
function hostPart(text: string, combined: boolean): string {
  if (!combined) return text;
  const bracketed = /^(\[[^\]]*\]):\d+$/.exec(text);
  return bracketed ? bracketed[1] : text.replace(/:\d+$/, "");
}

function pythonHosts(file: ParsedFile): HostLiteral[] {
  const root = file.python?.root;
  if (!root || pythonImports(root).has("webbrowser")) return [];
  const env = pythonEnvNames(root);
  const result: HostLiteral[] = [];
  for (const server of pythonServerCalls(root)) {
    const site = server.host;
    if (!site || isOneShot(root, server)) continue;
    const value = resolvePythonValue(root, site.value, env);
    if (value.kind !== "literal" || value.node.type !== "string") continue;
    const text = pythonString(value.node) ?? "";
    const host = hostPart(text, !!site.combined);
    const content = value.node.namedChildren.find((c) => c.type === "string_content");
    if (!content) continue;
    const pair = value.via?.parent?.type === "pair" ? value.via.parent : undefined;
    const whole: Node = value.via ? (pair ?? value.node) : site.argument;
    result.push({
      host,
      range: file.source.range(whole.startIndex, whole.endIndex),
      hostRange: file.source.range(content.startIndex, content.startIndex + host.length),
    });
  }
  return result;
}

/** A server that answers one request (`handle_request()`): a local login callback. */
function isOneShot(root: Node, server: PythonServerCall): boolean {
  const holder = server.call.parent;
  const name = holder?.type === "assignment" ? holder.childForFieldName("left")?.text : undefined;
  if (!name) return false;
  return root
    .descendantsOfType("call")
    .some((c) => c.childForFieldName("function")?.text === `${name}.handle_request`);
}

function scriptHosts(file: ParsedFile, workspace?: Workspace): HostLiteral[] {
  const source = file.script?.source;
  if (!source || loadedModules(source).has("open")) return [];
  const env = envAliases(source);
  const result: HostLiteral[] = [];
  const appModule = workspace && appModules(workspace, file.path);
  for (const server of scriptServerCalls(source, { appModule })) {
    const site = server.host;
    if (!site || usesEphemeralPort(server)) continue;
    const value = resolveScriptValue(source, site.value, env);
    if (value.kind !== "literal") continue;
    const host = scriptString(value.node);
    if (host === undefined) continue;
    const node = value.node;
    const viaProperty = value.via && ts.isPropertyAssignment(value.via) ? value.via : undefined;
    const whole = value.via ? (viaProperty ?? node) : site.argument;
    const start = node.getStart(source) + 1;
    result.push({
      host,
      range: file.source.range(whole.getStart(source), whole.getEnd()),
      hostRange: file.source.range(start, start + host.length),
    });
  }
  return result;
}

/** `listen(0, …)`: an ephemeral port, which only a local tool or a test uses. */
function usesEphemeralPort(server: ScriptServerCall): boolean {
  const port = server.port?.value;
  if (!port) return false;
  return [...walkScript(port)].some((n) => ts.isNumericLiteral(n) && n.text === "0");
}

/**
 * Literal hosts of the servers a source file starts, each literal once. With the workspace, an
 * app imported from another module of the project counts.
 */
export function serverHosts(file: ParsedFile, workspace?: Workspace): HostLiteral[] {
  const all = file.python ? pythonHosts(file) : scriptHosts(file, workspace);
  const seen = new Set<string>();
  return all.filter((h) => {
    const key = `${h.hostRange.start.line}:${h.hostRange.start.character}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
