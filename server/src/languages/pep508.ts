/** PEP 508 requirement strings and PEP 440 version specifiers, as far as pinning needs them. */

export interface Pep508 {
  name: string;
  nameStart: number;
  nameEnd: number;
  /** `[a,b]` as written, or undefined. */
  extras?: string;
  /** The version specifier as written (parentheses included), possibly empty. */
  specifier: string;
  /** Where the specifier sits; both equal the insertion point when it is empty. */
  specifierStart: number;
  specifierEnd: number;
  /** The URL of a `name @ url` requirement. */
  url?: string;
  marker?: string;
}

const NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?/;

/** Parses one requirement string; offsets are relative to `text`. */
export function parsePep508(text: string): Pep508 | undefined {
  const leading = text.length - text.trimStart().length;
  const name = NAME.exec(text.slice(leading));
  if (!name) return undefined;
  const nameEnd = leading + name[0].length;
  let at = skipSpaces(text, nameEnd);
  let extras: string | undefined;
  if (text[at] === "[") {
    const close = text.indexOf("]", at);
    if (close < 0) return undefined;
    extras = text.slice(at, close + 1);
    at = skipSpaces(text, close + 1);
  }
  const result: Pep508 = {
    name: name[0],
    nameStart: leading,
    nameEnd,
    extras,
    specifier: "",
    specifierStart: extras ? at : nameEnd,
    specifierEnd: extras ? at : nameEnd,
  };
  if (text[at] === "@") return withUrl(result, text, at + 1);

  const semicolon = text.indexOf(";", at);
  const specEnd = semicolon < 0 ? text.length : semicolon;
  const specifier = text.slice(at, specEnd).trim();
  if (specifier && !/^[(<>=!~\s]/.test(specifier)) return undefined;
  if (specifier) {
    result.specifier = specifier;
    result.specifierStart = at;
    result.specifierEnd = at + specifier.length;
  }
  if (semicolon >= 0) result.marker = text.slice(semicolon + 1).trim();
  return result;
}

function withUrl(result: Pep508, text: string, from: number): Pep508 {
  const rest = text.slice(from);
  const marker = /\s;/.exec(rest);
  result.url = (marker ? rest.slice(0, marker.index) : rest).trim();
  if (marker) result.marker = rest.slice(marker.index + 2).trim();
  return result;
}

function skipSpaces(text: string, at: number): number {
  while (at < text.length && /\s/.test(text[at])) at++;
  return at;
}

/** PEP 503 normalisation: lower case, runs of `-`, `_`, `.` become one `-`. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}

interface Clause {
  op: string;
  version: string;
}

function clauses(specifier: string): Clause[] {
  const inner = specifier.trim().replace(/^\((.*)\)$/s, "$1");
  const result: Clause[] = [];
  for (const part of inner.split(",")) {
    const match = /^\s*(===|==|!=|~=|>=|<=|>|<)\s*(\S+)\s*$/.exec(part);
    if (match) result.push({ op: match[1], version: match[2] });
  }
  return result;
}

/** Whether a specifier pins one exact version (`==1.2.3`, `===1.2.3`). */
export function isExactPin(specifier: string): boolean {
  const parsed = clauses(specifier);
  return (
    parsed.length === 1 &&
    (parsed[0].op === "==" || parsed[0].op === "===") &&
    !parsed[0].version.includes("*")
  );
}

function release(version: string): number[] {
  const match = /^v?(\d+(?:\.\d+)*)/i.exec(version.trim());
  return match ? match[1].split(".").map(Number) : [];
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

function prefixMatches(version: number[], prefix: number[]): boolean {
  return prefix.every((part, i) => (version[i] ?? 0) === part);
}

function satisfiesClause(version: number[], clause: Clause): boolean {
  const wildcard = clause.version.endsWith(".*");
  const bound = release(wildcard ? clause.version.slice(0, -2) : clause.version);
  const c = compare(version, bound);
  switch (clause.op) {
    case "==":
    case "===":
      return wildcard ? prefixMatches(version, bound) : c === 0;
    case "!=":
      return wildcard ? !prefixMatches(version, bound) : c !== 0;
    case ">=":
      return c >= 0;
    case "<=":
      return c <= 0;
    case ">":
      return c > 0;
    case "<":
      return c < 0;
    default:
      return c >= 0 && prefixMatches(version, bound.slice(0, Math.max(1, bound.length - 1)));
  }
}

/** Whether a version meets every clause of a specifier (release numbers only). */
export function satisfies(version: string, specifier: string): boolean {
  const parsed = release(version);
  if (parsed.length === 0) return false;
  return clauses(specifier).every((clause) => satisfiesClause(parsed, clause));
}
