// Quick fixes as the editor asks for them: the code action provider answers for a finding and
// its edit, applied through the workspace, rewrites the code.
const assert = require("node:assert/strict");
const vscode = require("vscode");
const { PORT_LITERAL, findPortFile, findingOf, waitForDiagnostics } = require("./helpers");

const RESOLVE_COUNT = 20;
const NOT_A_FIX = /ignore|suppress|disable|learn|explain|handbook/i;

async function quickFixesFor(uri, range) {
  const actions = await vscode.commands.executeCommand(
    "vscode.executeCodeActionProvider",
    uri,
    range,
    vscode.CodeActionKind.QuickFix.value,
    RESOLVE_COUNT,
  );
  return actions ?? [];
}

async function restore(document, text) {
  const whole = new vscode.Range(0, 0, document.lineCount, 0);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, whole, text);
  await vscode.workspace.applyEdit(edit);
  await document.save();
}

describe("code actions", () => {
  it("fixes a hard-coded port with executeCodeActionProvider and applyEdit", async () => {
    const uri = await findPortFile();
    const document = await vscode.workspace.openTextDocument(uri);
    const before = document.getText();
    const diagnostics = await waitForDiagnostics(uri, (all) =>
      all.some(findingOf("port-hardcoded")),
    );
    const finding = diagnostics.find(findingOf("port-hardcoded"));

    const actions = await quickFixesFor(uri, finding.range);
    const titles = actions.map((action) => action.title).join(" | ");
    const fix = actions.find(
      (action) => action.edit && /port/i.test(action.title) && !NOT_A_FIX.test(action.title),
    );
    assert.ok(fix, `no port quick fix with an edit among: ${titles}`);

    try {
      assert.ok(await vscode.workspace.applyEdit(fix.edit), `"${fix.title}" was not applied`);
      const line = document.lineAt(finding.range.start.line).text;
      assert.notEqual(document.getText(), before, `"${fix.title}" left the text as is`);
      assert.doesNotMatch(line, PORT_LITERAL, `still a literal port: ${line}`);
      assert.match(line, /PORT/, `the fixed line does not read PORT: ${line}`);
    } finally {
      await restore(document, before);
    }
  });

  it("runs the command a fix carries for what it leaves by hand", async () => {
    const uri = await findPortFile();
    const moves = ["secret-hardcoded", "secret-known-format", "config-hardcoded-url"];
    const diagnostics = await waitForDiagnostics(uri, (all) =>
      moves.every((rule) => all.some(findingOf(rule))),
    );
    const moved = diagnostics.filter((d) => moves.some((rule) => findingOf(rule)(d)));
    const actions = (
      await Promise.all(moved.map((finding) => quickFixesFor(uri, finding.range)))
    ).flat();
    const fix = actions.find((action) => action.edit && action.command);
    const titles = actions.map((action) => action.title).join(" | ");
    assert.ok(fix, `no fix that leaves a step by hand among: ${titles}`);
    const registered = await vscode.commands.getCommands(true);
    assert.ok(registered.includes(fix.command.command), `${fix.command.command} is not registered`);
    await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));

    // A restart registers the server's commands again instead of failing on a duplicate.
    await vscode.commands.executeCommand("twelveFactor.restartServer");
    const again = await vscode.commands.getCommands(true);
    assert.ok(again.includes(fix.command.command), `${fix.command.command} gone after a restart`);
    await waitForDiagnostics(uri, (all) => all.some(findingOf("secret-hardcoded")));
    const afterRestart = (
      await Promise.all(moved.map((finding) => quickFixesFor(uri, finding.range)))
    ).flat();
    assert.ok(
      afterRestart.some((action) => action.command),
      "fixes still carry the command",
    );
  });
});
