import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, it } from "node:test";
import { repoRoot } from "../helpers/repo";

const root = repoRoot();
const shop = path.join(root, "examples", "shop");

/** Secrets written into the example's code and configuration, by the file that holds them. */
const SECRETS: Record<string, string[]> = {
  "api/app.py": [
    "4daf02224aba1f8c80109940dbd0d612",
    "sk_live_Xam704IYkYRdg0IO3yURgswV",
    "postgresql://shop:v32WUMNMrarT0B@postgres:5432/shop",
  ],
  "web/server.js": ["72d5e6501a70db6f47aa6025fbffc1dd", "shop-web-session-secret-2023"],
  "docker-compose.yml": ["postgresql://shop:v32WUMNMrarT0B@db:5432/shop", "v32WUMNMrarT0B"],
  "api/Dockerfile": ["cc523b3566096a0d3866e08958560553"],
};

function fix(dir: string): { status: number | null; stderr: string } {
  const result = spawnSync(
    process.execPath,
    [path.join(root, "dist", "cli.js"), "check", dir, "--fix", "--lang", "en"],
    { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  return { status: result.status, stderr: result.stderr };
}

/** Every file of a folder by relative path, with its text. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, full).split(path.sep).join("/"), fs.readFileSync(full, "utf8"));
  }
  return files;
}

function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after].filter(([file, text]) => before.get(file) !== text).map(([file]) => file);
}

/** Whether a `.dockerignore` line excludes the `.env` at the root of its context. */
const ignoresDotenv = (text: string): boolean =>
  text.split(/\r?\n/).some((line) => [".env", "/.env", "**/.env", ".env*"].includes(line.trim()));

describe("check --fix on a copy of examples/shop", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tfd-fix-"));
  fs.cpSync(shop, dir, { recursive: true });
  const original = snapshot(dir);
  const first = fix(dir);
  const fixed = snapshot(dir);
  const second = fix(dir);
  const again = snapshot(dir);

  it("changes files and lists every one it changed or created on stderr", () => {
    const changed = changedFiles(original, fixed);
    assert.ok(changed.length > 0, first.stderr);
    const count = `${changed.length} file${changed.length === 1 ? "" : "s"} changed:`;
    assert.match(first.stderr, /^Applied \d+ fix(es)? in (1 pass|\d+ passes); /m);
    assert.ok(first.stderr.includes(count), first.stderr);
    const listed = new Set(first.stderr.split("\n").map((line) => line.trim().split(" ")[0]));
    assert.deepEqual(
      changed.filter((file) => !listed.has(file)),
      [],
      first.stderr,
    );
  });

  it("reaches a fixed point: a second run changes nothing", () => {
    assert.deepEqual(changedFiles(fixed, again), [], second.stderr);
    assert.match(second.stderr, /No fixes applied/);
  });

  it("keeps every secret that was in the code in some .env", () => {
    const dotenvs = [...fixed].filter(([file]) => path.basename(file) === ".env");
    for (const [file, secrets] of Object.entries(SECRETS)) {
      for (const secret of secrets) {
        assert.ok(original.get(file)?.includes(secret), `${file} holds ${secret} before`);
        assert.ok(
          dotenvs.some(([, text]) => text.includes(secret)),
          `${secret} from ${file} is in one of ${dotenvs.map(([f]) => f).join(", ")}`,
        );
      }
    }
  });

  it("excludes each .env written beside a Dockerfile from the image", () => {
    const written = [...fixed.keys()].filter(
      (file) => path.basename(file) === ".env" && fixed.get(file) !== original.get(file),
    );
    const besideDockerfile = written.filter((file) =>
      fixed.has(path.posix.join(path.posix.dirname(file), "Dockerfile")),
    );
    assert.ok(besideDockerfile.length > 0, `written: ${written.join(", ")}`);
    for (const file of besideDockerfile) {
      const dockerignore = path.posix.join(path.posix.dirname(file), ".dockerignore");
      assert.ok(ignoresDotenv(fixed.get(dockerignore) ?? ""), `${dockerignore} lists .env`);
    }
  });

  it("sets every variable the fixed Python code requires in the .env python-dotenv finds", () => {
    const reads = [...(fixed.get("api/app.py") ?? "").matchAll(/os\.environ\["(\w+)"\]/g)];
    const dotenv = fixed.get("api/.env") ?? fixed.get(".env") ?? "";
    const defined = new Set(dotenv.split("\n").map((line) => line.split("=")[0]));
    assert.ok(reads.length >= 5, `app.py reads ${reads.length} variables`);
    for (const [, name] of reads) assert.ok(defined.has(name), `${name} is in .env`);
  });

  it("gives the Redis stores the Redis address the code already used, under one name", () => {
    const dotenv = fixed.get(".env") ?? "";
    assert.deepEqual(
      dotenv.split("\n").filter((line) => /REDIS_URL=/.test(line)),
      ["REDIS_URL=redis://cache.shop.internal:6379/0"],
    );
    assert.equal(fixed.has("api/.env"), false, "no second .env to hide the first");
  });

  it("lists what is left by hand: the database volume and variables the cluster lacks", () => {
    assert.match(first.stderr, /^By hand: dump the "pgdata" volume with the old PostgreSQL/m);
    assert.match(
      first.stderr,
      /^By hand: set STRIPE_API_KEY, which app\.py now reads, in the Kubernetes/m,
    );
    assert.doesNotMatch(second.stderr, /By hand/);
  });

  it("tells to run npm install when package.json changed beside package-lock.json", () => {
    assert.notEqual(fixed.get("web/package.json"), original.get("web/package.json"));
    assert.match(
      first.stderr,
      /web\/package\.json changed: run npm install to update web\/package-lock\.json/,
    );
  });
});
