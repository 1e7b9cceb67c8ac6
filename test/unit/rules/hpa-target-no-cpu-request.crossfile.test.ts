import * as assert from "node:assert/strict";
import * as path from "node:path";
import { describe, it } from "node:test";
import { applyEdits } from "../../../server/src/engine/applyEdits";
import { DEFAULT_SETTINGS } from "../../../server/src/engine/settings";
import { createAnalysis, makeWorkspace } from "../../helpers/analyse";

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
  template:
    spec:
      containers:
        - name: api
          image: registry.example.test/api:1.4.2
${resources}`;

describe(`${RULE} follows the target as it changes`, () => {
  it("clears when the Deployment gains a CPU request, and returns when it loses it", async () => {
    const root = makeWorkspace({ "k8s/hpa.yaml": hpa, "k8s/deployment.yaml": deployment("") });
    const { engine, workspace, errors } = await createAnalysis(root);
    const hpaFile = path.join(root, "k8s/hpa.yaml");
    const deploymentFile = path.join(root, "k8s/deployment.yaml");
    const findings = () =>
      engine.analyse(hpaFile, hpa, DEFAULT_SETTINGS).findings.filter((f) => f.rule === RULE);

    const before = findings();
    assert.equal(before.length, 1);
    assert.equal(before[0].related?.[0].file, deploymentFile, "related points at the container");

    const requested = "          resources:\n            requests: {cpu: 250m}\n";
    workspace.setOverlay(deploymentFile, deployment(requested));
    assert.deepEqual(findings(), [], "the edited Deployment is read, not the file on disk");

    workspace.setOverlay(deploymentFile, deployment(""));
    assert.equal(findings().length, 1, "removing the request brings the finding back");

    workspace.setOverlay(deploymentFile, undefined);
    assert.equal(findings().length, 1, "closing the editor falls back to the disk");
    assert.deepEqual(errors, []);
  });

  it("applying the quick-fix to the Deployment clears the finding", async () => {
    const root = makeWorkspace({ "k8s/hpa.yaml": hpa, "k8s/deployment.yaml": deployment("") });
    const { engine, workspace } = await createAnalysis(root);
    const hpaFile = path.join(root, "k8s/hpa.yaml");
    const [finding] = engine.analyse(hpaFile, hpa, DEFAULT_SETTINGS).findings;
    const change = finding.fixes[0].changes[0];
    assert.equal(change.file, path.join(root, "k8s/deployment.yaml"));

    workspace.setOverlay(
      change.file,
      applyEdits(workspace.readText(change.file) ?? "", change.edits),
    );
    const after = engine.analyse(hpaFile, hpa, DEFAULT_SETTINGS).findings;
    assert.deepEqual(
      after.filter((f) => f.rule === RULE),
      [],
    );
  });
});
