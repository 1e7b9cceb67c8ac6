import * as assert from "node:assert/strict";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import type { CodeAction, Range, TextDocumentEdit } from "vscode-languageserver-protocol";
import { applyEdits } from "../../server/src/engine/applyEdits";
import { makeWorkspace } from "../helpers/analyse";
import { LspClient, uriOf } from "../helpers/lspClient";

const ORIGINAL = 'import os\n\nAPI_TOKEN = "tok_8f7e6d5c4b3a2910"\n';
const HEADER = "# config\n# more\n";

/** The edits of one document in a code action, and the version they were computed for. */
function editsOf(action: CodeAction, uri: string): TextDocumentEdit[] {
  return (action.edit?.documentChanges ?? []).filter(
    (c): c is TextDocumentEdit => "textDocument" in c && c.textDocument.uri === uri,
  );
}

function applyAction(text: string, action: CodeAction, uri: string): string {
  return editsOf(action, uri).reduce((current, change) => applyEdits(current, change.edits), text);
}

describe("code actions right after an edit", () => {
  let client: LspClient;
  let file: string;
  let uri: string;

  before(async () => {
    const root = makeWorkspace({ "app.py": ORIGINAL });
    file = path.join(root, "app.py");
    uri = uriOf(file);
    client = new LspClient();
    await client.initialize(root);
  });

  after(async () => client.stop());

  const codeActions = (range: Range) =>
    client.connection.sendRequest("textDocument/codeAction", {
      textDocument: { uri },
      range,
      context: { diagnostics: [] },
    }) as Promise<CodeAction[]>;

  it("computes edits from the current text and names its version", async () => {
    await client.connection.sendNotification("textDocument/didOpen", {
      textDocument: { uri, languageId: "python", version: 1, text: ORIGINAL },
    });
    const before = await client.diagnostics(file, (p) => p.diagnostics.length > 0);
    const oldRange = before.diagnostics.find((d) => d.range.start.line === 2)?.range;
    assert.ok(oldRange, "a finding on the token line");

    const start = { line: 0, character: 0 };
    void client.connection.sendNotification("textDocument/didChange", {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start, end: start }, text: HEADER }],
    });
    const current = HEADER + ORIGINAL;
    const [stale, fresh] = await Promise.all([
      codeActions(oldRange),
      codeActions({ start: { line: 4, character: 0 }, end: { line: 4, character: 40 } }),
    ]);

    for (const action of [...stale, ...fresh]) {
      for (const change of editsOf(action, uri)) assert.equal(change.textDocument.version, 2);
      const applied = applyAction(current, action, uri);
      assert.ok(applied.startsWith(`${HEADER}import os\n`), applied);
      assert.doesNotMatch(applied, /osos/);
    }
    const fix = fresh.find((a) => applyAction(current, a, uri).includes("os.environ"));
    assert.ok(fix, `a fix among ${fresh.map((a) => a.title).join(", ")}`);
    const lines = applyAction(current, fix, uri).split("\n");
    assert.deepEqual(lines.slice(0, 3), ["# config", "# more", "import os"]);
    assert.ok(lines.includes('API_TOKEN = os.environ["API_TOKEN"]'), lines.join("\n"));
  });
});
