import * as assert from "node:assert/strict";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import type { PublishDiagnosticsParams } from "vscode-languageserver-protocol";
import { makeWorkspace } from "../helpers/analyse";
import { LspClient, uriOf } from "../helpers/lspClient";

const RULE = "config-env-undocumented";

const app = `import os

SMTP_URL = os.environ["SMTP_URL"]
`;

const hasRule = (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => d.code === RULE);

describe("an undocumented variable over the language server", () => {
  let client: LspClient;
  let root: string;

  before(async () => {
    root = makeWorkspace({ "app.py": app, ".env.example": "DATABASE_URL=\n" });
    client = new LspClient();
    await client.initialize(root);
  });

  after(async () => client.stop());

  it("clears on the code when the open .env.example gains the name", async () => {
    const appFile = path.join(root, "app.py");
    const first = await client.diagnostics(appFile, hasRule);
    const finding = first.diagnostics.find((d) => d.code === RULE);
    assert.equal(finding?.range.start.line, 2);

    const uri = uriOf(path.join(root, ".env.example"));
    await client.connection.sendNotification("textDocument/didOpen", {
      textDocument: { uri, languageId: "dotenv", version: 1, text: "DATABASE_URL=\n" },
    });
    await client.connection.sendNotification("textDocument/didChange", {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: "DATABASE_URL=\nSMTP_URL=\n" }],
    });
    const cleared = await client.nextDiagnostics(appFile, (p) => !hasRule(p));
    assert.equal(cleared.diagnostics.filter((d) => d.code === RULE).length, 0);

    await client.connection.sendNotification("textDocument/didChange", {
      textDocument: { uri, version: 3 },
      contentChanges: [{ text: "DATABASE_URL=\n" }],
    });
    await client.nextDiagnostics(appFile, hasRule);
  });
});
