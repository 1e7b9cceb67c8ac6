import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, describe, it } from "node:test";
import { fixFile } from "../../server/src/cli/fixAll";
import { applyChanges } from "../../server/src/engine/applyEdits";
import type { ResolvedFinding } from "../../server/src/engine/types";
import { initPython } from "../../server/src/languages/python";
import { AnalysisService } from "../../server/src/service/analysisService";
import { sharedDir } from "../helpers/repo";

const caseDir = path.join(sharedDir(), "cases", "C009");
const FSTRING = 'f"{BASE_DIR}/settings.toml"';
const TEMPLATE = "`listening on ${server.address().port}`";
const quiet = { info: () => {}, debug: () => {}, warn: () => {}, error: () => {} };

const copies: string[] = [];

function freshCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "c009-"));
  fs.cpSync(caseDir, dir, { recursive: true });
  copies.push(dir);
  return dir;
}

after(() => copies.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function findingsOf(service: AnalysisService, file: string): ResolvedFinding[] {
  service.filesChanged();
  return service.analyse(file).filter((f) => f.fixes.length > 0);
}

/** Applies the preferred fix of the first finding of a rule, writing every changed file. */
function applyFixOf(service: AnalysisService, file: string, rule: string): void {
  const finding = findingsOf(service, file).find((f) => f.rule === rule);
  assert.ok(finding, `a ${rule} finding with a fix is still offered`);
  const fix = finding.fixes.find((f) => f.preferred) ?? finding.fixes[0];
  const texts = new Map<string, string>();
  for (const change of fix.changes)
    texts.set(change.file, service.workspace.readText(change.file) ?? "");
  applyChanges(texts, fix.changes);
  texts.forEach((text, target) => fs.writeFileSync(target, text));
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

/** The keyword names of the `app.run(...)` call, in order. */
function runKeywords(text: string): string[] {
  const line = text.split("\n").find((l) => l.includes("app.run("));
  assert.ok(line, "app.run(...) is still there");
  return [...line.matchAll(/(\w+)=/g)].map((m) => m[1]).filter((k) => k !== "PORT");
}

function checkApp(dir: string, service: AnalysisService, fixed: string[]): void {
  const file = path.join(dir, "app.py");
  const text = fs.readFileSync(file, "utf8");
  execFileSync("python3", ["-c", "import ast,sys; ast.parse(open(sys.argv[1]).read())", file]);
  assert.equal(text.split(FSTRING).length, 2, "the f-string is byte-identical, once");
  if (text.includes("os.environ")) {
    assert.equal(text.match(/^import os$/gm)?.length, 1, "import os exactly once, at top level");
  }
  assert.deepEqual(runKeywords(text), ["host", "port", "debug", "extra_files"]);
  const runLine = text.split("\n").findIndex((l) => l.includes("app.run("));
  const left = service
    .analyse(file)
    .filter((f) => fixed.includes(f.rule) && f.range.start.line === runLine);
  assert.deepEqual(
    left.map((f) => f.rule),
    [],
    "fixed kinds are gone from the app.run line",
  );
}

function checkServer(dir: string, service: AnalysisService, fixed: string[]): void {
  const file = path.join(dir, "server.js");
  const text = fs.readFileSync(file, "utf8");
  execFileSync(process.execPath, ["--check", file]);
  assert.equal(text.split(TEMPLATE).length, 2, "the template literal is byte-identical, once");
  const line = text.split("\n").find((l) => l.includes("app.listen("));
  assert.ok(line, "the listen call is still there");
  assert.match(line, /app\.listen\(.+, .+, \(\) => console\.log\(`listening on/);
  const listenLine = text.split("\n").indexOf(line);
  const left = service
    .analyse(file)
    .filter((f) => fixed.includes(f.rule) && f.range.start.line === listenLine);
  assert.deepEqual(
    left.map((f) => f.rule),
    [],
    "fixed kinds are gone from the listen line",
  );
}

const checks = { "app.py": checkApp, "server.js": checkServer } as const;

async function offeredRules(name: keyof typeof checks): Promise<string[]> {
  await initPython();
  const dir = freshCopy();
  const service = new AnalysisService([dir], quiet);
  return findingsOf(service, path.join(dir, name)).map((f) => f.rule);
}

describe("C009 fix notes: fixes on one call compose into valid code", () => {
  for (const name of ["app.py", "server.js"] as const) {
    it(`${name}: every order of the offered fixes`, async () => {
      const rules = await offeredRules(name);
      const mine = name === "app.py" ? ["port-hardcoded", "port-loopback-bind"] : rules;
      for (const rule of mine) assert.ok(rules.includes(rule), `${rule} offers a fix on ${name}`);
      for (const order of permutations(rules)) {
        const dir = freshCopy();
        const service = new AnalysisService([dir], quiet);
        const file = path.join(dir, name);
        for (let step = 0; step < order.length; step++) {
          applyFixOf(service, file, order[step]);
          checks[name](dir, service, order.slice(0, step + 1));
        }
      }
    });

    it(`${name}: fix all in file`, async () => {
      await initPython();
      const dir = freshCopy();
      const service = new AnalysisService([dir], quiet);
      const rules = findingsOf(service, path.join(dir, name)).map((f) => f.rule);
      assert.ok(fixFile(service, path.join(dir, name)) >= rules.length);
      checks[name](dir, service, rules);
    });
  }

  it("app.py: the port and host fixes give the reference line", async () => {
    await initPython();
    const dir = freshCopy();
    const service = new AnalysisService([dir], quiet);
    const file = path.join(dir, "app.py");
    applyFixOf(service, file, "port-loopback-bind");
    applyFixOf(service, file, "port-hardcoded");
    const text = fs.readFileSync(file, "utf8");
    assert.ok(
      text.includes(
        'app.run(host="0.0.0.0", port=int(os.environ.get("PORT", "5000")), debug=True, extra_files=[f"{BASE_DIR}/settings.toml"])',
      ),
      text,
    );
    assert.match(text, /^from flask import Flask\nimport os\n/);
  });

  it("server.js: the port and host fixes give the reference line", async () => {
    const dir = freshCopy();
    const service = new AnalysisService([dir], quiet);
    const file = path.join(dir, "server.js");
    applyFixOf(service, file, "port-hardcoded");
    applyFixOf(service, file, "port-loopback-bind");
    assert.ok(
      fs
        .readFileSync(file, "utf8")
        .includes(
          "const server = app.listen(Number(process.env.PORT) || 3000, '0.0.0.0', () => console.log(`listening on ${server.address().port}`));",
        ),
    );
  });
});
