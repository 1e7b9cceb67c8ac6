import type { SourceText } from "./sourceText";

/** One process type of a Procfile: `web: gunicorn app:app`. */
export interface ProcfileEntry {
  type: string;
  command: string;
  /** 0-based line. */
  line: number;
  /** Offsets of the command in the file. */
  start: number;
  end: number;
}

export interface ProcfileFile {
  entries: ProcfileEntry[];
}

const ENTRY = /^([A-Za-z0-9_-]+)[ \t]*:[ \t]*(.*?)[ \t]*$/;

/** Reads `type: command` lines; blank lines, comments and anything else are skipped. */
export function parseProcfile(text: SourceText): ProcfileFile {
  const entries: ProcfileEntry[] = [];
  for (let line = 0; line < text.lineCount; line++) {
    const raw = text.lineText(line);
    const match = ENTRY.exec(raw);
    if (!match || !match[2]) continue;
    const start = text.lineStart(line) + raw.indexOf(match[2], match[1].length + 1);
    entries.push({ type: match[1], command: match[2], line, start, end: start + match[2].length });
  }
  return { entries };
}
