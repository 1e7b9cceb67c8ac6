import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from "yaml";
import type { SourceText } from "./sourceText";

/** A whole line that is a Helm directive (`{{- if … }}`, `{{ include … | nindent 4 }}`). */
const HELM_LINE = /^[ \t]*\{\{[^\n]*\}\}[ \t]*$/;

/** Whether the text a node was read from holds template markup, so its value is unknown. */
export function isTemplated(source: SourceText, node: unknown): boolean {
  if (!node || typeof node !== "object" || !("range" in node)) return false;
  const range = (node as Node).range;
  if (!range) return false;
  return /\{\{|\$\{|\$\(/.test(source.text.slice(range[0], range[1]));
}

/** The column of the line an offset sits on. */
export function columnAt(source: SourceText, offset: number): number {
  return source.positionAt(offset).character;
}

/** The offset of the last character of a node that is not white space. */
export function lastContentOffset(source: SourceText, node: Node): number {
  const range = node.range ?? [0, 0, 0];
  let end = range[1];
  while (end > range[0] && /\s/.test(source.text[end - 1])) end--;
  return Math.max(range[0], end - 1);
}

/**
 * Whether the lines of a block (a mapping and every line indented deeper than its first key)
 * hold a Helm directive line, which may add keys the parsed text does not show.
 */
export function blockHasHelmLines(source: SourceText, node: Node): boolean {
  const range = node.range;
  if (!range) return false;
  const first = source.positionAt(range[0]);
  const indent = first.character;
  for (let line = first.line; line < source.lineCount; line++) {
    const text = source.lineText(line);
    if (HELM_LINE.test(text)) return true;
    if (line === first.line || text.trim() === "" || text.trimStart().startsWith("#")) continue;
    if (text.length - text.trimStart().length < indent) return false;
  }
  return false;
}

/** The key node of a map entry by name. */
export function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair | undefined;
}

/** The keys of a mapping whose value is a mapping, in order. */
export function mapEntries(map: unknown): Array<{ key: string; pair: Pair }> {
  if (!isMap(map)) return [];
  return map.items.flatMap((pair) => {
    const key = isScalar(pair.key) ? pair.key.value : undefined;
    return typeof key === "string" ? [{ key, pair: pair as Pair }] : [];
  });
}

/** The items of a sequence that are mappings. */
export function mapItems(node: unknown): YAMLMap[] {
  return isSeq(node) ? node.items.filter((item): item is YAMLMap => isMap(item)) : [];
}

const DASH_PREFIX = /^(\s*-\s+)+/;

/**
 * The indentation step the file uses for nested mappings, read from the file itself: the most
 * common distance between a key that opens a block and its first child key. Two by default.
 */
export function indentUnit(source: SourceText): number {
  const counts = new Map<number, number>();
  let previous: { column: number; opens: boolean } | undefined;
  for (let line = 0; line < source.lineCount; line++) {
    const text = source.lineText(line);
    const trimmed = text.trim();
    if (trimmed === "" || trimmed.startsWith("#") || HELM_LINE.test(text)) continue;
    const dash = DASH_PREFIX.exec(text)?.[0].length;
    const column = dash ?? text.length - text.trimStart().length;
    if (previous?.opens && dash === undefined && column > previous.column) {
      const step = column - previous.column;
      counts.set(step, (counts.get(step) ?? 0) + 1);
    }
    const body = trimmed.replace(/(?<!\s)\s+#.*$/, "");
    previous = { column, opens: /^[^'"{[]*:$/.test(body.replace(/^(-\s+)+/, "")) };
  }
  let best = 2;
  let bestCount = 0;
  for (const [step, count] of counts) {
    if (count > bestCount || (count === bestCount && step < best)) {
      best = step;
      bestCount = count;
    }
  }
  return best;
}
