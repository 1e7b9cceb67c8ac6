// Entry point that the extension host loads for the integration tests, following the `run()`
// contract of @vscode/test-electron: mocha over every *.exthost.js file of this folder
// (not *.test.js: `node --test` would pick those up and run them outside the extension host).
const { readdirSync } = require("node:fs");
const { join } = require("node:path");
const { format } = require("node:util");

function testFiles() {
  return readdirSync(__dirname)
    .filter((name) => name.endsWith(".exthost.js"))
    .sort()
    .map((name) => join(__dirname, name));
}

// The launcher prints lines with this tag apart from the workbench's own log.
const OUTPUT_TAG = "[exthost-tests]";

async function run() {
  const { default: Mocha } = await import("mocha");
  const mocha = new Mocha({ ui: "bdd", timeout: 60_000, color: false, reporter: "spec" });
  Mocha.reporters.Base.consoleLog = (...args) => console.log(OUTPUT_TAG, format(...args));

  for (const file of testFiles()) mocha.addFile(file);
  await mocha.loadFilesAsync();
  const failures = await new Promise((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} extension-host test(s) failed`);
}

module.exports = { run };
