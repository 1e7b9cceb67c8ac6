// Diagnostics reach the editor: the language server's findings for a demo file, with the
// product's source and rule ids.
const assert = require("node:assert/strict");
const vscode = require("vscode");
const { activateExtension, findPortFile, findingOf, waitForDiagnostics } = require("./helpers");

describe("diagnostics", () => {
  before(async () => {
    await activateExtension();
  });

  it("publishes a port-hardcoded finding for the demo service", async () => {
    const uri = await findPortFile();
    await vscode.window.showTextDocument(uri);

    const diagnostics = await waitForDiagnostics(uri, (all) =>
      all.some(findingOf("port-hardcoded")),
    );
    const finding = diagnostics.find(findingOf("port-hardcoded"));
    assert.equal(finding.source, "12-factor");
    assert.ok(finding.message.length > 0, "the finding has a message");
  });
});
