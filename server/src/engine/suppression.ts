import type { SourceText } from "../languages/sourceText";

const MARKER = /twelve-factor-ignore\s+([\w*-]+(?:\s*,\s*[\w*-]+)*)/;

/**
 * Rule ids suppressed per 0-based line. A marker comment silences its own line and the line
 * below, so it works both as a trailing comment and on the line above.
 */
export function suppressionsOf(source: SourceText): Map<number, Set<string>> {
  const byLine = new Map<number, Set<string>>();
  if (!source.text.includes("twelve-factor-ignore")) return byLine;
  for (let line = 0; line < source.lineCount; line++) {
    const match = MARKER.exec(source.lineText(line));
    if (!match) continue;
    const ids = match[1].split(",").map((id) => id.trim());
    for (const target of [line, line + 1]) {
      const set = byLine.get(target) ?? new Set<string>();
      ids.forEach((id) => set.add(id));
      byLine.set(target, set);
    }
  }
  return byLine;
}

export function isSuppressed(
  byLine: Map<number, Set<string>>,
  line: number,
  rule: string,
): boolean {
  const ids = byLine.get(line);
  return !!ids && (ids.has(rule) || ids.has("*"));
}
