import * as fs from "node:fs";
import * as path from "node:path";
import { applyChanges } from "../engine/applyEdits";
import { followUpsOf, type ChangeFollowUp } from "../engine/followUps";
import type { Fix, Locale, Localized, ResolvedFinding } from "../engine/types";
import type { AnalysisService } from "../service/analysisService";
import { decodeExactly, encodeText, type TextEncoding } from "../workspace/decode";
import { MAX_FILE_BYTES } from "../workspace/workspace";

/** Most fixes one file can take in a pass; each round re-analyses the file. */
const MAX_ROUNDS = 100;

/**
 * Most passes over all files. A fix can leave work for a file already done (it creates the
 * `.env.example` that another file's finding needs, or a file has two findings alike), so passes
 * repeat until one applies nothing.
 */
export const MAX_PASSES = 5;

/** What `--fix` did to the files. */
export interface FixReport {
  applied: number;
  /** Passes that applied at least one fix. */
  passes: number;
  /** Whether the last pass found nothing left to fix. */
  settled: boolean;
  /** Absolute paths of the files written, and of those among them that are new. */
  changed: Set<string>;
  created: Set<string>;
  /** Commands the user must run, once each. */
  followUps: ChangeFollowUp[];
  /** Files no fix was written to, because a rewrite would change their bytes: why, by path. */
  refused: Map<string, Localized>;
  /** Steps the applied fixes left to the user, once each. */
  byHand: Localized[];
}

function emptyReport(): FixReport {
  return {
    applied: 0,
    passes: 0,
    settled: false,
    changed: new Set(),
    created: new Set(),
    followUps: [],
    refused: new Map(),
    byHand: [],
  };
}

/**
 * Applies the preferred fix of every finding of every file, in passes, until a pass changes
 * nothing or `MAX_PASSES` ran. `files` lists the files to visit, again for each pass, so that
 * files the fixes create are analysed too.
 */
export function fixAll(service: AnalysisService, files: () => string[]): FixReport {
  const report = emptyReport();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let applied = 0;
    for (const file of files()) applied += fixFile(service, file, report);
    if (applied === 0) {
      report.settled = true;
      break;
    }
    report.applied += applied;
    report.passes++;
  }
  return report;
}

/** The fix a fix-all applies for a finding: its preferred one, else its first. */
const fixOf = (finding: ResolvedFinding): Fix =>
  finding.fixes.find((f) => f.preferred) ?? finding.fixes[0];

/**
 * Applies the fix of each finding, fixes that move a value into `.env` first, one finding at a
 * time, re-analysing in between so fixes never see stale offsets. Returns how many fixes
 * changed a file.
 */
export function fixFile(
  service: AnalysisService,
  file: string,
  report: FixReport = emptyReport(),
): number {
  let applied = 0;
  const tried = new Set<string>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const open = service
      .analyse(file)
      .filter((f) => f.fixes.length > 0 && !tried.has(`${f.rule}:${f.message.en}`));
    const finding = open.find((f) => fixOf(f).movesValue) ?? open[0];
    if (!finding) break;
    tried.add(`${finding.rule}:${finding.message.en}`);
    if (applyFix(service, { fix: fixOf(finding), source: file }, report)) applied++;
  }
  return applied;
}

interface OnDisk {
  text: string;
  encoding: TextEncoding;
}

/**
 * A file as a fix finds it on disk: undefined when missing, or why it must not be rewritten.
 * Never reads what is not a regular file: a FIFO would block.
 */
function readOnDisk(file: string): OnDisk | { reason: Localized } | undefined {
  try {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat) return undefined;
    if (!stat.isFile()) return { reason: { en: "not a regular file", zh: "不是普通文件" } };
    if (stat.size > MAX_FILE_BYTES) {
      return { reason: { en: "over the size limit", zh: "超过大小上限" } };
    }
    return decodeExactly(fs.readFileSync(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { reason: { en: `cannot be read: ${code}`, zh: `无法读取：${code}` } };
  }
}

/**
 * Writes a fix to disk, each file in the encoding it had; false when it would change nothing,
 * or when the file analysed or a file the fix edits would not come back byte for byte.
 */
function applyFix(
  service: AnalysisService,
  { fix, source }: { fix: Fix; source: string },
  report: FixReport,
): boolean {
  const before = new Map<string, OnDisk | undefined>();
  for (const file of [source, ...fix.changes.map((change) => change.file)]) {
    if (before.has(file)) continue;
    const found = readOnDisk(file);
    if (found && "reason" in found) {
      report.refused.set(file, found.reason);
      return false;
    }
    before.set(file, found);
  }
  const texts = new Map(fix.changes.map((c) => [c.file, before.get(c.file)?.text ?? ""]));
  applyChanges(texts, fix.changes);

  const written = [...texts].filter(([file, text]) => before.get(file)?.text !== text);
  for (const [file, text] of written) {
    const old = before.get(file);
    if (old === undefined) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      report.created.add(file);
    }
    fs.writeFileSync(file, encodeText(text, old?.encoding ?? "utf8"));
    report.changed.add(file);
  }
  if (written.some(([file]) => report.created.has(file))) service.filesChanged();
  for (const followUp of followUpsOf(fix.changes)) {
    const known = report.followUps.some(
      (f) => f.command === followUp.command && f.updates === followUp.updates,
    );
    if (!known) report.followUps.push(followUp);
  }
  for (const step of written.length > 0 ? (fix.byHand ?? []) : []) {
    if (!report.byHand.some((known) => known.en === step.en)) report.byHand.push(step);
  }
  return written.length > 0;
}

/** The lines `--fix` prints to stderr: what it changed, and what is left to the user. */
export function fixSummary(report: FixReport, options: { root: string; locale: Locale }): string[] {
  const relative = (file: string) => path.relative(options.root, file).split(path.sep).join("/");
  const zh = options.locale === "zh";
  const refused = [...report.refused].map(([file, reason]) =>
    zh
      ? `未修复：${relative(file)}（${reason.zh}；保持原样）`
      : `Not fixed: ${relative(file)} (${reason.en}; left as it is)`,
  );
  if (report.applied === 0) return [zh ? "没有可应用的修复" : "No fixes applied", ...refused];
  const count = report.changed.size;
  const lines = [
    zh
      ? `应用了 ${report.applied} 个修复（${report.passes} 轮），修改了 ${count} 个文件：`
      : `Applied ${plural(report.applied, "fix", "fixes")} in ${plural(report.passes, "pass", "passes")}; ${plural(count, "file", "files")} changed:`,
  ];
  for (const file of [...report.changed].map(relative).sort()) {
    const created = report.created.has(path.resolve(options.root, file));
    lines.push(`  ${file}${created ? (zh ? "（新建）" : " (created)") : ""}`);
  }
  lines.push(...refused);
  for (const f of report.followUps) {
    lines.push(
      zh
        ? `${relative(f.changed)} 已修改：请运行 ${f.command} 以更新 ${relative(f.updates)}`
        : `${relative(f.changed)} changed: run ${f.command} to update ${relative(f.updates)}`,
    );
  }
  for (const step of report.byHand)
    lines.push(zh ? `需手动处理：${step.zh}` : `By hand: ${step.en}`);
  if (!report.settled) {
    lines.push(
      zh
        ? `${MAX_PASSES} 轮后仍有修复可应用：请再次运行 --fix`
        : `Fixes still applied after ${MAX_PASSES} passes: run --fix again`,
    );
  }
  return lines;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
