import { ruleTester } from "../../helpers/ruleTester";

ruleTester("tls-verify-disabled", {
  valid: [
    {
      name: "Python: verification on, a CA bundle, unrelated verify arguments",
      file: "app/sync.py",
      code: `import requests

requests.get(url, verify=True, timeout=10)
requests.get(url, verify="/etc/ssl/certs/corp-ca.pem", timeout=10)
jwt_payload = checker.check(token, verify=False)
ctx = ssl.create_default_context()
`,
    },
    {
      name: "JavaScript: verification on",
      file: "src/agent.js",
      code: `const agent = new https.Agent({ keepAlive: true, rejectUnauthorized: true });
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';
`,
    },
    {
      name: "TypeScript: an unrelated false",
      file: "src/opts.ts",
      code: `export const opts = { secure: false, strict: false };\n`,
    },
    {
      name: "compose, Kubernetes and Dockerfile with verification on",
      file: "docker-compose.yml",
      code: `services:
  web:
    image: shop/web:1.4.2
    environment:
      NODE_TLS_REJECT_UNAUTHORIZED: "1"
      NODE_EXTRA_CA_CERTS: /certs/corp-ca.pem
`,
    },
    {
      name: ".env without switches",
      file: ".env",
      code: "PYTHONHTTPSVERIFY=1\nNODE_ENV=development\n",
    },
    {
      name: "tests are hints, not warnings: no warning finding",
      file: "Dockerfile",
      code: "FROM node:20.15-slim\nENV NODE_ENV=production\n",
    },
  ],
  invalid: [
    {
      name: "requests verify=False: the argument is removed",
      file: "app/sync.py",
      code: `import requests

resp = requests.get(url, headers=headers, verify=False, timeout=10)
`,
      findings: [{ line: 3, column: 43 }],
      parses: true,
      output: `import requests

resp = requests.get(url, headers=headers, timeout=10)
`,
    },
    {
      name: "httpx client, last argument",
      file: "app/client.py",
      code: `import httpx

client = httpx.Client(base_url=base, verify=False)
`,
      findings: [{ line: 3, column: 38 }],
      output: `import httpx

client = httpx.Client(base_url=base)
`,
    },
    {
      name: "session attribute and ssl module hooks",
      file: "app/legacy.py",
      code: `import ssl

session.verify = False
ssl._create_default_https_context = ssl._create_unverified_context
context = ssl._create_unverified_context()
`,
      findings: [
        { line: 3, column: 1 },
        { line: 4, column: 37 },
        { line: 5, column: 11 },
      ],
      output: `import ssl

ssl._create_default_https_context = ssl._create_unverified_context
context = ssl._create_unverified_context()
`,
    },
    {
      name: "ssl context without verification",
      file: "app/tls.py",
      code: `import ssl

ctx = ssl.create_default_context()
ctx.verify_mode = ssl.CERT_NONE
`,
      findings: [{ line: 4, column: 1 }],
      output: `import ssl

ctx = ssl.create_default_context()
ctx.verify_mode = ssl.CERT_REQUIRED
`,
    },
    {
      name: "tests report at hint severity",
      file: "tests/test_sync.py",
      code: `requests.get(url, verify=False)\n`,
      findings: [{ line: 1, column: 19, severity: "hint" }],
    },
    {
      name: "JavaScript agent option",
      file: "src/server.js",
      code: `const shippingAgent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });\n`,
      findings: [{ line: 1, column: 58 }],
      parses: true,
      output: `const shippingAgent = new https.Agent({ keepAlive: true });\n`,
    },
    {
      name: "JavaScript: multi-line options and the process-wide switch",
      file: "src/client.js",
      code: `const agent = new https.Agent({
  rejectUnauthorized: false,
  keepAlive: true,
});
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
`,
      findings: [
        { line: 2, column: 3 },
        { line: 5, column: 1 },
      ],
      output: `const agent = new https.Agent({
  keepAlive: true,
});
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
`,
    },
    {
      name: "TypeScript: only option",
      file: "src/ws.ts",
      code: `const socket = new WebSocket(url, { rejectUnauthorized: false });\n`,
      findings: [{ line: 1, column: 37 }],
      output: `const socket = new WebSocket(url, {});\n`,
    },
    {
      name: "compose environment",
      file: "docker-compose.yml",
      code: `services:
  web:
    image: shop/web:1.4.2
    environment:
      - NODE_ENV=production
      - NODE_TLS_REJECT_UNAUTHORIZED=0
`,
      findings: [{ line: 6, column: 38 }],
      output: `services:
  web:
    image: shop/web:1.4.2
    environment:
      - NODE_ENV=production
`,
    },
    {
      name: "Kubernetes flow entry",
      file: "k8s/web.yaml",
      code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: shop/web:1.4.2
      env:
        - {name: NODE_TLS_REJECT_UNAUTHORIZED, value: "0"}
        - {name: NODE_ENV, value: production}
`,
      findings: [{ line: 10, column: 55 }],
      output: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: shop/web:1.4.2
      env:
        - {name: NODE_ENV, value: production}
`,
    },
    {
      name: "Dockerfile ENV and .env",
      file: "Dockerfile",
      code: `FROM python:3.12-slim
ENV PYTHONHTTPSVERIFY=0
CMD ["gunicorn", "app:app"]
`,
      findings: [{ line: 2, column: 23 }],
      output: `FROM python:3.12-slim
CMD ["gunicorn", "app:app"]
`,
    },
    {
      name: ".env switch",
      file: ".env",
      code: "NODE_ENV=development\nNODE_TLS_REJECT_UNAUTHORIZED=0\n",
      findings: [{ line: 2, column: 30 }],
      output: "NODE_ENV=development\n",
    },
  ],
});
