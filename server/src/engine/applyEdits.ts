import { SourceText } from "../languages/sourceText";
import type { FileChange, TextEdit } from "./types";

/** Applies non-overlapping edits to a text, last first so offsets stay valid. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const source = new SourceText(text);
  const ordered = edits
    .map((edit, index) => ({
      start: source.offsetAt(edit.range.start),
      end: source.offsetAt(edit.range.end),
      text: edit.newText,
      index,
    }))
    .sort((a, b) => b.start - a.start || b.index - a.index);
  let result = text;
  for (const edit of ordered) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return result;
}

/** Applies file changes to a map of file texts (missing files start empty). */
export function applyChanges(files: Map<string, string>, changes: readonly FileChange[]): void {
  for (const change of changes) {
    const current = files.get(change.file) ?? "";
    files.set(change.file, applyEdits(current, change.edits));
  }
}
