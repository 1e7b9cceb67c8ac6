import * as assert from "node:assert/strict";
import * as path from "node:path";
import { describe, it } from "node:test";
import { DEFAULT_SETTINGS } from "../../../server/src/engine/settings";
import { createAnalysis, makeWorkspace } from "../../helpers/analyse";

/**
 * Files that took minutes when a rule rescanned the rest of the file or string from every
 * position. Each must finish well within the test's timeout; only the findings are asserted.
 */
const LIMIT = { timeout: 20_000 };

const RUN = "a".repeat(200_000);
const SESSIONS = [
  'import express from "express";',
  "const app = express();",
  "const sessions = new Map<string, string>();",
  'app.post("/login", (req, res) => {',
  "  sessions.set(String(req.query.user), String(req.query.token));",
  "  res.end();",
  "});",
].join("\n");

const icons = (count: number): string =>
  Array.from(
    { length: count },
    (_, i) => `export const icon${i} = { name: "i${i}", path: "M0 0" };\n`,
  ).join("");

async function findingsOf(relative: string, text: string): Promise<string[]> {
  const root = makeWorkspace({ [relative]: text });
  const { engine, errors } = await createAnalysis(root);
  const result = engine.analyse(path.join(root, relative), text, DEFAULT_SETTINGS);
  // The analysis never yields: give the runner's timeout its turn before the test can pass.
  await new Promise((resolve) => setTimeout(resolve, 1));

  assert.deepEqual(errors, []);
  return result.findings.map((f) => `${f.rule}:${f.range.start.line + 1}`);
}

describe("large inputs are analysed in linear time", () => {
  it("finds a session map among 2,000 module-level constants", LIMIT, async () => {
    const text = `${SESSIONS}\n${icons(2000)}`;
    assert.deepEqual(await findingsOf("icons.ts", text), [
      "dep-no-manifest:1",
      "state-in-memory-session:3",
    ]);
  });

  it("reads a 200 KB run of letters in a Python string", LIMIT, async () => {
    const text = `x = "${RUN}"\nDB = "postgres://app:Xk29fjQw7@db.internal/app"\n`;
    assert.deepEqual(await findingsOf("app.py", text), ["secret-in-url:2"]);
  });

  it("reads a 200 KB run of letters in a TypeScript string", LIMIT, async () => {
    const text = `export const x = "${RUN}";\nexport const url = "${RUN}://";\n`;
    assert.deepEqual(await findingsOf("app.ts", text), []);
  });

  it("reads long runs of braces, capitals and spaces in values and names", LIMIT, async () => {
    const value = "{{".repeat(50_000);
    const name = "A".repeat(100_000);
    const text = `SECRET_KEY = "${value}"\n${name}_TOKEN = "${"<%".repeat(50_000)}"\n`;
    assert.deepEqual(await findingsOf("settings.py", text), [
      "secret-hardcoded:1",
      "secret-hardcoded:2",
    ]);
  });

  it("reads long runs of spaces and hashes in .env, YAML and requirements", LIMIT, async () => {
    const spaces = " ".repeat(200_000);
    assert.deepEqual(await findingsOf(".env", `PORT=8080${spaces}x\n`), ["env-file-committed:1"]);
    assert.deepEqual(await findingsOf("config.yaml", `port: 8080${spaces}x\n`), []);
    const url = `https://example.com/pkg.zip${"#".repeat(100_000)}`;
    assert.deepEqual(await findingsOf("requirements.txt", `flask${spaces}x\n${url}\n`), []);
  });
});
