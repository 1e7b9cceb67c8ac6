import * as assert from "node:assert/strict";
import * as path from "node:path";
import { describe, it } from "node:test";
import { DEFAULT_SETTINGS } from "../../../server/src/engine/settings";
import { createAnalysis, makeWorkspace } from "../../helpers/analyse";

const RULES = [
  "secret-in-configmap",
  "k8s-no-resources",
  "k8s-no-probes",
  "k8s-single-replica",
  "k8s-emptydir-state",
  "scale-sticky-ingress",
  "hpa-target-no-cpu-request",
  "parity-version-mismatch",
  "parity-sqlite-vs-server-db",
];

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 1
  template:
    spec:
      containers:
        - name: api
          image: registry.example.test/api:1.4.2
`;

/** Broken input that still holds a readable Deployment, and what must be found in it. */
const BROKEN: Array<{ name: string; text: string; rules: string[] }> = [
  {
    name: "a broken document after a good one",
    text: `${deployment}---\napiVersion: v1\nkind: ConfigMap\ndata: [unclosed\n  DB_PASSWORD: x\n`,
    rules: ["k8s-no-resources", "k8s-no-probes", "k8s-single-replica"],
  },
  {
    name: "tabs and a bad indent inside the container",
    text: deployment.replace("          image:", "\t  image:"),
    rules: ["k8s-single-replica"],
  },
  {
    name: "duplicate keys",
    text: deployment.replace("  replicas: 1\n", "  replicas: 1\n  replicas: 1\n"),
    rules: ["k8s-no-resources"],
  },
  {
    name: "containers is a scalar",
    text: deployment.replace(/containers:[\s\S]*$/, "containers: none\n"),
    rules: ["k8s-single-replica"],
  },
  { name: "only a kind", text: "kind: Deployment\n", rules: [] },
  {
    name: "an unterminated flow mapping",
    text: "apiVersion: v1\nkind: Service\nmetadata: {name: a\n",
    rules: [],
  },
  { name: "binary-looking garbage", text: "\u0000\u0001apiVersion: [\n:::\n- - -\n", rules: [] },
  {
    name: "a Helm template with unbalanced directives",
    text: `{{- if .Values.enabled }}\n${deployment}`,
    rules: [],
  },
];

describe("Kubernetes rules on malformed YAML", () => {
  for (const sample of BROKEN) {
    it(`reads what it can: ${sample.name}`, async () => {
      const root = makeWorkspace({ "k8s/app.yaml": sample.text });
      const { engine, errors } = await createAnalysis(root);
      const file = path.join(root, "k8s/app.yaml");
      const findings = engine.analyse(file, sample.text, DEFAULT_SETTINGS).findings;
      assert.deepEqual(errors, [], "no rule crashes");
      const fired = new Set(findings.map((f) => f.rule).filter((r) => RULES.includes(r)));
      for (const rule of sample.rules) assert.ok(fired.has(rule), `${rule} still fires`);
      for (const finding of findings) {
        assert.ok(!/invalid|malformed|parse error/i.test(finding.message.en), finding.message.en);
      }
    });
  }
});
