import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, it } from "node:test";
import type { JsonFinding } from "../../server/src/cli/formats";
import { repoRoot } from "../helpers/repo";

const root = repoRoot();
const examples = path.join(root, "examples");

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(root, "dist", "cli.js"), ...args], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface ExpectedRules {
  shop: Record<string, string[]>;
  clean: string[];
}

/** `rule path:line` of each row of the examples README's tables; a blank rule cell repeats the one above. */
function readmeTable(markdown: string): string[] {
  const rows: string[] = [];
  let rule = "";
  for (const match of markdown.matchAll(/^\| (?:`([a-z0-9-]+)`)? *\| \[([^\]]+:\d+)\]/gm)) {
    rule = match[1] ?? rule;
    rows.push(`${rule} ${match[2]}`);
  }
  return rows;
}

describe("command line on examples/", () => {
  const run = cli("check", "examples", "--format", "json");
  const output = JSON.parse(run.stdout) as { version: number; findings: JsonFinding[] };
  const expected = JSON.parse(
    fs.readFileSync(path.join(examples, "expected-rules.json"), "utf8"),
  ) as ExpectedRules;

  it("exits 1 with findings and prints the JSON shape of the design", () => {
    assert.equal(run.status, 1, run.stderr);
    assert.equal(output.version, 1);
    const keys = [
      "rule",
      "file",
      "line",
      "column",
      "endLine",
      "endColumn",
      "severity",
      "factors",
      "categories",
      "message",
      "fixes",
    ];
    assert.deepEqual(Object.keys(output.findings[0]), keys);
  });

  for (const [rule, places] of Object.entries(expected.shop)) {
    it(`reports ${rule} at every place the demo lists`, () => {
      const found = output.findings
        .filter((f) => f.rule === rule)
        .map((f) => `${f.file}:${f.line}`);
      const missed = places.filter((p) => !found.includes(p));
      assert.deepEqual(missed, [], `got ${found.join(", ") || "none"}`);
    });
  }

  it("reports each place of the examples README table under its rule", () => {
    const found = new Set(output.findings.map((f) => `${f.rule} ${f.file}:${f.line}`));
    const rows = readmeTable(fs.readFileSync(path.join(examples, "README.md"), "utf8"));
    assert.ok(rows.length >= Object.keys(expected.shop).length);
    assert.deepEqual(
      rows.filter((row) => !found.has(row)),
      [],
    );
  });

  it("reports nothing on the clean twin", () => {
    const clean = output.findings.filter((f) => f.file.startsWith("clean/"));
    assert.deepEqual(
      clean.map((f) => `${f.rule} ${f.file}:${f.line} ${f.message}`),
      [],
    );
  });

  it("exits 0 on the clean twin alone and 2 on a missing path", () => {
    const clean = cli("check", "examples/clean");
    assert.equal(clean.status, 0);
    assert.equal(clean.stdout, "No findings\n");
    assert.equal(clean.stderr, "");
    const missing = cli("check", "no/such/folder");
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /^error: No such file or folder: /);
    assert.equal(cli("check", "examples/shop", "--fail-on", "none").status, 0);
    assert.equal(cli("check", "examples/shop", "--fail-on", "error").status, 1);
    assert.match(cli("--version").stdout, /^\d+\.\d+\.\d+\n$/);
    assert.equal(cli("check", "examples", "--format", "yaml").status, 2);
  });

  it("writes SARIF 2.1.0 with rule metadata", () => {
    const sarif = JSON.parse(cli("check", "examples/shop", "--format", "sarif").stdout);
    assert.equal(sarif.version, "2.1.0");
    const [run0] = sarif.runs;
    assert.ok(run0.tool.driver.rules.length >= Object.keys(expected.shop).length);
    assert.ok(run0.results.length > 0);
    const location = run0.results[0].locations[0].physicalLocation;
    assert.ok(location.artifactLocation.uri && location.region.startLine >= 1);
    assert.equal(location.artifactLocation.uriBaseId, "%SRCROOT%");
    assert.equal(
      run0.originalUriBaseIds["%SRCROOT%"].uri,
      pathToFileURL(path.join(examples, "shop")).href + "/",
    );
    assert.match(run0.tool.driver.version, /^\d+\.\d+\.\d+$/);
    for (const rule of run0.tool.driver.rules) {
      assert.match(rule.helpUri, new RegExp(`^https://.+/docs/rules/${rule.id}\\.md$`));
    }
  });

  it("writes paths relative to --base, so a subfolder's report matches repository paths", () => {
    const sub = JSON.parse(cli("check", "examples/shop", "--format", "json").stdout);
    const based = JSON.parse(
      cli("check", "examples/shop", "--format", "json", "--base", ".").stdout,
    );
    assert.ok(sub.findings.some((f: JsonFinding) => f.file === "api/app.py"));
    assert.deepEqual(
      based.findings.map((f: JsonFinding) => f.file),
      sub.findings.map((f: JsonFinding) => `examples/shop/${f.file}`),
    );
    const sarif = JSON.parse(
      cli("check", "examples/shop", "--format", "sarif", "--base", ".").stdout,
    );
    const [run0] = sarif.runs;
    assert.equal(run0.originalUriBaseIds["%SRCROOT%"].uri, pathToFileURL(root).href + "/");
    assert.match(
      run0.results[0].locations[0].physicalLocation.artifactLocation.uri,
      /^examples\/shop\//,
    );
    const text = cli("check", "examples/shop/api/app.py", "--base", "examples/shop");
    assert.match(text.stdout, /^api\/app\.py:\d+:\d+ /m);
    assert.equal(cli("check", "examples/shop", "--base", "no/such/folder").status, 2);
  });

  it("prints one line a finding and a summary as text", () => {
    const text = cli("check", "examples/shop", "--lang", "en");
    const lines = text.stdout.trimEnd().split("\n");
    const json = JSON.parse(cli("check", "examples/shop", "--format", "json").stdout);
    const files = new Set(json.findings.map((f: JsonFinding) => f.file)).size;
    assert.equal(lines.at(-1), `${json.findings.length} findings in ${files} files`);
    assert.match(lines[0], /^\S+:\d+:\d+ {2}(error|warning|info|hint) +[a-z0-9-]+ {2}\S/);
  });

  it("prints messages in Chinese with --lang zh", () => {
    const zh = JSON.parse(cli("check", "examples/shop", "--format", "json", "--lang", "zh").stdout);
    assert.match(zh.findings[0].message, /[\u4e00-\u9fff]/);
  });
});

