#!/usr/bin/env node
// A stand-in for the VS Code executable that @vscode/test-electron's runTests starts: it serves
// the workbench with code-server (smoke-test driver on), opens it in Chromium with the extension
// under development and its tests, and exits with the code the extension tests report.
import { resolve } from "node:path";
import { format } from "node:util";
import {
  assertEditorInstalled,
  closeEditor,
  createRun,
  launchBrowser,
  logTail,
  startCodeServer,
} from "./editor.mjs";
import { withTimeout } from "./processes.mjs";

const TEST_OUTPUT_TAG = "[exthost-tests]";
const TIMEOUT_MS = Number(process.env.TFD_EXTHOST_TIMEOUT_MS ?? 300_000);

/**
 * Reads the options runTests passes. Electron-only flags (--no-sandbox, --disable-updates, …)
 * mean nothing to the server and are ignored; a bare argument is the folder to open.
 */
function parseArgs(argv) {
  const options = { developmentPaths: [], testsPath: undefined, folder: undefined };

  for (const arg of argv) {
    const [flag, value] = arg.split(/=(.*)/s);
    if (flag === "--extensionTestsPath") options.testsPath = resolve(value);
    else if (flag === "--extensionDevelopmentPath") options.developmentPaths.push(resolve(value));
    else if (!arg.startsWith("-")) options.folder = resolve(arg);
  }
  if (!options.testsPath) throw new Error("--extensionTestsPath=<path> is required");
  return options;
}

/** A server path as the browser names it: a URI on the remote authority. */
function remoteUri(server, path) {
  const encoded = path.split("/").map(encodeURIComponent).join("/");
  return `vscode-remote://127.0.0.1:${server.port}${encoded}`;
}

function testUrl(server, options, folder) {
  const payload = [
    ...options.developmentPaths.map((path) => [
      "extensionDevelopmentPath",
      remoteUri(server, path),
    ]),
    ["extensionTestsPath", remoteUri(server, options.testsPath)],
  ];
  const query = new URLSearchParams({ folder, payload: JSON.stringify(payload) });
  return `${server.url}/?${query}`;
}

/**
 * Prints what the workbench logs: the tests' own output (tagged by exthost/index.js) always,
 * the workbench's errors on stderr, everything else only with TFD_E2E_VERBOSE. The full logs
 * stay in the run folder (user-data/logs).
 */
function printLog(type, args) {
  const parts = Array.isArray(args) ? args : [args];

  if (parts[0] === TEST_OUTPUT_TAG) {
    process.stdout.write(`${format(...parts.slice(1))}\n`);
  } else if (type === "error") {
    process.stderr.write(`[workbench ${type}] ${format(...parts)}\n`);
  } else if (process.env.TFD_E2E_VERBOSE) {
    process.stdout.write(`[workbench ${type}] ${format(...parts)}\n`);
  }
}

/** Exposes the smoke-test driver's hooks; `exited` resolves with the code the tests report. */
async function exposeAutomation(page) {
  let reportExit;
  const exitCode = new Promise((resolveExit) => (reportExit = resolveExit));

  await page.exposeFunction("codeAutomationLog", (type, args) => printLog(type, args));
  await page.exposeFunction("codeAutomationExit", (code) => reportExit(Number(code)));
  page.on("pageerror", (error) => process.stderr.write(`[page] ${error.message}\n`));
  return { exited: exitCode };
}

async function runExtensionTests(options) {
  const editor = { run: await createRun("tfd-exthost-") };
  let code = 1;

  try {
    const args = ["--vscode-option", "enable-smoke-test-driver"];
    editor.server = await startCodeServer(editor.run, { args });
    editor.context = await launchBrowser(editor.run);
    const page = editor.context.pages()[0] ?? (await editor.context.newPage());
    const { exited } = await exposeAutomation(page);

    await page.goto(testUrl(editor.server, options, options.folder ?? editor.run.dir));
    code = await withTimeout(exited, TIMEOUT_MS, "the extension tests to report their result");
  } catch (error) {
    process.stderr.write(`${error.message}\n--- code-server ---\n${await logTail(editor.run)}\n`);
  } finally {
    await closeEditor({ ...editor, keep: code !== 0 }).catch((error) => {
      process.stderr.write(`Tear-down: ${error.message}\n`);
    });
  }
  if (code !== 0) process.stderr.write(`Run folder: ${editor.run.dir}\n`);
  return code;
}

assertEditorInstalled();
process.exit(await runExtensionTests(parseArgs(process.argv.slice(2))));
