import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { Workspace } from "../../../server/src/workspace/workspace";
import { makeWorkspace } from "../../helpers/analyse";

function listed(root: string, warnings: string[]): string[] {
  const files = new Workspace([root], (m) => warnings.push(m)).listFiles();
  const relative = files.map((f) => path.relative(root, f).split(path.sep).join("/"));
  return relative.filter((f) => f.endsWith(".py")).sort();
}

describe("listing the workspace's files", () => {
  it("skips a .gitignore that is a folder, with a warning, and lists the rest", () => {
    const root = makeWorkspace({ "app.py": "", "sub/.gitignore": "*.log\n", "sub/x.py": "" });
    fs.mkdirSync(path.join(root, ".gitignore"));
    const warnings: string[] = [];

    assert.deepEqual(listed(root, warnings), ["app.py", "sub/x.py"]);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /\.gitignore.*not a regular file/);
  });

  it("skips a .gitignore it may not read, with a warning", (t) => {
    if (process.getuid?.() === 0) return t.skip("root reads any file");
    const root = makeWorkspace({ ".gitignore": "ignored.py\n", "app.py": "", "ignored.py": "" });
    fs.chmodSync(path.join(root, ".gitignore"), 0);
    const warnings: string[] = [];

    assert.deepEqual(listed(root, warnings), ["app.py", "ignored.py"]);
    assert.match(warnings[0], /\.gitignore.*EACCES/);
  });

  it("still honours readable ignore files", () => {
    const root = makeWorkspace({ ".gitignore": "ignored.py\n", "app.py": "", "ignored.py": "" });
    const warnings: string[] = [];

    assert.deepEqual(listed(root, warnings), ["app.py"]);
    assert.deepEqual(warnings, []);
  });

  it("reports the size of a file over the limit", () => {
    const root = makeWorkspace({ "huge.py": "x = 1\n".repeat(400_000), "small.py": "" });
    const workspace = new Workspace([root]);

    assert.equal(workspace.oversized(path.join(root, "huge.py")), 2_400_000);
    assert.equal(workspace.oversized(path.join(root, "small.py")), undefined);
  });
});
