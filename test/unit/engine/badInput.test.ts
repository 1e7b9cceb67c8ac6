import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { DEFAULT_SETTINGS } from "../../../server/src/engine/settings";
import { createAnalysis, makeWorkspace } from "../../helpers/analyse";

const service =
  "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  sessionAffinity: ClientIP\n";

/** Inputs an editor sees while the user types, or that sit in real repositories. */
const BAD_INPUTS: Record<string, string> = {
  "half.py": "def handler(:\n    SESSIONS[\n  app.run(port=\n",
  "half.ts": "const app = express(\napp.listen(3000, 'localhost'\nexport default {",
  "broken.yaml": "kind: [unclosed\n  : : :\n\t- {{\n",
  "chart/templates/deploy.yaml": "{{- if .Values.enabled }}\nkind: Deployment\n{{- end }}\n",
  Dockerfile: 'FROM\nRUN \\\nCMD ["a", \nUSER\nEXPOSE abc\n',
  "package.json": '{ "dependencies": { "express": ',
  "requirements.txt": "flask>=\n-r\n--hash=\n\\\n[extras]\n",
  ".env": "=novalue\nexport\nKEY='unterminated\n",
  Procfile: "web\n:\n",
  "empty.py": "",
  "deep.json": "[".repeat(5000),
};

describe("bad input never crashes the analysis", () => {
  it("analyses half-typed and malformed files without a rule failing", async () => {
    const root = makeWorkspace({
      ...BAD_INPUTS,
      "chart/Chart.yaml": "name: x\n",
      "k8s/svc.yaml": service,
    });
    const { engine, workspace, errors } = await createAnalysis(root);
    for (const relative of Object.keys(BAD_INPUTS)) {
      const file = path.join(root, relative);
      const result = engine.analyse(file, BAD_INPUTS[relative], DEFAULT_SETTINGS);
      assert.ok(Array.isArray(result.findings), relative);
    }
    assert.deepEqual(errors, []);
    const svc = path.join(root, "k8s/svc.yaml");
    const findings = engine.analyse(svc, workspace.readText(svc) ?? "", DEFAULT_SETTINGS).findings;
    assert.equal(findings.length, 1, "the other files keep their findings");
  });

  it("skips binary files and decodes UTF-16 and BOM-prefixed files", async () => {
    const root = makeWorkspace({});
    fs.writeFileSync(path.join(root, "blob.yaml"), Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00]));
    fs.writeFileSync(
      path.join(root, "utf16.yaml"),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(service, "utf16le")]),
    );
    fs.writeFileSync(path.join(root, "bom.yaml"), "\ufeff" + service);
    const { workspace } = await createAnalysis(root);
    assert.equal(workspace.readText(path.join(root, "blob.yaml")), undefined);
    assert.equal(workspace.readText(path.join(root, "utf16.yaml")), service);
    assert.equal(workspace.readText(path.join(root, "bom.yaml")), service);
  });

  it("does not read files over the size cap", async () => {
    const root = makeWorkspace({ "huge.py": "x = 1\n".repeat(400_000) });
    const { workspace } = await createAnalysis(root);
    assert.equal(workspace.readText(path.join(root, "huge.py")), undefined);
  });
});
