import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, it } from "node:test";
import { fixFile } from "../../../server/src/cli/fixAll";
import { DEFAULT_SETTINGS } from "../../../server/src/engine/settings";
import { initPython } from "../../../server/src/languages/python";
import { AnalysisService } from "../../../server/src/service/analysisService";
import { createAnalysis, makeWorkspace } from "../../helpers/analyse";
import { pythonSyntaxErrors } from "../../helpers/parses";
import { sharedDir } from "../../helpers/repo";
import { KEYS } from "./secret-known-format.keys";

const SECRET_RULES = /^(secret-|config-hardcoded-url)/;

async function secretFindings(files: Record<string, string>, file: string) {
  const root = makeWorkspace(files);
  const { engine } = await createAnalysis(root);
  return engine
    .analyse(path.join(root, file), files[file], DEFAULT_SETTINGS)
    .findings.filter((f) => SECRET_RULES.test(f.rule))
    .map((f) => `${f.range.start.line + 1}:${f.rule}`);
}

describe("one secret, one finding", () => {
  it("a known format wins over the name and over the URL", async () => {
    const code = `STRIPE_SECRET_KEY = "${KEYS.stripe}"
DATABASE_URL = "postgres://shop:Lumen-Falcon-731@db.internal/shop"
REPO_URL = "https://oauth2:${KEYS.gitlab}@gitlab.example.test/shop.git"
DB_PASSWORD = "Lumen-Falcon-731"
`;
    assert.deepEqual(await secretFindings({ "app.py": code }, "app.py"), [
      "1:secret-known-format",
      "2:secret-in-url",
      "3:secret-known-format",
      "4:secret-hardcoded",
    ]);
  });

  it("the same holds in compose files", async () => {
    const code = `services:
  api:
    image: shop/api:1.4.2
    environment:
      STRIPE_SECRET_KEY: ${KEYS.stripe}
      DATABASE_URL: postgres://shop:Lumen-Falcon-731@db/shop
      DB_PASSWORD: Lumen-Falcon-731
`;
    assert.deepEqual(await secretFindings({ "docker-compose.yml": code }, "docker-compose.yml"), [
      "5:secret-known-format",
      "6:secret-in-url",
      "7:secret-hardcoded",
    ]);
  });
});

describe("fixing every secret of a file", () => {
  it("C002's clients.py: all values reach .env under distinct names and the code parses", async () => {
    await initPython();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "c002-"));
    fs.cpSync(path.join(sharedDir(), "cases", "C002"), dir, { recursive: true });
    for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) fs.chmodSync(path.join(entry.parentPath, entry.name), 0o644);
    }
    const quiet = { info: () => {}, debug: () => {}, warn: () => {}, error: () => {} };
    const service = new AnalysisService([dir], quiet);
    const file = path.join(dir, "app", "clients.py");
    fixFile(service, file);

    const code = fs.readFileSync(file, "utf8");
    assert.deepEqual(await pythonSyntaxErrors(code), []);
    service.filesChanged();
    assert.deepEqual(
      service.analyse(file).filter((f) => f.rule === "secret-hardcoded"),
      [],
      "no hard-coded secret is left",
    );
    const dotenv = fs.readFileSync(path.join(dir, ".env"), "utf8");
    for (const value of [
      "Wint3r-Relay-88",
      "orchid-lantern-52",
      "ak_51f0c2e9b7d34a8e",
      "pk_9d2e7c1a4b6f8e30",
      "Quartz!884",
    ]) {
      assert.ok(dotenv.includes(value), `${value} is kept in .env`);
    }
    assert.match(dotenv, /^API_KEY=ak_51f0c2e9b7d34a8e$/m);
    assert.match(dotenv, /^API_KEY_2=pk_9d2e7c1a4b6f8e30$/m);
    assert.equal(code.match(/^load_dotenv\(\)$/gm)?.length, 1, "load_dotenv() once");
  });
});
