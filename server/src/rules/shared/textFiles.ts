import type { FileChange } from "../../engine/types";
import type { Workspace } from "../../workspace/workspace";
import { SourceText } from "../../languages/sourceText";

/**
 * A change that appends lines to the end of a file, creating it when missing. Lines already
 * present (compared by `key`) are not added again.
 */
export function appendLines(
  workspace: Workspace,
  file: string,
  lines: string[],
  key: (line: string) => string = (line) => line.trim(),
): FileChange | undefined {
  const existing = workspace.readText(file);
  const text = existing ?? "";
  const present = new Set(text.split(/\r?\n/).map(key));
  const missing = lines.filter(
    (line, index) => !present.has(key(line)) && lines.indexOf(line) === index,
  );
  if (missing.length === 0) return undefined;
  const source = new SourceText(text);
  const end = source.positionAt(text.length);
  const eol = existing === undefined ? "\n" : source.eol;
  const separator = text.length > 0 && !/\r?\n$/.test(text) ? eol : "";
  return {
    file,
    create: existing === undefined,
    edits: [{ range: { start: end, end }, newText: separator + missing.join(eol) + eol }],
  };
}
