import { parsePep508 } from "./pep508";
import type { SourceText } from "./sourceText";

/** One logical line of a pip requirements file; offsets are offsets in the file. */
export type RequirementEntry =
  | {
      type: "requirement";
      name: string;
      specifier: string;
      line: number;
      start: number;
      end: number;
      /** `[a,b]` as written. */
      extras?: string;
      marker?: string;
      /** Where the specifier sits (the insertion point when it is empty). */
      specifierStart: number;
      specifierEnd: number;
      /** The line carries `--hash` options. */
      hashes: boolean;
    }
  | {
      type: "url";
      url: string;
      ref?: string;
      line: number;
      start: number;
      end: number;
      /** The name of a `name @ url` requirement or the `#egg=` fragment. */
      name?: string;
      editable: boolean;
      /** A git/hg/svn/bzr URL, installed from a repository. */
      vcs: boolean;
      /** A path or `file:` URL: the project's own code. */
      local: boolean;
    }
  | { type: "include"; option: "-r" | "-c"; target: string; line: number }
  | { type: "option"; line: number };

export interface RequirementsFile {
  entries: RequirementEntry[];
}

/**
 * Reads a requirements file the way pip does: `\`+newline joins lines, a `#` at the start or
 * after whitespace starts a comment, leading `-` tokens are options.
 */
export function parseRequirements(text: SourceText): RequirementsFile {
  const entries: RequirementEntry[] = [];
  for (const logical of logicalLines(text)) {
    const entry = readLine(logical);
    if (entry) entries.push(entry);
  }
  return { entries };
}

interface LogicalLine {
  text: string;
  line: number;
  /** Document offset of each physical piece, by its start in `text`. */
  pieces: Array<{ at: number; offset: number }>;
}

function logicalLines(text: SourceText): LogicalLine[] {
  const result: LogicalLine[] = [];
  let current: LogicalLine | undefined;
  for (let line = 0; line < text.lineCount; line++) {
    const raw = text.lineText(line);
    const continued = /\\$/.test(raw);
    const body = continued ? raw.slice(0, -1) : raw;
    current ??= { text: "", line, pieces: [] };
    current.pieces.push({ at: current.text.length, offset: text.lineStart(line) });
    current.text += body;
    if (!continued) {
      result.push(current);
      current = undefined;
    }
  }
  if (current) result.push(current);
  return result;
}

/** The document offset of a position in a logical line. */
function offsetOf(logical: LogicalLine, at: number): number {
  let piece = logical.pieces[0];
  for (const candidate of logical.pieces) if (candidate.at <= at) piece = candidate;
  return piece.offset + (at - piece.at);
}

function stripComment(line: string): string {
  const match = /(^|\s)#/.exec(line);
  return match ? line.slice(0, match.index) : line;
}

function readLine(logical: LogicalLine): RequirementEntry | undefined {
  const { line } = logical;
  const text = stripComment(logical.text).trimEnd();
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const lead = text.length - text.trimStart().length;

  const include = /^(-r|--requirement|-c|--constraint)(?:\s*=\s*|\s+)(\S+)/.exec(trimmed);
  if (include) {
    const option = include[1] === "-c" || include[1] === "--constraint" ? "-c" : "-r";
    return { type: "include", option, target: include[2], line };
  }
  const editable = /^(-e|--editable)(?:\s*=\s*|\s+)/.exec(trimmed);
  if (editable) return readUrl(logical, lead + editable[0].length, true);
  if (trimmed.startsWith("-")) return { type: "option", line };
  if (isUrlOrPath(trimmed)) return readUrl(logical, lead, false);
  return readRequirement(logical, text, lead);
}

function isUrlOrPath(text: string): boolean {
  return (
    /^([a-z][a-z0-9+.-]*:\/\/|file:|\.{1,2}([\\/]|$)|\/)/i.test(text) ||
    /^[^\s;]+\.(whl|zip|tar\.gz|tgz|tar\.bz2)(\s|$)/i.test(text)
  );
}

function readRequirement(logical: LogicalLine, text: string, lead: number): RequirementEntry {
  const requirementText = text.slice(lead).split(/(?<!\s)\s+--?[a-z]/i)[0];
  const parsed = parsePep508(requirementText);
  if (!parsed) return { type: "option", line: logical.line };
  const start = offsetOf(logical, lead);
  if (parsed.url !== undefined) {
    return urlEntry(logical, parsed.url, lead + requirementText.indexOf(parsed.url), {
      name: parsed.name,
      editable: false,
      start,
    });
  }
  return {
    type: "requirement",
    name: parsed.name,
    specifier: parsed.specifier,
    extras: parsed.extras,
    marker: parsed.marker,
    line: logical.line,
    start,
    end: offsetOf(logical, lead + requirementText.trimEnd().length),
    specifierStart: offsetOf(logical, lead + parsed.specifierStart),
    specifierEnd: offsetOf(logical, lead + parsed.specifierEnd),
    hashes: /\s--hash[=\s]/.test(text),
  };
}

function readUrl(logical: LogicalLine, at: number, editable: boolean): RequirementEntry {
  const url = logical.text.slice(at).trim().split(/\s+/)[0] ?? "";
  const egg = eggName(url);
  return urlEntry(logical, url, at, { name: egg, editable, start: offsetOf(logical, at) });
}

const EGG_NAME = /[A-Za-z0-9._-]+/y;

/**
 * The `egg=` name of a URL's fragment: the last `&egg=` after the first `#`, else a `#egg=`.
 * Searched by hand: `/#(?:.*&)?egg=…/` rescans the rest of the URL from every `#`.
 */
function eggName(url: string): string | undefined {
  const hash = url.indexOf("#");
  if (hash < 0) return undefined;
  for (let at = url.lastIndexOf("&egg="); at > hash; at = url.lastIndexOf("&egg=", at - 1)) {
    EGG_NAME.lastIndex = at + 5;
    const name = EGG_NAME.exec(url)?.[0];
    if (name) return name;
  }
  return /#egg=([A-Za-z0-9._-]+)/.exec(url)?.[1];
}

function urlEntry(
  logical: LogicalLine,
  url: string,
  at: number,
  extra: { name?: string; editable: boolean; start: number },
): RequirementEntry {
  const vcs = /^(git|hg|svn|bzr)\+/i.test(url);
  const local = !vcs && !/^[a-z][a-z0-9+.-]*:\/\//i.test(url);
  const path = url.replace(/#.*$/, "").replace(/^[^:]+:\/\/[^/]*@/, "");
  const ref = vcs ? /@([^@/\s]+)$/.exec(path)?.[1] : undefined;
  return {
    type: "url",
    url,
    ref,
    line: logical.line,
    start: extra.start,
    end: offsetOf(logical, at + url.length),
    name: extra.name,
    editable: extra.editable,
    vcs,
    local,
  };
}

/** Whether a VCS reference names one commit (or a version tag) rather than a branch. */
export function isPinnedRef(ref: string | undefined): boolean {
  if (!ref) return false;
  if (/^([0-9a-f]{40}|[0-9a-f]{64})$/i.test(ref) || /^r?\d+$/.test(ref)) return true;
  return /^v?\d+(\.\d+)+([-.]?(a|b|rc|alpha|beta|post|dev)\d*)?$/i.test(ref);
}