describe("command line on a requirements file included under another name", () => {
  it("lists the files that requirements.txt pulls in with -r, includes of includes too", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tfd-include-"));
    fs.mkdirSync(path.join(dir, "deps"));
    fs.writeFileSync(path.join(dir, "requirements.txt"), "-r deps/common.txt\nFlask==3.0.3\n");
    fs.writeFileSync(path.join(dir, "deps", "common.txt"), "requests>=2.31\n-r base.txt\n");
    fs.writeFileSync(path.join(dir, "deps", "base.txt"), "PyYAML>=6\n-r common.txt\n");
    const run = cli("check", dir, "--format", "json");
    const findings = JSON.parse(run.stdout).findings as JsonFinding[];
    assert.deepEqual(findings.map((f) => `${f.file}:${f.line} ${f.rule}`).sort(), [
      "deps/base.txt:1 dep-unpinned-python",
      "deps/common.txt:1 dep-unpinned-python",
    ]);
  });
});

describe("SARIF paths", () => {
  it("percent-encodes each segment, so a # or a space does not cut the path", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tfd-sarif-"));
    fs.mkdirSync(path.join(dir, "my app#1"));
    fs.writeFileSync(path.join(dir, "my app#1", "requirements.txt"), "requests>=2.31\n");
    const sarif = JSON.parse(cli("check", dir, "--format", "sarif").stdout);
    const uri = sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
    assert.equal(uri, "my%20app%231/requirements.txt");
    const json = JSON.parse(cli("check", dir, "--format", "json").stdout);
    assert.equal(json.findings[0].file, "my app#1/requirements.txt");
  });
});
