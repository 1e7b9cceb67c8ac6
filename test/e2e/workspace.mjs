// The workspace the end-to-end tests open: a copy of examples/ (the demo service) in the run
// folder, so fixes applied by the tests never touch the repository; a small Flask service when
// examples/ holds no Python yet.
import { cp, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { repoRoot } from "./editor.mjs";

const FALLBACK_APP = `from flask import Flask

app = Flask(__name__)
SECRET_KEY = "s3cr3t-very-real-value-1234"


@app.route("/")
def index():
    return "ok"


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5000)
`;

const SKIPPED = new Set(["node_modules", ".venv", "venv", ".git", "__pycache__"]);
const PORT_LITERAL = /\bport\s*=\s*\d+/;
const SECRET_LITERAL = /(SECRET|PASSWORD|TOKEN|API_KEY)\w*["'\]]*\s*=\s*["'][^"']+["']/i;

async function pythonFiles(root) {
  if (!existsSync(root)) return [];
  const entries = await readdir(root, { withFileTypes: true, recursive: true });

  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".py"))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter(
      (file) =>
        !relative(root, file)
          .split("/")
          .some((part) => SKIPPED.has(part)),
    )
    .sort();
}

/** Copies examples/ (or writes the fallback service) into `<run>/workspace`. */
export async function prepareWorkspace(run) {
  const target = join(run.dir, "workspace");
  const examples = join(repoRoot, "examples");

  if ((await pythonFiles(examples)).length > 0) {
    await cp(examples, target, { recursive: true });
  } else {
    await mkdir(target, { recursive: true });
    await writeFile(join(target, "app.py"), FALLBACK_APP);
  }
  return target;
}

/**
 * The Python file the UI test works on: the first one that starts a server on a literal port.
 * Returns its path, the 1-based position of that port literal, and the rule ids the file's text
 * is expected to trigger.
 */
export async function findPortTarget(workspace) {
  for (const file of await pythonFiles(workspace)) {
    const text = await readFile(file, "utf8");
    const lines = text.split("\n");
    const index = lines.findIndex((line) => PORT_LITERAL.test(line));
    if (index < 0) continue;

    const match = PORT_LITERAL.exec(lines[index]);
    const column = match.index + match[0].search(/\d/) + 1;
    const rules = ["port-hardcoded"];
    if (SECRET_LITERAL.test(text)) rules.push("secret-hardcoded");
    return { file, name: relative(workspace, file), line: index + 1, column, rules, text };
  }
  throw new Error(`No Python file in ${workspace} starts a server on a literal port`);
}

/** Reads `file` until two reads 50 ms apart agree (a save may be half-written), at most 2 s. */
async function readWhenStable(file) {
  let previous;
  let text = await readFile(file, "utf8");

  for (let reads = 0; text !== previous && reads < 40; reads++) {
    previous = text;
    await delay(50);
    text = await readFile(file, "utf8");
  }
  return text;
}

/** Polls `file` until its text differs from `before` and has stopped changing. */
export async function waitForFileChange(file, before, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  let text = await readWhenStable(file);

  while (text === before && Date.now() < deadline) {
    await delay(50);
    text = await readWhenStable(file);
  }
  return text;
}

export { PORT_LITERAL };
