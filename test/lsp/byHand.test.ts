import * as assert from "node:assert/strict";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import type { CodeAction, ShowMessageParams } from "vscode-languageserver-protocol";
import { makeWorkspace } from "../helpers/analyse";
import { LspClient, uriOf } from "../helpers/lspClient";

const CONF = 'import os\n\nSTRIPE_API_KEY = "sk_test_4eC39HqLyjWDarjtT1zdp7dc"\n';
const DEPLOYMENT =
  "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n" +
  "      containers:\n        - name: api\n          image: shop/api:1.4.2\n";

describe("a quick-fix that leaves a step to the user", () => {
  let client: LspClient;
  let root: string;

  before(async () => {
    root = makeWorkspace({ "conf.py": CONF, "k8s/api.yaml": DEPLOYMENT });
    client = new LspClient();
    await client.initialize(root);
  });

  after(async () => client.stop());

  it("carries a command that shows the step once the edit is applied", async () => {
    const file = path.join(root, "conf.py");
    const { diagnostics } = await client.diagnostics(file, (p) =>
      p.diagnostics.some((d) => d.code === "secret-hardcoded"),
    );
    const secret = diagnostics.filter((d) => d.code === "secret-hardcoded");
    const actions = (await client.connection.sendRequest("textDocument/codeAction", {
      textDocument: { uri: uriOf(file) },
      range: secret[0].range,
      context: { diagnostics: secret },
    })) as CodeAction[];
    const action = actions.find((a) => a.isPreferred);
    assert.ok(action?.edit && action.command, JSON.stringify(actions.map((a) => a.title)));

    const shown = new Promise<ShowMessageParams>((resolve) =>
      client.connection.onNotification("window/showMessage", resolve),
    );
    await client.connection.sendRequest("workspace/executeCommand", {
      command: action.command.command,
      arguments: action.command.arguments,
    });
    const message = await shown;
    assert.match(
      message.message,
      /set STRIPE_API_KEY, which conf\.py now reads, in the Kubernetes/,
    );
  });
});
