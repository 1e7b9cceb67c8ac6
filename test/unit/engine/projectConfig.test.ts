import * as assert from "node:assert/strict";
import * as path from "node:path";
import { describe, it } from "node:test";
import { readProjectSettings } from "../../../server/src/engine/projectConfig";
import { DEFAULT_SETTINGS } from "../../../server/src/engine/settings";
import { AnalysisService } from "../../../server/src/service/analysisService";
import { Workspace } from "../../../server/src/workspace/workspace";
import { makeWorkspace } from "../../helpers/analyse";

/** Seven levels of nested anchors: billions of nodes once the aliases are expanded. */
const ALIAS_BOMB = ["a", "b", "c", "d", "e", "f", "g"]
  .map((name, i, names) => {
    const items = Array(9).fill(i === 0 ? "x" : `*${names[i - 1]}`);
    return `${name}: &${name} [${items.join(",")}]`;
  })
  .join("\n");

function quietLogger(warnings: string[]) {
  const ignore = () => undefined;
  return { info: ignore, debug: ignore, error: ignore, warn: (m: string) => warnings.push(m) };
}

describe("project configuration", () => {
  it("turns an alias bomb into an error message instead of throwing", () => {
    const root = makeWorkspace({ ".twelve-factor.yaml": ALIAS_BOMB });
    const result = readProjectSettings(new Workspace([root]), root);

    assert.equal(result.settings, undefined);
    assert.match(result.error ?? "", /^\.twelve-factor\.yaml: .*alias.*the file is ignored$/);
  });

  it("falls back to the defaults and warns once per broken file", () => {
    const root = makeWorkspace({ ".twelve-factor.yaml": ALIAS_BOMB, "a.py": "", "b.py": "" });
    const warnings: string[] = [];
    const service = new AnalysisService([root], quietLogger(warnings));

    assert.deepEqual(service.settingsFor(path.join(root, "a.py")), DEFAULT_SETTINGS);
    assert.deepEqual(service.settingsFor(path.join(root, "b.py")), DEFAULT_SETTINGS);
    assert.doesNotThrow(() => service.index());
    assert.equal(warnings.length, 1, warnings.join("\n"));
  });
});
