import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { ruleDocPath } from "../../server/src/engine/rule";
import { CATEGORIES, SEVERITY_ORDER } from "../../server/src/engine/types";
import { RULES } from "../../server/src/rules";
import { repoRoot, sharedDir } from "../helpers/repo";

const catalogue = fs.readFileSync(path.join(sharedDir(), "RULES.md"), "utf8");
const catalogueIds = [...catalogue.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]);

describe("rule registry", () => {
  it("implements every rule of the catalogue, once", () => {
    const ids = RULES.map((r) => r.meta.id);
    assert.deepEqual([...new Set(ids)].sort(), [...ids].sort(), "no rule registered twice");
    assert.deepEqual(
      catalogueIds.filter((id) => !ids.includes(id)),
      [],
      "catalogue rules missing",
    );
  });

  for (const rule of RULES) {
    const { meta } = rule;
    it(`${meta.id}: metadata, both languages and a documentation page`, () => {
      const source = path.join(repoRoot(), "server", "src", "rules", `${meta.id}.ts`);
      assert.ok(fs.existsSync(source), "one file per rule, named by its id");
      assert.ok(meta.kinds.length > 0 && meta.categories.length > 0 && meta.factors.length > 0);
      meta.categories.forEach((c) => assert.ok(CATEGORIES.includes(c), c));
      assert.ok(SEVERITY_ORDER.includes(meta.severity));
      for (const text of [meta.title, meta.description]) {
        assert.ok(text.en.trim().length > 0 && text.zh.trim().length > 0);
        assert.match(text.zh, /[\u4e00-\u9fff]/, "the Chinese text is Chinese");
      }
      const doc = path.join(repoRoot(), ruleDocPath(meta.id));
      assert.ok(fs.existsSync(doc), `documentation page ${ruleDocPath(meta.id)}`);
      assert.match(
        fs.readFileSync(doc, "utf8"),
        /[\u4e00-\u9fff]/,
        "the page has a Chinese section",
      );
    });
  }
});
