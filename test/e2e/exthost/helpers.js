// Shared steps of the extension-host tests: find the demo file, wait for the extension's
// diagnostics through the diagnostics event, and reach the extension's exported API.
const vscode = require("vscode");

const EXTENSION_ID = "twelve-factor-doctor.twelve-factor-doctor";
const SOURCE = "12-factor";
const PORT_LITERAL = /\bport\s*=\s*\d+/;

/** The rule id of a diagnostic, whether `code` is a plain value or `{ value, target }`. */
function ruleOf(diagnostic) {
  const { code } = diagnostic;
  return typeof code === "object" && code !== null ? String(code.value) : String(code);
}

function describeDiagnostics(uri) {
  const found = vscode.languages.getDiagnostics(uri);
  return found.map((d) => `${d.source}/${ruleOf(d)}@${d.range.start.line + 1}`).join(", ");
}

/** Resolves with the diagnostics of `uri` once `accept` holds for them (by event, no polling). */
function waitForDiagnostics(uri, accept, timeoutMs = 45_000) {
  return new Promise((resolve, reject) => {
    const check = () => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!accept(diagnostics)) return false;
      finish();
      resolve(diagnostics);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`No matching diagnostics for ${uri.fsPath}: [${describeDiagnostics(uri)}]`));
    }, timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      subscription.dispose();
    };
    check();
  });
}

function findingOf(rule) {
  return (diagnostic) => diagnostic.source === SOURCE && ruleOf(diagnostic) === rule;
}

/** The first Python file of the workspace that starts a server on a literal port. */
async function findPortFile() {
  const files = await vscode.workspace.findFiles("**/*.py", "**/{node_modules,.venv,venv}/**");
  files.sort((a, b) => a.fsPath.localeCompare(b.fsPath));

  for (const uri of files) {
    const bytes = await vscode.workspace.fs.readFile(uri);
    if (PORT_LITERAL.test(Buffer.from(bytes).toString("utf8"))) return uri;
  }
  throw new Error("No Python file in the workspace starts a server on a literal port");
}

async function activateExtension() {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`Extension ${EXTENSION_ID} is not loaded`);
  return extension.activate();
}

module.exports = {
  PORT_LITERAL,
  activateExtension,
  findPortFile,
  findingOf,
  ruleOf,
  waitForDiagnostics,
};
