/** The extension manifest agrees with the client code and ships everything it points at. */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";

import { Commands, FAULT_INDEX_VIEW_ID, VIEW_CONTAINER_ID } from "../../client/src/ids";
import { repoRoot } from "../helpers/repo";

const root = repoRoot();
const readJson = (file: string): any => JSON.parse(fs.readFileSync(path.join(root, file), "utf8"));
const manifest = readJson("package.json");
const contributes = manifest.contributes;

/** Every `"%key%"` placeholder in the manifest. */
function nlsKeys(): string[] {
  return [...JSON.stringify(manifest).matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]);
}

/** Every literal message passed to `vscode.l10n.t` in the client. */
function l10nMessages(): string[] {
  const dir = path.join(root, "client", "src");

  return fs
    .readdirSync(dir)
    .flatMap((file) => [
      ...fs.readFileSync(path.join(dir, file), "utf8").matchAll(/l10n\.t\(\s*"([^"]+)"/g),
    ])
    .map((m) => m[1]);
}

describe("extension manifest", () => {
  it("declares exactly the commands the client registers", () => {
    const declared = contributes.commands.map((c: { command: string }) => c.command).sort();

    assert.deepEqual(declared, Object.values(Commands).sort());
  });

  it("puts the fault-index view in its own activity-bar container", () => {
    const containers = contributes.viewsContainers.activitybar;

    assert.deepEqual(
      containers.map((c: { id: string }) => c.id),
      [VIEW_CONTAINER_ID],
    );
    assert.equal(contributes.views[VIEW_CONTAINER_ID][0].id, FAULT_INDEX_VIEW_ID);
  });

  it("has every manifest string in English and Simplified Chinese", () => {
    for (const file of ["package.nls.json", "package.nls.zh-cn.json"]) {
      const strings = readJson(file);

      assert.deepEqual(Object.keys(strings).sort(), [...new Set(nlsKeys())].sort(), file);
    }
  });

  it("translates every client message into Simplified Chinese", () => {
    const bundle = readJson("l10n/bundle.l10n.zh-cn.json");

    assert.deepEqual(Object.keys(bundle).sort(), [...new Set(l10nMessages())].sort());
  });

  it("ships the files it refers to", () => {
    const files = [
      manifest.icon,
      ...contributes.viewsContainers.activitybar.map((c: { icon: string }) => c.icon),
      ...contributes.languages.map((l: { configuration: string }) => l.configuration),
      ...contributes.snippets.map((s: { path: string }) => s.path),
    ];

    for (const file of files) {
      assert.ok(fs.existsSync(path.join(root, file)), file);
    }
  });

  it("gives every snippet a prefix, a body and a description in both languages", () => {
    for (const { path: file } of contributes.snippets) {
      for (const [name, snippet] of Object.entries<any>(readJson(file))) {
        assert.match(snippet.prefix, /^tf-/, `${file}: ${name}`);
        assert.ok(Array.isArray(snippet.body) && snippet.body.length > 0, `${file}: ${name}`);
        assert.match(snippet.description, / \/ .*[\u4e00-\u9fff]/, `${file}: ${name}`);
      }
    }
  });
});
