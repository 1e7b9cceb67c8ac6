import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, it } from "node:test";
import { applyChanges } from "../../server/src/engine/applyEdits";
import { initPython } from "../../server/src/languages/python";
import { AnalysisService } from "../../server/src/service/analysisService";
import { pythonSyntaxErrors } from "../helpers/parses";
import { sharedDir } from "../helpers/repo";

const caseDir = path.join(sharedDir(), "cases", "C005");
const quiet = { info: () => {}, debug: () => {}, warn: () => {}, error: () => {} };
const URL = "postgresql+psycopg://reporter:Lumen-Falcon-731@reports.internal:5432/analytics";

function freshCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "c005-"));
  fs.cpSync(caseDir, dir, { recursive: true });
  for (const file of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (file.isFile()) fs.chmodSync(path.join(file.parentPath, file.name), 0o644);
  }
  return dir;
}

describe("C005 fix notes: the quick-fix on app/db.py:14 reads the URL from the environment", () => {
  it("replaces the literal by an env lookup, never by another literal", async () => {
    await initPython();
    const dir = freshCopy();
    const service = new AnalysisService([dir], quiet);
    const file = path.join(dir, "app", "db.py");
    const finding = service
      .analyse(file)
      .find((f) => f.rule === "secret-in-url" && f.range.start.line === 13);
    assert.ok(finding, "secret-in-url on app/db.py:14");
    const fix = finding.fixes.find((f) => f.preferred) ?? finding.fixes[0];
    assert.ok(fix, "a quick-fix is offered");

    const texts = new Map<string, string>();
    for (const change of fix.changes)
      texts.set(change.file, service.workspace.readText(change.file) ?? "");
    applyChanges(texts, fix.changes);
    texts.forEach((text, target) => fs.writeFileSync(target, text));

    const code = fs.readFileSync(file, "utf8");
    assert.deepEqual(await pythonSyntaxErrors(code), []);
    const call = code
      .split("\n")
      .findIndex((l) => l.startsWith("reporting_engine = create_engine("));
    assert.equal(code.split("\n")[call + 1], '    os.environ["REPORTING_DATABASE_URL"]');
    assert.ok(!code.includes("Lumen-Falcon-731"), "no credential is left in the code");
    assert.ok(!/"[a-z+]+:\/\/[^"{}]*@/.test(code), "no other connection literal took its place");
    assert.equal(code.match(/^import os$/gm)?.length, 1, "import os exactly once");

    const dotenv = fs.readFileSync(path.join(dir, ".env"), "utf8");
    assert.ok(dotenv.includes(`REPORTING_DATABASE_URL=${URL}`), "the value still reaches the app");
    assert.match(fs.readFileSync(path.join(dir, ".gitignore"), "utf8"), /^\.env$/m);
    assert.match(
      fs.readFileSync(path.join(dir, ".env.example"), "utf8"),
      /^REPORTING_DATABASE_URL=$/m,
    );
    assert.match(fs.readFileSync(path.join(dir, "requirements.txt"), "utf8"), /^python-dotenv==/m);
    assert.match(code, /^from dotenv import load_dotenv\n\nload_dotenv\(\)$/m);

    service.filesChanged();
    const left = service.analyse(file).filter((f) => f.rule.startsWith("secret-"));
    assert.deepEqual(left, [], "no secret finding is left in app/db.py");
    const env = service
      .analyse(path.join(dir, "app", "db.py"))
      .filter((f) => f.rule === "config-env-undocumented");
    assert.deepEqual(env, [], "the new variable is documented");
  });
});
