// Runs the extension-host integration tests (test/e2e/exthost) with @vscode/test-electron's
// runTests, whose "VS Code executable" is code-launcher.mjs: code-server plus Chromium, offline.
// The extension under test is the repository (or $TFD_EXTENSION_PATH), built beforehand.
import { chmodSync, existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { runTests } from "@vscode/test-electron";
import { assertEditorInstalled, createRun, removeRun, repoRoot } from "./editor.mjs";
import { prepareWorkspace } from "./workspace.mjs";

const here = dirname(fileURLToPath(import.meta.url));

/** The extension folder to load, checked to hold the built entry point its manifest names. */
function extensionPath() {
  const folder = resolve(process.env.TFD_EXTENSION_PATH ?? repoRoot);
  const manifest = JSON.parse(readFileSync(join(folder, "package.json"), "utf8"));
  const main = join(folder, manifest.main ?? "extension.js");

  if (!existsSync(main) && !existsSync(`${main}.js`)) {
    throw new Error(`${main} does not exist: build the extension first (npm run package)`);
  }
  return folder;
}

/** runTests spawns the launcher directly, so it must stay executable (a lost mode bit). */
function launcherPath() {
  const launcher = join(here, "code-launcher.mjs");
  if ((statSync(launcher).mode & 0o111) === 0) chmodSync(launcher, 0o755);
  return launcher;
}

async function main() {
  assertEditorInstalled();
  const extensionDevelopmentPath = extensionPath();
  const run = await createRun("tfd-exthost-ws-");
  const workspace = await prepareWorkspace(run);

  try {
    return await runTests({
      vscodeExecutablePath: launcherPath(),
      extensionDevelopmentPath,
      extensionTestsPath: join(here, "exthost/index.js"),
      launchArgs: [workspace],
      reuseMachineInstall: true,
    });
  } catch (error) {
    process.stderr.write(`Extension-host tests failed: ${error.message}\n`);
    return 1;
  } finally {
    await removeRun(run);
  }
}

process.exitCode = await main();
