import * as assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { LogMessageParams } from "vscode-languageserver-protocol";
import { makeWorkspace } from "../helpers/analyse";
import { LspClient } from "../helpers/lspClient";

const TEXT = 'API_TOKEN = "tok_8f7e6d5c4b3a2910"\n';

const URIS = [
  "file://remotehost/x.py",
  "file:///tmp/%E0%A4%A.py",
  "untitled:Untitled-1",
  "vscode-notebook-cell:/tmp/notebook.ipynb#W0sZmlsZQ%3D%3D",
];

describe("documents with URIs that are no local file", () => {
  let client: LspClient;
  const errors: string[] = [];

  before(async () => {
    client = new LspClient();
    client.connection.onNotification("window/logMessage", (p: LogMessageParams) => {
      if (p.type === 1) errors.push(p.message);
    });
    await client.initialize(makeWorkspace({ "README.md": "# empty\n" }));
  });

  after(async () => client.stop());

  for (const uri of URIS) {
    it(`opens, edits and answers code actions for ${uri}`, async () => {
      errors.length = 0;
      await client.connection.sendNotification("textDocument/didOpen", {
        textDocument: { uri, languageId: "python", version: 1, text: TEXT },
      });
      await client.connection.sendNotification("textDocument/didChange", {
        textDocument: { uri, version: 2 },
        contentChanges: [{ text: `# edited\n${TEXT}` }],
      });
      const actions = await client.connection.sendRequest("textDocument/codeAction", {
        textDocument: { uri },
        range: { start: { line: 1, character: 0 }, end: { line: 1, character: 10 } },
        context: { diagnostics: [] },
      });
      assert.deepEqual(actions, []);
      await client.connection.sendNotification("textDocument/didClose", {
        textDocument: { uri },
      });
      await client.connection.sendRequest("twelveFactor/faultIndex");
      assert.deepEqual(errors, []);
    });
  }
});
