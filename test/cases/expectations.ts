import picomatch from "picomatch";
import { SEVERITY_ORDER, type ResolvedFinding, type Severity } from "../../server/src/engine/types";

/** A finding in the shape the cases speak of: relative file, 1-based line and columns. */
export interface CaseFinding {
  rule: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  message: string;
  messageZh: string;
}

export interface MustFire {
  rule: string;
  file: string;
  lines: number[];
  min_severity?: Severity;
  max_count?: number;
  within_columns?: [number, number];
  also?: Array<{ file: string; lines: number[] }>;
  note?: string;
}

export interface MustNotFire {
  rule: string | string[];
  file: string | string[];
  lines?: number[];
  except_lines?: number[];
  except_rules?: string[];
  max_severity?: Severity;
  message_regex?: string;
  note?: string;
}

const rank = (s: Severity): number => SEVERITY_ORDER.indexOf(s);
const list = (v: string | string[]): string[] => (Array.isArray(v) ? v : [v]);
const matches = (patterns: string[], value: string): boolean =>
  patterns.some((p) => p === "*" || picomatch.isMatch(value, p, { dot: true }));

/** Findings that satisfy a must-fire entry at its place. */
export function firing(findings: CaseFinding[], entry: MustFire): CaseFinding[] {
  const places = [{ file: entry.file, lines: entry.lines }, ...(entry.also ?? [])];
  return findings.filter((f) => {
    if (f.rule !== entry.rule) return false;
    if (!places.some((p) => p.file === f.file && p.lines.includes(f.line))) return false;
    if (entry.min_severity && rank(f.severity) < rank(entry.min_severity)) return false;
    if (entry.within_columns) {
      const [from, to] = entry.within_columns;
      if (f.line !== f.endLine || f.column < from || f.endColumn - 1 > to) return false;
    }
    return true;
  });
}

/** Findings that break a must-not-fire entry. */
export function violating(findings: CaseFinding[], entry: MustNotFire): CaseFinding[] {
  return findings.filter((f) => {
    if (!matches(list(entry.rule), f.rule) || !matches(list(entry.file), f.file)) return false;
    if (entry.except_rules?.includes(f.rule)) return false;
    if (entry.lines && !entry.lines.includes(f.line)) return false;
    if (entry.except_lines?.includes(f.line)) return false;
    if (entry.max_severity && rank(f.severity) <= rank(entry.max_severity)) return false;
    if (entry.message_regex) {
      const regex = new RegExp(entry.message_regex.replace(/^\(\?i\)/, ""), "i");
      if (!regex.test(f.message) && !regex.test(f.messageZh)) return false;
    }
    return true;
  });
}

export function toCaseFinding(finding: ResolvedFinding, relative: string): CaseFinding {
  return {
    rule: finding.rule,
    file: relative,
    line: finding.range.start.line + 1,
    column: finding.range.start.character + 1,
    endLine: finding.range.end.line + 1,
    endColumn: finding.range.end.character + 1,
    severity: finding.severity,
    message: finding.message.en,
    messageZh: finding.message.zh,
  };
}
