import type { Node } from "web-tree-sitter";
import type { TextEdit } from "../../engine/types";
import type { SourceText } from "../../languages/sourceText";

const IMPORTS = new Set(["import_statement", "import_from_statement", "future_import_statement"]);

/**
 * The last import of a module's leading import block (after its shebang, comments, docstring
 * and `from __future__` imports), where new imports and start-up code go: before any statement
 * that could already need them.
 */
export function leadingImportAnchor(root: Node): Node | undefined {
  let anchor: Node | undefined;
  let first = true;
  for (const statement of root.namedChildren) {
    if (statement.type === "comment") continue;
    if (first && isDocstring(statement)) {
      first = false;
      continue;
    }
    first = false;
    if (!IMPORTS.has(statement.type)) break;
    anchor = statement;
  }
  return anchor;
}

function isDocstring(statement: Node): boolean {
  return statement.type === "expression_statement" && statement.namedChildren[0]?.type === "string";
}

/** The comments before the module's first statement: shebang, encoding line, licence. */
function leadingComment(root: Node): Node | undefined {
  let last: Node | undefined;
  for (const statement of root.namedChildren) {
    if (statement.type !== "comment") break;
    last = statement;
  }
  return last;
}

/** An edit that puts lines right after the leading imports (or at the top of the module). */
export function pythonImportBlockEdit(root: Node, source: SourceText, lines: string[]): TextEdit {
  const eol = source.eol;
  const anchor = leadingImportAnchor(root);
  if (anchor) {
    const at = source.positionAt(anchor.endIndex);
    return { range: { start: at, end: at }, newText: lines.map((l) => eol + l).join("") };
  }
  const first = root.namedChildren.find((s) => s.type !== "comment");
  if (first && isDocstring(first)) {
    const at = source.positionAt(first.endIndex);
    return { range: { start: at, end: at }, newText: eol + lines.map((l) => eol + l).join("") };
  }
  if (first) {
    const at = source.positionAt(first.startIndex);
    return { range: { start: at, end: at }, newText: lines.join(eol) + eol + eol };
  }
  const comment = leadingComment(root);
  const at = source.positionAt(comment ? comment.endIndex : 0);
  const text = lines.join(eol) + eol;
  return { range: { start: at, end: at }, newText: comment ? eol + text : text };
}
