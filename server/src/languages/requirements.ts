import type { SourceText } from "./sourceText";

/** One logical line of a pip requirements file. */
export type RequirementEntry =
  | {
      type: "requirement";
      name: string;
      specifier: string;
      line: number;
      start: number;
      end: number;
    }
  | { type: "url"; url: string; ref?: string; line: number; start: number; end: number }
  | { type: "include"; option: "-r" | "-c"; target: string; line: number }
  | { type: "option"; line: number };

export interface RequirementsFile {
  entries: RequirementEntry[];
}

const REQUIREMENT = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*([^;]*?)\s*(;.*)?$/;

/**
 * Reads a requirements file the way pip does: `\`+newline joins lines, a `#` at the start or
 * after whitespace starts a comment, leading `-` tokens are options.
 */
export function parseRequirements(text: SourceText): RequirementsFile {
  const entries: RequirementEntry[] = [];
  for (const logical of logicalLines(text)) {
    const entry = readLine(logical.text, logical.line, logical.offset);
    if (entry) entries.push(entry);
  }
  return { entries };
}

interface LogicalLine {
  text: string;
  line: number;
  offset: number;
}

function logicalLines(text: SourceText): LogicalLine[] {
  const result: LogicalLine[] = [];
  let current: LogicalLine | undefined;
  for (let line = 0; line < text.lineCount; line++) {
    const raw = text.lineText(line);
    const continued = /\\$/.test(raw);
    const body = continued ? raw.slice(0, -1) : raw;
    if (current) current.text += body;
    else current = { text: body, line, offset: text.lineStart(line) };
    if (!continued) {
      result.push(current);
      current = undefined;
    }
  }
  if (current) result.push(current);
  return result;
}

function stripComment(line: string): string {
  const match = /(^|\s)#/.exec(line);
  return match ? line.slice(0, match.index) : line;
}

function readLine(raw: string, line: number, offset: number): RequirementEntry | undefined {
  const text = stripComment(raw).trimEnd();
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const start = offset + (text.length - text.trimStart().length);

  const include = /^(-r|--requirement|-c|--constraint)(?:\s+|=)(\S+)/.exec(trimmed);
  if (include) {
    const option = include[1] === "-c" || include[1] === "--constraint" ? "-c" : "-r";
    return { type: "include", option, target: include[2], line };
  }
  if (/^(-e|--editable)\b/.test(trimmed))
    return readUrl(trimmed.replace(/^\S+\s*/, ""), line, start);
  if (trimmed.startsWith("-")) return { type: "option", line };
  if (/^(git\+|hg\+|svn\+|bzr\+|https?:|file:|\.{0,2}\/)/.test(trimmed) || /\s@\s/.test(trimmed)) {
    return readUrl(trimmed, line, start);
  }
  const requirementText = trimmed.split(/\s+--/)[0];
  const match = REQUIREMENT.exec(requirementText);
  if (!match) return { type: "option", line };
  return {
    type: "requirement",
    name: match[1],
    specifier: match[3].trim(),
    line,
    start,
    end: start + requirementText.length,
  };
}

function readUrl(text: string, line: number, start: number): RequirementEntry {
  const url = text.split(/\s+/)[0];
  const ref = /@([^@#/\s]+)(#.*)?$/.exec(url.replace(/^[^:]+:\/\/[^/]*@/, ""))?.[1];
  return { type: "url", url, ref, line, start, end: start + url.length };
}
