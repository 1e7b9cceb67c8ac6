import type { SourceText } from "./sourceText";

export interface DotenvEntry {
  name: string;
  value: string;
  line: number;
  /** Offsets of the value in the file. */
  valueStart: number;
  valueEnd: number;
}

export interface DotenvFile {
  entries: DotenvEntry[];
}

const ASSIGNMENT = /^(\s*(?:export\s+)?)([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*((?:.*\S)?)\s*$/;

export function parseDotenv(text: SourceText): DotenvFile {
  const entries: DotenvEntry[] = [];
  for (let line = 0; line < text.lineCount; line++) {
    const raw = text.lineText(line);
    const match = ASSIGNMENT.exec(raw);
    if (!match || raw.trimStart().startsWith("#")) continue;
    const valueOffset = raw.indexOf("=", match[1].length + match[2].length) + 1;
    const leading = raw.slice(valueOffset).length - raw.slice(valueOffset).trimStart().length;
    const valueStart = text.lineStart(line) + valueOffset + leading;
    const value = unquote(match[3]);
    entries.push({
      name: match[2],
      value,
      line,
      valueStart,
      valueEnd: valueStart + match[3].length,
    });
  }
  return { entries };
}

function unquote(value: string): string {
  const quoted = /^(['"])(.*)\1$/.exec(value);
  if (quoted) return quoted[2];
  return value.replace(/(?<!\s)\s+#.*$/, "");
}

/** The names a dotenv text defines, for checks that only need the names. */
export function dotenvNames(text: SourceText): Set<string> {
  return new Set(parseDotenv(text).entries.map((e) => e.name));
}
