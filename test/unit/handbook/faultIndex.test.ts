import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { CATEGORIES, type ResolvedFinding } from "../../../server/src/engine/types";
import { factorLabel, FACTORS, formatFactors } from "../../../server/src/handbook/factors";
import { buildFaultIndex, FAULT_CATEGORIES } from "../../../server/src/handbook/faultIndex";

function finding(overrides: Partial<ResolvedFinding>): ResolvedFinding {
  return {
    rule: "port-hardcoded",
    file: "/ws/app.py",
    range: { start: { line: 4, character: 2 }, end: { line: 4, character: 10 } },
    message: { en: "message", zh: "消息" },
    fixes: [],
    severity: "warning",
    factors: [7],
    categories: ["startup"],
    ...overrides,
  };
}

describe("fault index data", () => {
  it("has the six categories in the handbook's order, numbered 1 to 6", () => {
    assert.deepEqual(
      FAULT_CATEGORIES.map((c) => c.id),
      CATEGORIES,
    );
    assert.deepEqual(
      FAULT_CATEGORIES.map((c) => c.section),
      [1, 2, 3, 4, 5, 6],
    );
  });

  it("writes every text in both languages", () => {
    for (const category of FAULT_CATEGORIES) {
      const texts = [
        category.title,
        category.heading,
        ...category.symptoms,
        ...category.causes,
        ...category.checklist,
      ];

      for (const text of texts) {
        assert.ok(text.en.trim(), `${category.id}: empty English text`);
        assert.match(text.zh, /[\u4e00-\u9fff]|^[\x20-\x7e]+$/, `${category.id}: ${text.zh}`);
      }
      assert.ok(category.symptoms.length > 0 && category.causes.length > 0);
      assert.equal(category.checklist.length, 4, `${category.id}: the handbook has four checks`);
    }
  });

  it("names only real factors, each with a name in both languages", () => {
    for (const category of FAULT_CATEGORIES) {
      for (const factor of category.factors) {
        assert.ok(FACTORS[factor], `${category.id}: factor ${factor}`);
      }
    }
    assert.equal(Object.keys(FACTORS).length, 12);
  });

  it("formats factors for labels", () => {
    assert.equal(formatFactors([2, 3, 7], "en"), "Factors 2, 3, 7");
    assert.equal(formatFactors([6], "en"), "Factor 6");
    assert.equal(formatFactors([2, 3], "zh"), "要素 2、3");
    assert.equal(factorLabel(6, "zh"), "要素6（无状态进程）");
    assert.equal(factorLabel(13, "en"), "13");
  });
});

describe("buildFaultIndex", () => {
  it("lists all six categories even without findings", () => {
    const index = buildFaultIndex([]);

    assert.equal(index.categories.length, 6);
    assert.ok(index.categories.every((c) => c.findings.length === 0 && c.anchor));
  });

  it("files a finding under each of its categories", () => {
    const index = buildFaultIndex([finding({ categories: ["security", "parity"] })]);
    const counts = Object.fromEntries(index.categories.map((c) => [c.id, c.findings.length]));

    assert.deepEqual(counts, {
      startup: 0,
      "data-loss": 0,
      parity: 1,
      performance: 0,
      security: 1,
      scaling: 0,
    });
  });

  it("orders findings by severity, then file and position", () => {
    const index = buildFaultIndex([
      finding({ file: "/ws/b.py", severity: "info" }),
      finding({ file: "/ws/b.py" }),
      finding({ file: "/ws/a.py" }),
      finding({ file: "/ws/a.py", severity: "error" }),
    ]);
    const startup = index.categories[0].findings;

    assert.deepEqual(
      startup.map((f) => `${f.severity} ${f.uri}`),
      [
        "error file:///ws/a.py",
        "warning file:///ws/a.py",
        "warning file:///ws/b.py",
        "info file:///ws/b.py",
      ],
    );
    assert.equal(startup[0].line, 4);
    assert.equal(startup[0].character, 2);
  });

  it("uses the caller's URI conversion when given", () => {
    const index = buildFaultIndex([finding({})], { toUri: (file) => `x:${file}` });

    assert.equal(index.categories[0].findings[0].uri, "x:/ws/app.py");
  });
});
