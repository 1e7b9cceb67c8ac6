/** The Chinese side of the fault index must say what the handbook says. */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";

import { FAULT_CATEGORIES } from "../../../server/src/handbook/faultIndex";
import { sharedDir } from "../../helpers/repo";

const HANDBOOK = path.join(sharedDir(), "handbook", "twelve-factor-troubleshooting.zh-CN.md");
const missing = fs.existsSync(HANDBOOK) ? false : `handbook not found at ${HANDBOOK}`;

/** The text of one numbered section, up to the next `## ` heading. */
function section(handbook: string, number: number): string {
  const start = handbook.search(new RegExp(`^## ${number}\\uFE0F?\\u20E3`, "m"));
  const rest = handbook.slice(start + 3);
  const end = rest.search(/^## /m);

  assert.ok(start >= 0, `section ${number} not found`);
  return end >= 0 ? rest.slice(0, end) : rest;
}

function checklist(text: string): string[] {
  return [...text.matchAll(/^- \[ \] (.+?)\s*$/gm)].map((m) => m[1]);
}

describe("fault index against the handbook", { skip: missing }, () => {
  const handbook = missing ? "" : fs.readFileSync(HANDBOOK, "utf8");

  it("copies each quick checklist word for word", () => {
    for (const category of FAULT_CATEGORIES) {
      assert.deepEqual(
        category.checklist.map((item) => item.zh),
        checklist(section(handbook, category.section)),
        category.id,
      );
    }
  });

  it("links to the sections the index table links to", () => {
    for (const category of FAULT_CATEGORIES) {
      assert.ok(handbook.includes(`(#${category.anchor})`), category.anchor);
    }
  });

  it("uses the index table's names as titles", () => {
    for (const category of FAULT_CATEGORIES) {
      assert.ok(handbook.includes(`| **${category.title.zh}** |`), category.title.zh);
    }
  });

  it("names the factors of the index table and of the section's steps", () => {
    for (const category of FAULT_CATEGORIES) {
      const row = handbook.split("\n").find((line) => line.includes(`**${category.title.zh}**`));
      const fromRow = [...(row ?? "").matchAll(/要素([\d/]+)/g)].flatMap((m) => m[1].split("/"));
      const steps = section(handbook, category.section).matchAll(/要素(\d+)(?:\+(\d+))?/g);
      const fromSteps = [...steps].flatMap((m) => [m[1], m[2]]).filter(Boolean);
      const named = new Set([...fromRow, ...fromSteps].map(Number));

      assert.deepEqual(
        [...named].sort((a, b) => a - b),
        category.factors,
        category.id,
      );
    }
  });
});
