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

  it("names an unknown rule, an unknown severity and an unknown key, keeps the rest", () => {
    const text = [
      "rules:",
      "  not-a-rule: off",
      "  debug-enabled: loud",
      "  port-hardcoded: error",
      "ignores:",
      "  - vendor/**",
      "",
    ].join("\n");
    const root = makeWorkspace({ ".twelve-factor.yaml": text });
    const result = readProjectSettings(
      new Workspace([root]),
      root,
      new Set(["debug-enabled", "port-hardcoded"]),
    );

    assert.deepEqual(result.settings?.rules, { "port-hardcoded": "error" });
    assert.deepEqual(result.warnings, [
      '.twelve-factor.yaml: unknown rule "not-a-rule" (ignored)',
      '.twelve-factor.yaml: "loud" is not a severity for debug-enabled (use error, warning, info, hint or off; ignored)',
      '.twelve-factor.yaml: unknown key "ignores" (use rules and ignore; ignored)',
    ]);
  });

  it("warns once about a mistyped setting, and again only when the file changes", () => {
    const root = makeWorkspace({
      ".twelve-factor.yaml": "rules:\n  debug-enable: off\n",
      "a.py": "",
      "b.py": "",
    });
    const warnings: string[] = [];
    const service = new AnalysisService([root], quietLogger(warnings));

    service.settingsFor(path.join(root, "a.py"));
    service.settingsFor(path.join(root, "b.py"));
    assert.deepEqual(warnings, ['.twelve-factor.yaml: unknown rule "debug-enable" (ignored)']);
  });

  it("names ignore entries that are not globs", () => {
    const root = makeWorkspace({ ".twelve-factor.yaml": "ignore:\n  - 42\n  - legacy/**\n" });
    const result = readProjectSettings(new Workspace([root]), root);

    assert.deepEqual(result.settings?.exclude, ["legacy/**"]);
    assert.deepEqual(result.warnings, [
      ".twelve-factor.yaml: ignore entry 42 is not a glob (ignored)",
    ]);
    const single = makeWorkspace({ ".twelve-factor.yaml": "ignore: legacy/**\n" });
    assert.deepEqual(readProjectSettings(new Workspace([single]), single).warnings, [
      ".twelve-factor.yaml: ignore must be a list of globs (ignored)",
    ]);
  });

  it("says what shape it expected when the file or its rules have another", () => {
    const warningsOf = (text: string) => {
      const root = makeWorkspace({ ".twelve-factor.yaml": text });
      return readProjectSettings(new Workspace([root]), root, new Set(["debug-enabled"])).warnings;
    };
    assert.deepEqual(warningsOf("42\n"), [
      ".twelve-factor.yaml: expected a map with rules and ignore (ignored)",
    ]);
    assert.deepEqual(warningsOf("rules:\n  - debug-enabled\n"), [
      ".twelve-factor.yaml: rules must map rule ids to severities (ignored)",
    ]);
    assert.deepEqual(warningsOf("rules:\n  debug-enabled: {severity: 3}\n"), [
      '.twelve-factor.yaml: {"severity":3} is not a severity for debug-enabled (use error, warning, info, hint or off; ignored)',
    ]);
  });
});
