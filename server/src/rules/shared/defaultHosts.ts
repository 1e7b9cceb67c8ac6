import type { Node } from "web-tree-sitter";
import type { ParsedFile } from "../../engine/parse";
import type { Range, RelatedLocation, TextEdit } from "../../engine/types";
import type { Workspace } from "../../workspace/workspace";
import { launchCommands, runsFile, startedHere } from "./launchCommands";
import { pythonLiteral, pythonPreferredQuote } from "./pythonCode";
import { pythonServerCalls, type PythonServerKind } from "./pythonServers";

/** Python servers whose `run` listens on 127.0.0.1 when no host is given. */
const LOOPBACK_BY_DEFAULT: Partial<Record<PythonServerKind, string>> = {
  flask: "Flask",
  sanic: "Sanic",
  socketio: "Flask-SocketIO",
  bottle: "Bottle",
  uvicorn: "Uvicorn",
};

/** A server call without a host that a container starts directly: it listens on loopback. */
export interface DefaultLoopback {
  framework: string;
  /** The call, which a finding underlines. */
  range: Range;
  /** Adds `host="0.0.0.0"` as the first keyword argument. */
  edit: TextEdit;
  /** The commands that run the file. */
  related: RelatedLocation[];
}

/**
 * `app.run()` without a host listens on 127.0.0.1. That is right on a laptop and wrong in a
 * container, so it counts only where a Dockerfile, Procfile or compose command runs the file.
 */
export function defaultLoopbacks(file: ParsedFile, workspace: Workspace): DefaultLoopback[] {
  const root = file.python?.root;
  if (!root) return [];
  const servers = pythonServerCalls(root).filter(
    (s) => !s.host && LOOPBACK_BY_DEFAULT[s.kind] && !hasSplat(s.call),
  );
  if (servers.length === 0) return [];
  const starts = launchCommands(workspace, file.path).filter(
    (c) => runsFile(c, file.path) && !c.file.endsWith("package.json"),
  );
  if (starts.length === 0) return [];
  const related = startedHere(starts);
  const quote = pythonPreferredQuote(file.source);
  return servers.flatMap((server) => {
    const edit = hostEdit(file, server.call, `host=${pythonLiteral("0.0.0.0", quote)}`);
    if (!edit) return [];
    const range = file.source.range(server.call.startIndex, server.call.endIndex);
    return [{ framework: LOOPBACK_BY_DEFAULT[server.kind] ?? "", range, edit, related }];
  });
}

function argumentsOf(call: Node): Node | null {
  const list = call.childForFieldName("arguments");
  return list?.type === "argument_list" ? list : null;
}

function hasSplat(call: Node): boolean {
  const list = argumentsOf(call);
  return !list || list.namedChildren.some((a) => /splat/.test(a.type));
}

/** Inserts a keyword argument after the positional ones, before any keyword. */
function hostEdit(file: ParsedFile, call: Node, text: string): TextEdit | undefined {
  const list = argumentsOf(call);
  if (!list) return undefined;
  const args = list.namedChildren.filter((a) => a.type !== "comment");
  const positional = args.filter((a) => a.type !== "keyword_argument");
  const keyword = args.find((a) => a.type === "keyword_argument");
  if (keyword && positional.some((a) => a.startIndex > keyword.startIndex)) return undefined;
  const last = positional[positional.length - 1];
  // After the last positional argument, else before the first keyword (on its line), else
  // inside the empty parentheses.
  const at = last ? last.endIndex : (keyword?.startIndex ?? list.startIndex + 1);
  const newText = last ? `, ${text}` : keyword ? `${text}, ` : text;
  const point = file.source.positionAt(at);
  return { range: { start: point, end: point }, newText };
}
