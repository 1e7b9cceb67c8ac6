import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, it } from "node:test";
import { analyseFolder } from "../../helpers/analyse";

describe("test files are told by the path below the workspace folder", () => {
  const code = 'import os\n\nAPI_TOKEN = "tok_8f7e6d5c4b3a2910"\n';

  function workspaceUnder(parent: string, files: Record<string, string>): string {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), "tfd-root-"));
    const root = path.join(base, parent, "service");
    for (const [relative, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
      fs.writeFileSync(path.join(root, relative), text);
    }
    return root;
  }

  it("a checkout inside a folder named tests keeps its severities", async () => {
    const root = workspaceUnder("tests", { "app.py": code });
    const findings = await analyseFolder(root);
    const secret = findings.find((f) => f.rule === "secret-hardcoded");
    assert.equal(secret?.severity, "warning");
  });

  it("a tests folder inside the workspace still reports at hint", async () => {
    const root = workspaceUnder("work", { "tests/test_app.py": code });
    const findings = await analyseFolder(root);
    const secret = findings.find((f) => f.rule === "secret-hardcoded");
    assert.equal(secret?.severity, "hint");
  });
});
