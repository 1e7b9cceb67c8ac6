// The fault index: its command runs and the exported tree provider lists the handbook's six
// fault categories.
const assert = require("node:assert/strict");
const vscode = require("vscode");
const { activateExtension } = require("./helpers");

const CATEGORY_COUNT = 6;

describe("fault index", () => {
  it("runs twelveFactor.showFaultIndex", async () => {
    await vscode.commands.executeCommand("twelveFactor.showFaultIndex");
  });

  it("exports a fault-index provider whose roots are the six categories", async () => {
    const api = await activateExtension();
    assert.ok(api && api.faultIndexProvider, "activate() returns { faultIndexProvider }");

    const roots = await api.faultIndexProvider.getChildren();
    assert.equal(roots.length, CATEGORY_COUNT, `roots: ${JSON.stringify(roots)}`);
    for (const root of roots) {
      const item = await api.faultIndexProvider.getTreeItem(root);
      assert.ok(item.label, `a category without a label: ${JSON.stringify(root)}`);
    }
  });
});
