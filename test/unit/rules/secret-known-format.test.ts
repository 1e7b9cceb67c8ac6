import { ruleTester } from "../../helpers/ruleTester";
import { KEYS } from "./secret-known-format.keys";

const loadsDotenv = { "requirements.txt": "Flask==3.0.3\npython-dotenv==1.0.1\n" };
const nodeLoads = {
  "package.json": '{"name": "x"}\n',
  "index.js": "require('dotenv').config();\n",
};

ruleTester("secret-known-format", {
  valid: [
    {
      name: "the documented AWS example key and obvious stubs",
      file: "app/aws.py",
      code: `AWS_ACCESS_KEY_ID = "${KEYS.awsExample}"
GITHUB_TOKEN = "ghp_${"x".repeat(36)}"
OPENAI_API_KEY = "sk-..."
STRIPE_KEY = "sk_test_4eC39HqLyjWDarjtT1zdp7dc"
`,
    },
    {
      name: "lock-file integrity hashes",
      file: "package-lock.json",
      code: `{"packages": {"node_modules/a": {"integrity": "sha512-Xq7Lm2+AKIA4NQZ7XKR2MDL5WBT/9Rs4Tv8Wz3Bc6Df1Gh5Jk0Mn2Pq7Rs4Tv9Xq7Lm2Np9Rs4Tv8Wz3Bc6Df1Gh5Jk0Mn2Pq7Rs4Tv9Q=="}}}\n`,
    },
    {
      name: "requirement hashes",
      file: "requirements.txt",
      code: "Flask==3.0.3 \\\n    --hash=sha256:AKIA4NQZ7XKR2MDL5WBT34e3c4b1d7a9f0e2c5b8a7d6f4e3c2b1a0f9e8d7c6b5a4f3\n",
    },
    {
      name: "a private key header without key material",
      file: "docs/setup.sh",
      code: `cat > key.pem <<EOF\n-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\nEOF\n`,
    },
    {
      name: "a .env file that git ignores is where secrets belong",
      file: ".env",
      files: { ".gitignore": ".env\n" },
      code: `GITHUB_TOKEN=${KEYS.github}\n`,
    },
    {
      name: "look-alike prefixes in ordinary words",
      file: "src/util.ts",
      code: `const className = "sk-button-primary-large-rounded-shadow-hover";\nconst label = "xoxb-";\n`,
    },
  ],
  invalid: [
    {
      name: "Python module attribute: the fix reads STRIPE_API_KEY",
      file: "app/billing.py",
      files: loadsDotenv,
      code: `import stripe\n\nstripe.api_key = "${KEYS.stripe}"\n`,
      findings: [{ line: 3, column: 19, severity: "error", messageIncludes: "sk_l…" }],
      output: `import stripe\nimport os\n\nstripe.api_key = os.environ["STRIPE_API_KEY"]\n`,
      outputFiles: { ".env": `STRIPE_API_KEY=${KEYS.stripe}\n` },
    },
    {
      name: "Python: keyword argument, comment, f-string",
      file: "app/clients.py",
      files: loadsDotenv,
      code: `import os

import boto3

# old token: ${KEYS.github}
s3 = boto3.client("s3", aws_access_key_id="${KEYS.aws}")
header = f"token ${KEYS.gitlab} {os.getpid()}"
`,
      findings: [
        { line: 5, column: 14 },
        { line: 6, column: 44 },
        { line: 7, column: 18 },
      ],
      output: null,
    },
    {
      name: "Python keyword argument fix",
      file: "app/s3.py",
      files: loadsDotenv,
      code: `import os

import boto3

s3 = boto3.client("s3", aws_access_key_id="${KEYS.aws}")
`,
      findings: [{ line: 5, column: 44 }],
      output: `import os

import boto3

s3 = boto3.client("s3", aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"])
`,
    },
    {
      name: "test fixtures keep full severity",
      file: "tests/fixtures/settings.py",
      code: `GOOGLE_API_KEY = "${KEYS.google}"\n`,
      findings: [{ line: 1, column: 19, severity: "error" }],
    },
    {
      name: "JavaScript object property",
      file: "src/ai.js",
      files: nodeLoads,
      code: `const client = new OpenAI({ apiKey: '${KEYS.openai}' });\n`,
      findings: [{ line: 1, column: 38 }],
      output: `const client = new OpenAI({ apiKey: process.env.API_KEY });\n`,
    },
    {
      name: "TypeScript template literal piece",
      file: "src/slack.ts",
      files: nodeLoads,
      code: "export const auth = `Bearer " + KEYS.slack + "`;\n",
      findings: [{ line: 1, column: 29 }],
      output: "export const auth = `Bearer ${process.env.AUTH}`;\n",
    },
    {
      name: "Dockerfile ENV: reported, fixed by hand",
      file: "Dockerfile",
      code: `FROM node:20.15-slim\nENV STRIPE_KEY=${KEYS.stripe}\n`,
      findings: [{ line: 2, column: 16, messageIncludes: "by hand" }],
      output: null,
    },
    {
      name: "compose environment",
      file: "docker-compose.yml",
      code: `services:\n  bot:\n    image: shop/bot:1.2.0\n    environment:\n      GITHUB_TOKEN: ${KEYS.githubPat}\n`,
      findings: [{ line: 5, column: 21 }],
      output: `services:\n  bot:\n    image: shop/bot:1.2.0\n    environment:\n      GITHUB_TOKEN: \${GITHUB_TOKEN}\n`,
    },
    {
      name: "Kubernetes env value",
      file: "k8s/bot.yaml",
      code: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: bot\nspec:\n  containers:\n    - name: bot\n      image: shop/bot:1.2.0\n      env:\n        - {name: SLACK_TOKEN, value: "${KEYS.slack}"}\n`,
      findings: [{ line: 10, column: 39 }],
      output: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: bot\nspec:\n  containers:\n    - name: bot\n      image: shop/bot:1.2.0\n      env:\n        - {name: SLACK_TOKEN, valueFrom: {secretKeyRef: {name: bot-secrets, key: SLACK_TOKEN}}}\n`,
    },
    {
      name: "CI workflow YAML",
      file: ".github/workflows/ci.yml",
      code: `on: push\njobs:\n  test:\n    runs-on: ubuntu-24.04\n    env:\n      GITLAB_TOKEN: ${KEYS.gitlab}\n`,
      findings: [{ line: 6, column: 21 }],
      output: null,
    },
    {
      name: "requirements index URL with a token",
      file: "requirements.txt",
      code: `--extra-index-url https://__token__:${KEYS.gitlab}@gitlab.example.test/simple\nFlask==3.0.3\n`,
      findings: [{ line: 1, column: 37 }],
    },
    {
      name: "package.json script",
      file: "package.json",
      code: `{"name": "x", "scripts": {"notify": "SLACK_TOKEN=${KEYS.slack} node notify.js"}}\n`,
      findings: [{ line: 1, column: 50 }],
    },
    {
      name: "Procfile",
      file: "Procfile",
      code: `web: OPENAI_API_KEY=${KEYS.openai} node server.js\n`,
      findings: [{ line: 1, column: 21 }],
    },
    {
      name: "shell script and private key file",
      file: "deploy/release.sh",
      code: `export GITHUB_TOKEN=${KEYS.github}\ncat > key.pem <<EOF\n${KEYS.privateKey}\nEOF\n`,
      findings: [
        { line: 1, column: 21 },
        { line: 3, column: 1 },
      ],
    },
    {
      name: "a .env that git does not ignore: the fix ignores it",
      file: ".env",
      code: `GITHUB_TOKEN=${KEYS.github}\n`,
      findings: [{ line: 1, column: 14 }],
      outputFiles: { ".gitignore": ".env\n" },
      recheckFixedFiles: true,
    },
    {
      name: "a committed template: the value moves to .env",
      file: ".env.example",
      code: `DB_HOST=db\nAWS_ACCESS_KEY_ID=${KEYS.aws}\n`,
      findings: [{ line: 2, column: 19 }],
      output: `DB_HOST=db\nAWS_ACCESS_KEY_ID=\n`,
      outputFiles: { ".env": `AWS_ACCESS_KEY_ID=${KEYS.aws}\n`, ".gitignore": ".env\n" },
    },
  ],
});
