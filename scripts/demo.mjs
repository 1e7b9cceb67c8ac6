// Runs the product on the demo service: the command-line report first, then a real VS Code
// (code-server) with the packaged extension installed, opened on a copy of examples/shop.
// Stop it with Ctrl+C. `--cli` prints the report only.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const cliOnly = process.argv.includes("--cli");

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0 && !(command === process.execPath && result.status === 1)) {
    process.exit(result.status ?? 2);
  }
}

console.log("== Twelve-Factor Doctor on examples/shop (command line) ==\n");
run(process.execPath, [join(root, "scripts/build.mjs")]);
run(process.execPath, [join(root, "dist/cli.js"), "check", join(root, "examples/shop")]);
if (cliOnly) process.exit(0);

console.log("\n== Packaging the extension ==\n");
run("npm", ["run", "--silent", "package"]);
const vsix = readdirSync(root).find((f) => f.endsWith(".vsix"));

const editor = await import("../test/e2e/editor.mjs");
editor.assertEditorInstalled();
const workspace = mkdtempSync(join(tmpdir(), "twelve-factor-demo-"));
cpSync(join(root, "examples/shop"), join(workspace, "shop"), { recursive: true });
const session = await editor.createRun("twelve-factor-demo-");
await editor.installExtension(session, join(root, vsix));
const server = await editor.startCodeServer(session);
const url = editor.workbenchUrl(server, join(workspace, "shop"));

console.log(
  `\nVS Code with Twelve-Factor Doctor is running on a copy of examples/shop:\n\n  ${url}\n`,
);
console.log("Open a file such as api/app.py to see the findings; Ctrl+C stops the editor.");

const stop = async () => {
  await editor.closeEditor({ run: session, server });
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
setInterval(() => undefined, 1 << 30);
