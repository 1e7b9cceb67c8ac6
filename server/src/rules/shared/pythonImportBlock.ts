import type { Node } from "web-tree-sitter";
import type { TextEdit } from "../../engine/types";
import type { SourceText } from "../../languages/sourceText";

/**
 * The last import of a module's leading import block (after its docstring and comments), where
 * new imports and start-up code go: before any statement that could already need them.
 */
export function leadingImportAnchor(root: Node): Node | undefined {
  let anchor: Node | undefined;
  for (const [index, statement] of root.namedChildren.entries()) {
    if (statement.type === "comment") continue;
    if (index === 0 && isDocstring(statement)) continue;
    if (statement.type === "import_statement" || statement.type === "import_from_statement") {
      anchor = statement;
      continue;
    }
    break;
  }
  return anchor;
}

function isDocstring(statement: Node): boolean {
  return statement.type === "expression_statement" && statement.namedChildren[0]?.type === "string";
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
  const at = source.positionAt(first ? first.startIndex : 0);
  return { range: { start: at, end: at }, newText: lines.join(eol) + eol + eol };
}
