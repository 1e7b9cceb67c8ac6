import * as assert from "node:assert/strict";
import * as path from "node:path";
import { describe, it } from "node:test";
import { DEFAULT_SETTINGS } from "../../../server/src/engine/settings";
import type { Localized } from "../../../server/src/engine/types";
import { createAnalysis, makeWorkspace } from "../../helpers/analyse";

/** The messages of one rule for a single-file workspace. */
async function messages(rule: string, file: string, code: string): Promise<Localized[]> {
  const root = makeWorkspace({ [file]: code });
  const analysis = await createAnalysis(root);
  const result = analysis.engine.analyse(path.join(root, file), code, DEFAULT_SETTINGS);
  const found = result.findings.filter((f) => f.rule === rule).map((f) => f.message);
  assert.ok(found.length > 0, `${rule} reports on ${file}`);
  return found;
}

/** Runs of two or more English words in a Chinese message, once code spans are removed. */
function englishRuns(zh: string): string[] {
  const prose = zh.replace(/`[^`]*`/g, " ").replace(/"[^"]*"/g, " ");
  return [...prose.matchAll(/[A-Za-z]+(?: [a-z]+)+/g)].map((m) => m[0]);
}

describe("advice in the language of the code", () => {
  it("proc-inline-background-work: Node gets Node workers, and no repeated phrase", async () => {
    const code =
      "const express = require('express');\nconst app = express();\n" +
      "setInterval(() => expireCarts(), 60000);\napp.listen(3000);\n";
    const [message] = await messages("proc-inline-background-work", "server.js", code);
    assert.doesNotMatch(message.en, /Celery|RQ\b/);
    assert.match(message.en, /BullMQ/);
    assert.match(message.en, /CronJob/);
    assert.doesNotMatch(message.en, /setInterval[^(]*\(setInterval\)/);
    assert.doesNotMatch(message.zh, /Celery|RQ\b/);
    assert.doesNotMatch(message.zh, /setInterval[^（]*（setInterval）/);
  });

  it("proc-inline-background-work: Python keeps Celery/RQ", async () => {
    const code =
      "import threading\nfrom flask import Flask\n\napp = Flask(__name__)\n" +
      "threading.Thread(target=poll).start()\n";
    const [message] = await messages("proc-inline-background-work", "app.py", code);
    assert.match(message.en, /Celery/);
    assert.doesNotMatch(message.en, /BullMQ/);
    assert.match(message.zh, /Celery/);
  });

  it("state-local-upload: Node gets the AWS SDK and multer-s3, not boto3", async () => {
    const code =
      "const express = require('express');\nconst multer = require('multer');\n" +
      "const upload = multer({ dest: 'uploads/' });\n";
    const [message] = await messages("state-local-upload", "server.js", code);
    assert.doesNotMatch(message.en, /boto3|upload_fileobj/);
    assert.match(message.en, /@aws-sdk\/client-s3/);
    assert.match(message.en, /multer-s3/);
    assert.doesNotMatch(message.zh, /boto3|upload_fileobj/);
    assert.match(message.zh, /multer-s3/);
  });

  it("state-local-upload: Python without a fix gets boto3 only", async () => {
    const code =
      "from flask import Flask\n\napp = Flask(__name__)\n" +
      'app.config["UPLOAD_FOLDER"] = "uploads"\n';
    const [message] = await messages("state-local-upload", "app.py", code);
    assert.match(message.en, /boto3/);
    assert.doesNotMatch(message.en, /multer|@aws-sdk/);
    assert.doesNotMatch(message.zh, /multer|@aws-sdk/);
  });

  it("port-privileged: the Kubernetes message is Chinese throughout", async () => {
    const code = `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  securityContext:
    runAsNonRoot: true
  containers:
    - name: api
      image: shop/api:1.4.2
      ports:
        - containerPort: 80
`;
    const [message] = await messages("port-privileged", "k8s/pod.yaml", code);
    assert.deepEqual(englishRuns(message.zh), []);
    assert.match(message.zh, /非 root 用户/);
  });

  it("port-privileged: the Dockerfile user is named in Chinese", async () => {
    const code = "FROM python:3.12-slim\nUSER app\nEXPOSE 80\n";
    const [message] = await messages("port-privileged", "Dockerfile", code);
    assert.deepEqual(englishRuns(message.zh), []);
    assert.match(message.zh, /用户 "app"/);
  });
});
