import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { DEFAULT_SETTINGS } from "../../server/src/engine/settings";
import { createAnalysis } from "../helpers/analyse";
import { sharedDir } from "../helpers/repo";
import {
  firing,
  toCaseFinding,
  violating,
  type CaseFinding,
  type MustFire,
  type MustNotFire,
} from "./expectations";

interface CaseFile {
  case: string;
  must_fire: MustFire[];
  must_not_fire: MustNotFire[];
  no_crash?: boolean;
}

const casesDir = path.join(sharedDir(), "cases");
const caseNames = fs.existsSync(casesDir)
  ? fs.readdirSync(casesDir).filter((n) => fs.existsSync(path.join(casesDir, n, "expected.json")))
  : [];

const analysed = new Map<string, Promise<{ findings: CaseFinding[]; errors: string[] }>>();

/** Each case is analysed once; its expectations read the same result. */
function analyseCase(dir: string): Promise<{ findings: CaseFinding[]; errors: string[] }> {
  if (!analysed.has(dir)) analysed.set(dir, analyseCaseNow(dir));
  return analysed.get(dir) as Promise<{ findings: CaseFinding[]; errors: string[] }>;
}

async function analyseCaseNow(dir: string): Promise<{ findings: CaseFinding[]; errors: string[] }> {
  const { engine, workspace, errors } = await createAnalysis(dir);
  const findings = workspace.listFiles().flatMap((file) => {
    const text = workspace.readText(file) ?? "";
    const relative = path.relative(dir, file).split(path.sep).join("/");
    return engine
      .analyse(file, text, DEFAULT_SETTINGS)
      .findings.map((f) => toCaseFinding(f, relative));
  });
  return { findings, errors };
}

const show = (findings: CaseFinding[]): string =>
  findings
    .map((f) => `  ${f.rule} ${f.file}:${f.line}:${f.column} ${f.severity} ${f.message}`)
    .join("\n");

describe("cases rebuilt from real reports", () => {
  it("finds the shared cases", () => assert.ok(caseNames.length > 0, `no cases under ${casesDir}`));

  for (const name of caseNames) {
    const dir = path.join(casesDir, name);
    const expected = JSON.parse(
      fs.readFileSync(path.join(dir, "expected.json"), "utf8"),
    ) as CaseFile;

    describe(name, () => {
      for (const entry of expected.must_fire) {
        it(`fires ${entry.rule} at ${entry.file}:${entry.lines.join("|")}`, async () => {
          const { findings } = await analyseCase(dir);
          const hits = firing(findings, entry);
          assert.ok(hits.length > 0, `${entry.note ?? ""}\nall findings:\n${show(findings)}`);
          if (entry.max_count) assert.ok(hits.length <= entry.max_count, show(hits));
        });
      }
      for (const entry of expected.must_not_fire) {
        it(`does not fire ${[entry.rule].flat().join(",")} on ${[entry.file].flat().join(",")}`, async () => {
          const { findings } = await analyseCase(dir);
          const bad = violating(findings, entry);
          assert.equal(bad.length, 0, `${entry.note ?? ""}\n${show(bad)}`);
        });
      }
      it("analyses without a rule crashing", async () => {
        const { errors } = await analyseCase(dir);
        assert.deepEqual(errors, []);
      });
    });
  }
});
