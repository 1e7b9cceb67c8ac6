import * as assert from "node:assert/strict";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import type { CodeAction, TextDocumentEdit } from "vscode-languageserver-protocol";
import { applyEdits } from "../../server/src/engine/applyEdits";
import { makeWorkspace } from "../helpers/analyse";
import { LspClient, uriOf } from "../helpers/lspClient";

const service = (affinity: string) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  sessionAffinity: ${affinity}\n`;

describe("language server over stdio", () => {
  let client: LspClient;
  let root: string;

  before(async () => {
    root = makeWorkspace({
      "k8s/service.yaml": service("ClientIP"),
      "k8s/broken.yaml": "kind: [unclosed\n  : : :\n\t- {{\n",
      "bin/blob.yaml": "\u0000\u0001\u0002binary\u0000",
      "node_modules/dep/svc.yaml": service("ClientIP"),
    });
    client = new LspClient();
    await client.initialize(root);
  });

  after(async () => client.stop());

  it("publishes diagnostics for files it indexed, without opening them", async () => {
    const published = await client.diagnostics(
      path.join(root, "k8s/service.yaml"),
      (p) => p.diagnostics.length > 0,
    );
    const [diagnostic] = published.diagnostics;
    assert.equal(diagnostic.source, "12-factor");
    assert.equal(diagnostic.code, "scale-session-affinity");
    assert.deepEqual(diagnostic.range.start, { line: 5, character: 19 });
    assert.match(
      diagnostic.codeDescription?.href ?? "",
      /docs\/rules\/scale-session-affinity\.md$/,
    );
  });

  it("answers code actions whose edit removes the finding", async () => {
    const file = path.join(root, "k8s/service.yaml");
    const uri = uriOf(file);
    const text = service("ClientIP");
    await client.connection.sendNotification("textDocument/didOpen", {
      textDocument: { uri, languageId: "yaml", version: 1, text },
    });
    const { diagnostics } = await client.diagnostics(file, (p) => p.diagnostics.length > 0);
    const actions = (await client.connection.sendRequest("textDocument/codeAction", {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics },
    })) as CodeAction[];
    assert.equal(actions[0].title, "Set sessionAffinity: None");
    const edit = actions[0].edit?.documentChanges?.[0] as TextDocumentEdit;
    const fixed = applyEdits(text, edit.edits);
    assert.equal(fixed, service("None"));

    await client.connection.sendNotification("textDocument/didChange", {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: fixed }],
    });
    const cleared = await client.diagnostics(file, (p) => p.diagnostics.length === 0);
    assert.equal(cleared.diagnostics.length, 0);
  });

  it("keeps serving after malformed and binary files", async () => {
    const broken = await client.diagnostics(path.join(root, "k8s/broken.yaml"));
    assert.deepEqual(broken.diagnostics, []);
    const index = await client.connection.sendRequest("twelveFactor/faultIndex");
    assert.equal((index as { categories: unknown[] }).categories.length, 6);
  });

  it("skips node_modules when indexing", async () => {
    await assert.rejects(
      client.diagnostics(path.join(root, "node_modules/dep/svc.yaml"), () => true, 500),
    );
  });
});
