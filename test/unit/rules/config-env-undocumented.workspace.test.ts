import * as assert from "node:assert/strict";
import * as path from "node:path";
import { describe, it } from "node:test";
import { DEFAULT_SETTINGS } from "../../../server/src/engine/settings";
import { AnalysisService } from "../../../server/src/service/analysisService";
import { createAnalysis, makeWorkspace } from "../../helpers/analyse";

const RULE = "config-env-undocumented";

describe(`${RULE} follows .env.example as it changes`, () => {
  it("clears the finding when the open .env.example gains the name", async () => {
    const root = makeWorkspace({
      ".env.example": "DB_USER=\n",
      "app.py": 'import os\n\nURL = os.environ["REDIS_URL"]\n',
    });
    const { engine, workspace } = await createAnalysis(root);
    const app = path.join(root, "app.py");
    const run = () =>
      engine
        .analyse(app, workspace.readText(app) ?? "", DEFAULT_SETTINGS)
        .findings.filter((f) => f.rule === RULE);

    assert.equal(run().length, 1);
    workspace.setOverlay(path.join(root, ".env.example"), "DB_USER=\nREDIS_URL=\n");
    assert.equal(run().length, 0, "the unsaved template counts");
    workspace.setOverlay(path.join(root, ".env.example"), undefined);
    assert.equal(run().length, 1, "closing the editor falls back to the file on disk");
  });

  it("is re-analysed by the service when the template changes", () => {
    const service = new AnalysisService([makeWorkspace({})], {
      error: () => undefined,
      warn: () => undefined,
      info: () => undefined,
      debug: () => undefined,
    });
    assert.ok(service.affectsOthers("/ws/.env.example"));
    assert.ok(service.affectsOthers("/ws/services/api/.env.sample"));
  });
});
