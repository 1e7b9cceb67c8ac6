import type { TextEdit } from "../../engine/types";
import type { SourceText } from "../../languages/sourceText";

/** One element of a comma-separated list (arguments, object properties) by its offsets. */
export interface ListElement {
  start: number;
  end: number;
}

/**
 * The edit that removes an element from a comma-separated list and the comma that goes with
 * it, keeping the rest of the list as it was written (line breaks and trailing comma included).
 */
export function removeListElement(
  source: SourceText,
  elements: ListElement[],
  index: number,
): TextEdit {
  const element = elements[index];
  const next = elements[index + 1];
  const previous = elements[index - 1];
  if (next) return { range: source.range(element.start, next.start), newText: "" };
  if (previous) return { range: source.range(previous.end, element.end), newText: "" };
  let end = element.end;
  const text = source.text;
  while (end < text.length && /[\s,]/.test(text[end]) && text[end] !== "\n") end++;
  let start = element.start;
  while (start > 0 && /[ \t]/.test(text[start - 1])) start--;
  if (/[{(]/.test(text[start - 1] ?? "") && /[})]/.test(text[end] ?? "")) {
    return { range: source.range(start, end), newText: "" };
  }
  return { range: source.range(element.start, element.end), newText: "" };
}
