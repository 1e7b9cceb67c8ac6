import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, it } from "node:test";
import { repoRoot } from "../helpers/repo";

const root = repoRoot();

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with a time limit, so that a read that blocks fails the test instead of hanging. */
function cli(...args: string[]): Run {
  const result = spawnSync(process.execPath, [path.join(root, "dist", "cli.js"), ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A temporary folder written from a map of relative paths to texts or bytes. */
function folder(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tfd-bad-"));
  for (const [relative, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    fs.writeFileSync(path.join(dir, relative), content);
  }
  return dir;
}

/** Seven levels of nested anchors: billions of nodes once the aliases are expanded. */
const ALIAS_BOMB = ["a", "b", "c", "d", "e", "f", "g"]
  .map((name, i, names) => {
    const items = Array(9).fill(i === 0 ? "x" : `*${names[i - 1]}`);
    return `${name}: &${name} [${items.join(",")}]`;
  })
  .join("\n");

const DEBUG_APP = "DEBUG = True\n";
const SECRET = 'PASSWORD = "hëllo-wörld-1"\n';
const STRIPE = 'TOKEN = "sk_live_Xam704IYkYRdg0IO3yURgswV"\n';

describe("check on hostile input", () => {
  it("warns about an alias bomb in the project file and analyses with the defaults", () => {
    const dir = folder({ ".twelve-factor.yaml": ALIAS_BOMB + "\n", "settings.py": DEBUG_APP });
    const run = cli("check", dir, "--format", "json");

    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, /^warning: \.twelve-factor\.yaml: .*alias.*the file is ignored$/m);
    assert.equal(run.stderr.split("\n").filter((l) => l.includes("alias")).length, 1);
    assert.ok(JSON.parse(run.stdout).findings.length > 0);
  });

  it("warns about a mistyped rule in the project file and still applies the others", () => {
    const config = "rules:\n  debug-enable: off\n  secret-hardcoded: off\n";
    const dir = folder({ ".twelve-factor.yaml": config, "settings.py": DEBUG_APP + SECRET });
    const run = cli("check", dir, "--format", "json");

    assert.match(
      run.stderr,
      /^warning: \.twelve-factor\.yaml: unknown rule "debug-enable" \(ignored\)$/m,
    );
    const rules = JSON.parse(run.stdout).findings.map((f: { rule: string }) => f.rule);
    assert.deepEqual(rules, ["debug-enabled"]);
  });

  it("skips a .gitignore that is a folder or a FIFO and still reports the other files", () => {
    const dir = folder({ "settings.py": DEBUG_APP, "sub/settings.py": DEBUG_APP });
    fs.mkdirSync(path.join(dir, ".gitignore"));
    const fifo = spawnSync("mkfifo", [path.join(dir, "sub", ".gitignore")]);
    const run = cli("check", dir, "--format", "json");

    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, /^warning: .*\.gitignore.*not a regular file/m);
    const files = JSON.parse(run.stdout).findings.map((f: { file: string }) => f.file);
    const expected = fifo.status === 0 ? ["settings.py", "sub/settings.py"] : ["settings.py"];
    assert.deepEqual([...new Set(files)].sort(), expected.sort());
  });

  it("names each file over the size limit on stderr", () => {
    const key = 'KEY = "AKIAIOSFODNN7EXAMPLF"\n';
    const dir = folder({ "big.py": key + "x = 1\n".repeat((5 * 1024 * 1024) / 6), "ok.py": "" });
    const run = cli("check", dir);

    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /^skipped: big\.py \(5\.0 MB, over the 1 MB limit\)$/m);
    assert.doesNotMatch(run.stderr, /ok\.py/);
  });
});

describe("check --fix keeps the bytes of files it cannot re-encode", () => {
  it("leaves a Latin-1 source and its secret alone, and says why", () => {
    const source = Buffer.from(SECRET, "latin1");
    const dir = folder({ "app.py": source });
    const run = cli("check", dir, "--fix", "--lang", "en");

    assert.deepEqual(fs.readFileSync(path.join(dir, "app.py")), source);
    assert.equal(fs.existsSync(path.join(dir, ".env")), false);
    assert.match(run.stderr, /^Not fixed: app\.py \(not valid UTF-8.*\)$/m);
  });

  it("says why in Chinese under --lang zh", () => {
    const dir = folder({ "app.py": Buffer.from(SECRET, "latin1") });
    const run = cli("check", dir, "--fix", "--lang", "zh");

    assert.match(run.stderr, /^未修复：app\.py（不是有效的 UTF-8；保持原样）$/m);
  });

  it("does not append to a Latin-1 .env, and says why", () => {
    const env = Buffer.from("NAME=Zoë\n", "latin1");
    const dir = folder({ ".env": env, "app.py": STRIPE });
    const run = cli("check", dir, "--fix", "--lang", "en");

    assert.deepEqual(fs.readFileSync(path.join(dir, ".env")), env);
    assert.equal(fs.readFileSync(path.join(dir, "app.py"), "utf8"), STRIPE);
    assert.match(run.stderr, /^Not fixed: \.env \(not valid UTF-8.*\)$/m);
  });

  it("offers no fix that edits a .env it cannot read", () => {
    const env = Buffer.from("NAME=1\0\n");
    const dir = folder({ ".env": env, "app.py": STRIPE });
    const run = cli("check", dir, "--fix", "--lang", "en");

    assert.deepEqual(fs.readFileSync(path.join(dir, ".env")), env);
    assert.equal(fs.readFileSync(path.join(dir, "app.py"), "utf8"), STRIPE);
    assert.match(run.stdout, /secret-known-format/);
    assert.doesNotMatch(run.stdout, /\[fix: .*\.env/);
  });

  it("writes UTF-16 and BOM-prefixed sources back in their own encoding", () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SECRET, "utf16le")]);
    const bom = Buffer.from("\ufeff" + SECRET, "utf8");
    const encodings = [
      { source: utf16, mark: 2, decode: (b: Buffer) => b.subarray(2).toString("utf16le") },
      { source: bom, mark: 3, decode: (b: Buffer) => b.subarray(3).toString("utf8") },
    ];
    for (const { source, mark, decode } of encodings) {
      const dir = folder({ "app.py": source });
      const run = cli("check", dir, "--fix", "--lang", "en");

      const fixed = fs.readFileSync(path.join(dir, "app.py"));
      assert.deepEqual(fixed.subarray(0, mark), source.subarray(0, mark), run.stderr);
      assert.match(decode(fixed), /^PASSWORD = os\.environ\["PASSWORD"\]$/m);
      assert.match(fs.readFileSync(path.join(dir, ".env"), "utf8"), /hëllo-wörld-1/);
    }
  });
});
