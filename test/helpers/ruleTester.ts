import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { applyChanges } from "../../server/src/engine/applyEdits";
import { DEFAULT_SETTINGS } from "../../server/src/engine/settings";
import type { ResolvedFinding, Severity } from "../../server/src/engine/types";
import { createAnalysis, makeWorkspace } from "./analyse";
import { assertParses, syntaxErrors } from "./parses";

export interface ValidCase {
  name?: string;
  /** Path of the file under test, relative to the workspace. */
  file: string;
  code: string;
  /** Other files of the workspace. */
  files?: Record<string, string>;
}

export interface ExpectedFinding {
  /** 1-based, as an editor shows them. */
  line: number;
  column: number;
  severity?: Severity;
  messageIncludes?: string;
}

export interface InvalidCase extends ValidCase {
  findings: ExpectedFinding[];
  /** Text of the file after the first fix of the first finding; null asserts no fix. */
  output?: string | null;
  /** Other files after that fix, by relative path; null asserts the fix leaves it alone. */
  outputFiles?: Record<string, string | null>;
  /** Which fix to apply, by English title; the first one when omitted. */
  fixTitle?: string;
  /** Also require the fixed source file to parse (no syntax error). */
  parses?: boolean;
  /**
   * Re-run the rule after the fix with the other files as the fix left them (for fixes that
   * clear a finding by editing a manifest or `.gitignore` rather than the file itself).
   */
  recheckFixedFiles?: boolean;
}

export interface RuleTable {
  valid: ValidCase[];
  invalid: InvalidCase[];
}

async function findingsOf(rule: string, testCase: ValidCase) {
  const root = makeWorkspace({ ...testCase.files, [testCase.file]: testCase.code });
  const analysis = await createAnalysis(root);
  const file = path.join(root, testCase.file);
  const result = analysis.engine.analyse(file, testCase.code, DEFAULT_SETTINGS);
  assert.deepEqual(analysis.errors, [], "no rule may crash");
  return { root, file, findings: result.findings.filter((f) => f.rule === rule) };
}

function describeFindings(findings: ResolvedFinding[]): string {
  return findings
    .map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message.en}`)
    .join("\n");
}

/** The table test of a rule: valid cases report nothing, invalid ones report where expected. */
export function ruleTester(rule: string, table: RuleTable): void {
  describe(rule, () => {
    table.valid.forEach((testCase, index) => {
      it(`valid ${index + 1}: ${testCase.name ?? testCase.file}`, async () => {
        const { findings } = await findingsOf(rule, testCase);
        assert.equal(findings.length, 0, `unexpected findings:\n${describeFindings(findings)}`);
      });
    });
    table.invalid.forEach((testCase, index) => {
      it(`invalid ${index + 1}: ${testCase.name ?? testCase.file}`, async () => {
        await checkInvalid(rule, testCase);
        await checkEveryFix(rule, testCase);
      });
    });
  });
}

async function checkInvalid(rule: string, testCase: InvalidCase): Promise<void> {
  const { root, file, findings } = await findingsOf(rule, testCase);
  const actual = findings.map((f) => ({
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
  }));
  const expected = testCase.findings.map(({ line, column }) => ({ line, column }));
  assert.deepEqual(actual, expected, `findings were:\n${describeFindings(findings)}`);
  testCase.findings.forEach((want, i) => {
    if (want.severity) assert.equal(findings[i].severity, want.severity);
    if (want.messageIncludes) assert.ok(findings[i].message.en.includes(want.messageIncludes));
    assert.ok(findings[i].message.zh.length > 0, "a Chinese message is present");
  });
  if (testCase.output === undefined && !testCase.outputFiles) return;
  const fixes = findings[0].fixes;
  if (testCase.output === null) {
    assert.equal(fixes.length, 0, "no fix is offered");
    return;
  }
  const fix = testCase.fixTitle ? fixes.find((f) => f.title.en === testCase.fixTitle) : fixes[0];
  assert.ok(fix, `fix offered: ${fixes.map((f) => f.title.en).join(", ")}`);
  const texts = readAll(
    root,
    fix.changes.map((c) => c.file),
  );
  applyChanges(texts, fix.changes);
  const fixed = texts.get(file) ?? testCase.code;
  if (testCase.output !== undefined) assert.equal(fixed, testCase.output);
  if (testCase.parses && testCase.output) await assertParses(file, testCase.output);
  for (const [relative, text] of Object.entries(testCase.outputFiles ?? {})) {
    assert.equal(texts.get(path.join(root, relative)) ?? null, text, `${relative} after the fix`);
  }
  const files = testCase.recheckFixedFiles ? fixedFiles(root, testCase, texts) : testCase.files;
  await assertFixClears(rule, { ...testCase, files }, fixed, findings.length);
}

/**
 * Applies every fix offered for every finding of a case, one at a time: no file the fix changes
 * gains a syntax error, and the rule reports fewer findings afterwards.
 */
async function checkEveryFix(rule: string, testCase: InvalidCase): Promise<void> {
  const { root, file, findings } = await findingsOf(rule, testCase);
  for (const finding of findings) {
    for (const fix of finding.fixes) {
      const texts = readAll(
        root,
        fix.changes.map((c) => c.file),
      );
      const before = new Map(texts);
      applyChanges(texts, fix.changes);
      for (const [changed, text] of texts) {
        const was = await syntaxErrors(changed, before.get(changed) ?? "");
        const now = await syntaxErrors(changed, text);
        const name = path.relative(root, changed);
        assert.ok(
          now.length <= was.length,
          `"${fix.title.en}" breaks ${name}:\n${now.join("\n")}\n${text}`,
        );
      }
      const fixed = texts.get(file) ?? testCase.code;
      const after = await findingsOf(rule, {
        ...testCase,
        files: fixedFiles(root, testCase, texts),
        code: fixed,
      });
      assert.ok(
        after.findings.length < findings.length,
        `"${fix.title.en}" leaves its finding:\n${describeFindings(after.findings)}\n${fixed}`,
      );
    }
  }
}

/** The other files of a case as a fix left them. */
function fixedFiles(root: string, testCase: InvalidCase, texts: Map<string, string>) {
  const files: Record<string, string> = { ...testCase.files };
  for (const [file, text] of texts) {
    const relative = path.relative(root, file).split(path.sep).join("/");
    if (relative !== testCase.file) files[relative] = text;
  }
  return files;
}

function readAll(root: string, files: string[]): Map<string, string> {
  const texts = new Map<string, string>();
  for (const file of files) {
    texts.set(file, fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "");
  }
  return texts;
}

/** After the fix, the rule reports one finding fewer on the fixed text. */
async function assertFixClears(rule: string, testCase: InvalidCase, fixed: string, before: number) {
  const { findings } = await findingsOf(rule, { ...testCase, code: fixed });
  assert.equal(findings.length, before - 1, `after the fix:\n${describeFindings(findings)}`);
}
