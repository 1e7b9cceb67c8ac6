import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { DEFAULT_SETTINGS } from "../../../server/src/engine/settings";
import { createAnalysis, makeWorkspace } from "../../helpers/analyse";

const APP = 'TOKEN = "sk_live_Xam704IYkYRdg0IO3yURgswV"\n';

async function fixedFiles(root: string): Promise<string[]> {
  const { engine } = await createAnalysis(root);
  const [finding] = engine.analyse(path.join(root, "app.py"), APP, DEFAULT_SETTINGS).findings;
  assert.equal(finding?.rule, "secret-known-format");
  return finding.fixes.flatMap((fix) => fix.changes.map((c) => path.basename(c.file)));
}

describe("fixes and the files they edit", () => {
  it("offers a fix that moves a secret to a readable or missing .env", async () => {
    assert.ok((await fixedFiles(makeWorkspace({ "app.py": APP }))).includes(".env"));
    const root = makeWorkspace({ "app.py": APP, ".env": "NAME=1\n" });
    assert.ok((await fixedFiles(root)).includes(".env"));
  });

  it("offers no fix that edits a file which exists but cannot be read as text", async () => {
    const binary = makeWorkspace({ "app.py": APP });
    fs.writeFileSync(path.join(binary, ".env"), Buffer.from("NAME=1\0\n"));
    const folder = makeWorkspace({ "app.py": APP, ".env/x": "" });
    for (const root of [binary, folder]) {
      assert.equal((await fixedFiles(root)).includes(".env"), false, root);
    }
  });
});
