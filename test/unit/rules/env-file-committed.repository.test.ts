import * as assert from "node:assert/strict";
import * as path from "node:path";
import { describe, it } from "node:test";
import { DEFAULT_SETTINGS } from "../../../server/src/engine/settings";
import { createAnalysis, makeWorkspace } from "../../helpers/analyse";

const ENV = "DATABASE_URL=postgres://shop:Lumen-731@db/shop\n";

/** The findings for `services/api/.env` when the workspace is `services/api` of a checkout. */
async function findingsInSubfolder(files: Record<string, string>) {
  const repo = makeWorkspace({ ...files, "services/api/.env": ENV });
  const analysis = await createAnalysis(path.join(repo, "services", "api"));
  const file = path.join(repo, "services", "api", ".env");
  const result = analysis.engine.analyse(file, ENV, DEFAULT_SETTINGS);
  assert.deepEqual(analysis.errors, []);
  return result.findings.filter((f) => f.rule === "env-file-committed");
}

describe("env-file-committed in a workspace below the repository root", () => {
  it("honours the .gitignore at the repository root", async () => {
    const findings = await findingsInSubfolder({
      ".git/HEAD": "ref: refs/heads/main\n",
      ".gitignore": ".env\n",
    });
    assert.equal(findings.length, 0);
  });

  it("honours .gitignore files between the repository root and the workspace", async () => {
    const findings = await findingsInSubfolder({
      ".git/HEAD": "ref: refs/heads/main\n",
      "services/.gitignore": "**/.env\n",
    });
    assert.equal(findings.length, 0);
  });

  it("honours .git/info/exclude of the repository", async () => {
    const findings = await findingsInSubfolder({
      ".git/HEAD": "ref: refs/heads/main\n",
      ".git/info/exclude": ".env\n",
    });
    assert.equal(findings.length, 0);
  });

  it("a worktree's .git file marks the repository root too", async () => {
    const findings = await findingsInSubfolder({
      ".git": "gitdir: /elsewhere\n",
      ".gitignore": ".env\n",
    });
    assert.equal(findings.length, 0);
  });

  it("a deeper .gitignore that re-includes the file wins", async () => {
    const findings = await findingsInSubfolder({
      ".git/HEAD": "ref: refs/heads/main\n",
      ".gitignore": ".env\n",
      "services/api/.gitignore": "!.env\n",
    });
    assert.equal(findings.length, 1);
  });

  it("without a repository above, folders above the workspace do not count", async () => {
    const findings = await findingsInSubfolder({ ".gitignore": ".env\n" });
    assert.equal(findings.length, 1);
  });

  it("the fix writes the .gitignore inside the workspace", async () => {
    const findings = await findingsInSubfolder({
      ".git/HEAD": "ref: refs/heads/main\n",
      ".gitignore": "node_modules/\n",
    });
    assert.equal(findings.length, 1);
    const changed = findings[0].fixes[0].changes.map((c) => path.basename(path.dirname(c.file)));
    assert.deepEqual(changed, ["api"]);
  });
});
