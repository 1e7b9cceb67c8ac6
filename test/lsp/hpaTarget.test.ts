import * as assert from "node:assert/strict";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import type { PublishDiagnosticsParams } from "vscode-languageserver-protocol";
import { makeWorkspace } from "../helpers/analyse";
import { LspClient, uriOf } from "../helpers/lspClient";

const RULE = "hpa-target-no-cpu-request";

const hpa = `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: api
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
  minReplicas: 2
  maxReplicas: 10
  metrics:
    - type: Resource
      resource:
        name: cpu
        target: {type: Utilization, averageUtilization: 70}
`;

const deployment = (resources: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 2
  template:
    spec:
      containers:
        - name: api
          image: registry.example.test/api:1.4.2
${resources}`;

const hasRule = (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => d.code === RULE);

describe("a cross-file finding over the language server", () => {
  let client: LspClient;
  let root: string;

  before(async () => {
    root = makeWorkspace({ "k8s/hpa.yaml": hpa, "k8s/deployment.yaml": deployment("") });
    client = new LspClient();
    await client.initialize(root);
  });

  after(async () => client.stop());

  it("clears on the HPA when the open Deployment gains a CPU request", async () => {
    const hpaFile = path.join(root, "k8s/hpa.yaml");
    const deploymentFile = path.join(root, "k8s/deployment.yaml");
    const first = await client.diagnostics(hpaFile, hasRule);
    const finding = first.diagnostics.find((d) => d.code === RULE);
    assert.equal(finding?.relatedInformation?.[0].location.uri, uriOf(deploymentFile));

    const uri = uriOf(deploymentFile);
    await client.connection.sendNotification("textDocument/didOpen", {
      textDocument: { uri, languageId: "yaml", version: 1, text: deployment("") },
    });
    await client.connection.sendNotification("textDocument/didChange", {
      textDocument: { uri, version: 2 },
      contentChanges: [
        { text: deployment("          resources:\n            requests: {cpu: 250m}\n") },
      ],
    });
    const cleared = await client.nextDiagnostics(hpaFile, (p) => !hasRule(p));
    assert.equal(cleared.diagnostics.filter((d) => d.code === RULE).length, 0);

    await client.connection.sendNotification("textDocument/didChange", {
      textDocument: { uri, version: 3 },
      contentChanges: [{ text: deployment("") }],
    });
    await client.nextDiagnostics(hpaFile, hasRule);
  });
});
