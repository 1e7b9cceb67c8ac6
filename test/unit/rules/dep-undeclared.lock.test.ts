import * as assert from "node:assert/strict";
import * as path from "node:path";
import { describe, it } from "node:test";
import { DEFAULT_SETTINGS } from "../../../server/src/engine/settings";
import type { Fix } from "../../../server/src/engine/types";
import { createAnalysis, makeWorkspace } from "../../helpers/analyse";
import { ruleTester } from "../../helpers/ruleTester";

const PKG = (deps: Record<string, string>) =>
  `${JSON.stringify({ name: "web", version: "1.0.0", dependencies: deps }, null, 2)}\n`;
const LOCK = JSON.stringify({ lockfileVersion: 3, packages: {} });
const DAYJS = '{ "name": "dayjs", "version": "1.11.13" }\n';
const CODE = "const express = require('express');\nconst dayjs = require('dayjs');\n";

/** A fix that adds a dependency cannot update the lock file: its title says what to run. */
ruleTester("dep-undeclared", {
  valid: [],
  invalid: [
    {
      name: "package-lock.json beside package.json: the title says to run npm install",
      file: "web/index.js",
      code: CODE,
      files: {
        "web/package.json": PKG({ express: "4.19.2" }),
        "web/package-lock.json": LOCK,
        "web/node_modules/dayjs/package.json": DAYJS,
      },
      findings: [{ line: 2, column: 23 }],
      fixTitle:
        "Add dayjs@1.11.13 to package.json, then run npm install to update package-lock.json",
      outputFiles: { "web/package.json": PKG({ express: "4.19.2", dayjs: "1.11.13" }) },
      recheckFixedFiles: true,
    },
  ],
});

async function firstFix(files: Record<string, string>, target: string): Promise<Fix> {
  const root = makeWorkspace(files);
  const analysis = await createAnalysis(root);
  const file = path.join(root, target);
  const result = analysis.engine.analyse(file, files[target], DEFAULT_SETTINGS);
  const fix = result.findings.find((f) => f.rule === "dep-undeclared")?.fixes[0];
  assert.ok(fix, "a fix is offered");
  return fix;
}

describe("dep-undeclared fix data for the lock file", () => {
  it("names the command and the lock file it updates", async () => {
    const fix = await firstFix(
      {
        "web/package.json": PKG({ express: "4.19.2" }),
        "web/yarn.lock": "",
        "web/index.js": CODE,
        "web/node_modules/dayjs/package.json": DAYJS,
      },
      "web/index.js",
    );
    const [change] = fix.changes;
    assert.equal(path.basename(change.file), "package.json");
    assert.equal(change.followUp?.command, "yarn install");
    assert.equal(path.basename(change.followUp?.updates ?? ""), "yarn.lock");
    assert.match(fix.title.zh, /然后运行 yarn install/);
  });

  it("says nothing when there is no lock file", async () => {
    const fix = await firstFix(
      {
        "web/package.json": PKG({ express: "4.19.2" }),
        "web/index.js": CODE,
        "web/node_modules/dayjs/package.json": DAYJS,
      },
      "web/index.js",
    );
    assert.equal(fix.changes[0].followUp, undefined);
    assert.doesNotMatch(fix.title.en, /npm install/);
  });
});
