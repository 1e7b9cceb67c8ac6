import * as assert from "node:assert/strict";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import type { LogMessageParams } from "vscode-languageserver-protocol";
import { makeWorkspace } from "../helpers/analyse";
import { LspClient, uriOf } from "../helpers/lspClient";

const SECRET = 'API_TOKEN = "tok_8f7e6d5c4b3a2910"\n';

/** About `bytes` of Python, a hard-coded secret on every line. */
function bigPython(bytes: number): string {
  return SECRET.repeat(Math.ceil(bytes / SECRET.length));
}

describe("documents over the size limit", () => {
  let client: LspClient;
  let root: string;
  const logs: string[] = [];

  before(async () => {
    root = makeWorkspace({ "small.py": SECRET });
    client = new LspClient();
    client.connection.onNotification("window/logMessage", (p: LogMessageParams) => {
      logs.push(p.message);
    });
    await client.initialize(root);
  });

  after(async () => client.stop());

  it("are not analysed, and other requests are answered at once", async () => {
    const small = path.join(root, "small.py");
    await client.diagnostics(small, (p) => p.diagnostics.length > 0);
    const big = path.join(root, "big.py");
    const uri = uriOf(big);
    const text = bigPython(2 * 1024 * 1024);
    await client.connection.sendNotification("textDocument/didOpen", {
      textDocument: { uri, languageId: "python", version: 1, text },
    });
    await client.connection.sendNotification("textDocument/didChange", {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: text + SECRET }],
    });
    const published = await client.diagnostics(big, (p) => p.diagnostics.length === 0);
    assert.deepEqual(published.diagnostics, []);

    const started = Date.now();
    const actions = await client.connection.sendRequest("textDocument/codeAction", {
      textDocument: { uri: uriOf(small) },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      context: { diagnostics: [] },
    });
    assert.ok(Array.isArray(actions) && actions.length > 0);
    assert.ok(Date.now() - started < 1000, `answered in ${Date.now() - started} ms`);
    await client.connection.sendRequest("twelveFactor/faultIndex");
    assert.equal(logs.filter((m) => m.includes(big) && /too large/i.test(m)).length, 1);
  });
});
