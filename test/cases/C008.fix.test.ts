import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { applyEdits } from "../../server/src/engine/applyEdits";
import { DEFAULT_SETTINGS } from "../../server/src/engine/settings";
import { joinContinuations } from "../../server/src/languages/dockerfile";
import { createAnalysis } from "../helpers/analyse";
import { sharedDir } from "../helpers/repo";

const dir = path.join(sharedDir(), "cases", "C008");
const RULE = "docker-cmd-shell-form";

async function fixedText(name: string, line: number): Promise<string> {
  const { engine } = await createAnalysis(dir);
  const file = path.join(dir, name);
  const text = fs.readFileSync(file, "utf8");
  const findings = engine
    .analyse(file, text, DEFAULT_SETTINGS)
    .findings.filter((f) => f.rule === RULE && f.range.start.line + 1 === line);
  assert.equal(findings.length, 1, `one ${RULE} finding on ${name}:${line}`);
  const fix = findings[0].fixes[0];
  assert.ok(fix, "a quick-fix is offered");
  assert.deepEqual(
    fix.changes.map((c) => c.file),
    [file],
    "the fix edits the Dockerfile only",
  );
  return applyEdits(text, fix.changes[0].edits);
}

async function assertClean(name: string, fixed: string, line: number): Promise<void> {
  const { engine } = await createAnalysis(dir);
  const findings = engine
    .analyse(path.join(dir, name), fixed, DEFAULT_SETTINGS)
    .findings.filter((f) => f.rule === RULE && f.range.start.line + 1 === line);
  assert.deepEqual(findings, [], "no docker-cmd-shell-form on that line after the fix");
}

/** The CMD line's arguments parse as a JSON array with a strict parser. */
function strictArgv(fixed: string, line: number): string[] {
  const lines = fixed.split("\n").slice(line - 1);
  const instruction = joinContinuations(lines.join("\n")).split("\n")[0];
  const args = instruction.replace(/^CMD\s+/, "");
  const parsed: unknown = JSON.parse(args);
  assert.ok(Array.isArray(parsed) && parsed.every((a) => typeof a === "string"));
  return parsed as string[];
}

const cmdLine = (fixed: string, line: number): string => fixed.split("\n")[line - 1];

describe("C008 fix notes: converting CMD to exec form keeps expansion and &&", () => {
  it("Dockerfile:8 runs through sh -c with exec, shell quotes kept inside the script", async () => {
    const fixed = await fixedText("Dockerfile", 8);
    assert.equal(
      cmdLine(fixed, 8),
      'CMD ["sh", "-c", "exec gunicorn --bind \\"0.0.0.0:$PORT\\" --workers \\"${WEB_CONCURRENCY:-2}\\" shop.wsgi:application"]',
    );
    const argv = strictArgv(fixed, 8);
    assert.deepEqual(argv.slice(0, 2), ["sh", "-c"], "the script is one element after -c");
    assert.equal(argv.length, 3);
    assert.ok(!argv.includes("0.0.0.0:$PORT"), "$PORT is never a literal exec argument");
    await assertClean("Dockerfile", fixed, 8);
  });

  it("Dockerfile.migrate:7 keeps && inside the sh -c script and execs the server", async () => {
    const fixed = await fixedText("Dockerfile.migrate", 7);
    assert.equal(
      cmdLine(fixed, 7),
      'CMD ["sh", "-c", "python manage.py migrate --noinput && exec gunicorn --config gunicorn.conf.py shop.wsgi:application"]',
    );
    const argv = strictArgv(fixed, 7);
    assert.ok(!argv.includes("&&"), "&& is never a separate element");
    await assertClean("Dockerfile.migrate", fixed, 7);
  });

  it("Dockerfile.plain:7 becomes exactly the split exec form", async () => {
    const fixed = await fixedText("Dockerfile.plain", 7);
    assert.equal(
      cmdLine(fixed, 7),
      'CMD ["gunicorn", "--config", "gunicorn.conf.py", "shop.wsgi:application"]',
    );
    strictArgv(fixed, 7);
    await assertClean("Dockerfile.plain", fixed, 7);
  });

  it("only the CMD line changes", async () => {
    const original = fs.readFileSync(path.join(dir, "Dockerfile.plain"), "utf8").split("\n");
    const fixed = (await fixedText("Dockerfile.plain", 7)).split("\n");
    assert.equal(fixed.length, original.length);
    original.forEach((line, i) => {
      if (i !== 6) assert.equal(fixed[i], line);
    });
  });
});
