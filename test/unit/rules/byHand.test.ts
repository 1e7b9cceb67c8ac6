import * as assert from "node:assert/strict";
import * as path from "node:path";
import { describe, it } from "node:test";
import { DEFAULT_SETTINGS } from "../../../server/src/engine/settings";
import { createAnalysis, makeWorkspace } from "../../helpers/analyse";

const CONF = 'import os\n\nSTRIPE_API_KEY = "sk_test_4eC39HqLyjWDarjtT1zdp7dc"\n';
const deployment = (env: string) =>
  "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n" +
  `      containers:\n        - name: api\n          image: shop/api:1.4.2\n${env}`;

/** The steps the preferred fix of a rule's first finding in a file leaves to the user. */
async function stepsLeft(files: Record<string, string>, target: string, rule: string) {
  const root = makeWorkspace(files);
  const analysis = await createAnalysis(root);
  const result = analysis.engine.analyse(path.join(root, target), files[target], DEFAULT_SETTINGS);
  const finding = result.findings.find((f) => f.rule === rule);
  assert.ok(finding, `${rule} reported: ${result.findings.map((f) => f.rule).join(", ")}`);
  const fix = finding.fixes.find((f) => f.preferred) ?? finding.fixes[0];
  return (fix.byHand ?? []).map((step) => step.en);
}

describe("what a fix leaves to do by hand", () => {
  it("a secret moved to .env must still be set in the cluster if no manifest sets it", async () => {
    const steps = await stepsLeft(
      { "conf.py": CONF, "k8s/api.yaml": deployment("") },
      "conf.py",
      "secret-hardcoded",
    );
    assert.equal(steps.length, 1);
    assert.match(steps[0], /^set STRIPE_API_KEY, which conf\.py now reads, in the Kubernetes/);
  });

  for (const [how, env] of [
    [
      "an env entry",
      "          env:\n            - name: STRIPE_API_KEY\n              valueFrom: {}\n",
    ],
    ["a ConfigMap or Secret key", "---\nkind: Secret\nstringData:\n  STRIPE_API_KEY: x\n"],
  ]) {
    it(`nothing to do when a manifest sets the name as ${how}`, async () => {
      const files = { "conf.py": CONF, "k8s/api.yaml": deployment(env) };
      assert.deepEqual(await stepsLeft(files, "conf.py", "secret-hardcoded"), []);
    });
  }

  it("nothing to do for the cluster in a workspace without Kubernetes manifests", async () => {
    assert.deepEqual(await stepsLeft({ "conf.py": CONF }, "conf.py", "secret-hardcoded"), []);
  });

  it("a database image on a new major version leaves its data volume to migrate", async () => {
    const compose =
      "services:\n  db:\n    image: postgres:13\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n";
    const steps = await stepsLeft(
      {
        "docker-compose.yml": compose,
        "k8s/db.yaml":
          "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  template:\n    spec:\n      containers:\n        - name: db\n          image: postgres:16.4\n",
      },
      "docker-compose.yml",
      "parity-version-mismatch",
    );
    assert.deepEqual(steps, [
      'dump the "pgdata" volume with the old PostgreSQL and restore it into 16: the new release cannot start on the old data files.',
    ]);
  });

  it("a compose service whose environment comes from an anchor is left to the user", async () => {
    const compose =
      "x-env: &env\n  LOG_LEVEL: info\nservices:\n  api:\n    build: .\n    environment: *env\n";
    const steps = await stepsLeft(
      { "conf.py": CONF, "docker-compose.yml": compose },
      "conf.py",
      "secret-hardcoded",
    );
    assert.deepEqual(steps, [
      'pass STRIPE_API_KEY to the compose service "api" (STRIPE_API_KEY: ${STRIPE_API_KEY}): its environment comes from an anchor, which the fix does not change.',
    ]);
  });

  it("a compose Redis that wants a password leaves REDIS_URL to the user", async () => {
    const app =
      "from flask import Flask, request\n\napp = Flask(__name__)\ncarts = {}\n\n\n" +
      '@app.post("/cart/<user>")\ndef add(user):\n    carts[user] = request.json\n    return {}\n';
    const compose =
      "services:\n  api:\n    build: .\n  cache:\n    image: redis:7.2.4\n" +
      "    command: redis-server --requirepass ${REDIS_PASSWORD}\n";
    const steps = await stepsLeft(
      { "app.py": app, "docker-compose.yml": compose },
      "app.py",
      "state-in-memory-session",
    );
    assert.deepEqual(steps, [
      'set REDIS_URL for the compose service "api" to redis://:PASSWORD@cache:6379/0: its Redis asks for a password, which the fix does not copy into the compose file.',
    ]);
  });
});
