import { ruleTester, type InvalidCase, type ValidCase } from "../../helpers/ruleTester";

const valid = (file: string, code: string): ValidCase => ({ file, code });
const invalid = (file: string, code: string, line: number, column: number): InvalidCase => ({
  file,
  code,
  findings: [{ line, column }],
});
const compose = (entry: string) =>
  `services:\n  web:\n    image: x:1.0.0\n    environment:\n${entry}`;
const pod = (name: string, value: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - name: a\n      image: x:1.0.0\n      env:\n        - name: ${name}\n          value: ${value}\n`;

ruleTester("tls-verify-disabled", {
  valid: [
    valid("a.py", "session.verify = '/etc/ssl/corp.pem'\n"),
    valid("b.py", "ctx.check_hostname = True\n"),
    valid("c.py", "def f(verify=False):\n    return verify\n"),
    valid("d.py", "httpx.get(url)\n"),
    valid("e.py", "ctx.verify_mode = ssl.CERT_REQUIRED\n"),
    valid(
      "src/a.js",
      "const opts = { rejectUnauthorized: process.env.NODE_ENV === 'production' };\n",
    ),
    valid("src/b.js", "const agent = new https.Agent({ ca: fs.readFileSync('ca.pem') });\n"),
    valid("src/c.js", "if (!res.ok) reject(new Error('unauthorized'));\n"),
    valid("src/d.js", "delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;\n"),
    valid("src/a.ts", "export const strict = { strictSSL: true };\n"),
    valid("src/b.ts", "export const rejectUnauthorized = false;\n"),
    valid("src/c.ts", "const flags = { verify: false };\n"),
    valid("docker-compose.yml", compose("      - NODE_TLS_REJECT_UNAUTHORIZED=1\n")),
    valid("compose.yaml", compose("      PYTHONHTTPSVERIFY: 1\n")),
    valid("compose.yml", compose("      GIT_SSL_NO_VERIFY: false\n")),
    valid("k8s/a.yaml", pod("NODE_TLS_REJECT_UNAUTHORIZED", '"1"')),
    valid("k8s/b.yaml", pod("PYTHONHTTPSVERIFY", '"1"')),
    valid("Dockerfile", "FROM node:20.15-slim\nENV NODE_EXTRA_CA_CERTS=/certs/ca.pem\n"),
    valid(
      "Dockerfile.b",
      "FROM node:20.15-slim AS test\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\nFROM node:20.15-slim\n",
    ),
    valid(".env.a", "REQUESTS_CA_BUNDLE=/certs/ca.pem\n"),
    valid("src/d.ts", "export const agent = new Agent({ rejectUnauthorized: true });\n"),
    valid("compose.b.yml", compose("      NODE_TLS_REJECT_UNAUTHORIZED: ${TLS_REJECT:-1}\n")),
    valid("k8s/c.yaml", pod("NODE_EXTRA_CA_CERTS", "/certs/ca.pem")),
    valid("k8s/d.yaml", pod("GIT_SSL_NO_VERIFY", '"false"')),
    valid("k8s/e.yaml", pod("REQUESTS_CA_BUNDLE", "/certs/ca.pem")),
    valid("Dockerfile.e", "FROM python:3.12-slim\nENV PYTHONHTTPSVERIFY=1\n"),
    valid("Dockerfile.f", "FROM python:3.12-slim\nARG NODE_TLS_REJECT_UNAUTHORIZED=0\n"),
    valid("Dockerfile.g", "FROM python:3.12-slim\nENV SSL_CERT_FILE=/certs/ca.pem\n"),
    valid(".env.d", "NODE_TLS_REJECT_UNAUTHORIZED=1\n"),
    valid(".env.e", "GIT_SSL_NO_VERIFY=false\n"),
    valid(".env.f", "# NODE_TLS_REJECT_UNAUTHORIZED=0\n"),
  ],
  invalid: [
    invalid("f.py", "requests.post(url, json=body, verify=False)\n", 1, 31),
    invalid(
      "g.py",
      "async with aiohttp.ClientSession() as s:\n    await s.get(url, ssl=False)\n",
      2,
      22,
    ),
    invalid("h.py", "urllib3.PoolManager(cert_reqs=ssl.CERT_NONE)\n", 1, 21),
    invalid(
      "src/e.js",
      "axios.create({ httpsAgent: new https.Agent({ rejectUnauthorized: false }) });\n",
      1,
      46,
    ),
    invalid("src/f.js", "request({ url, strictSSL: false });\n", 1, 16),
    invalid("src/g.js", "https.globalAgent.options.rejectUnauthorized = false;\n", 1, 1),
    invalid("src/d.ts", 'process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";\n', 1, 1),
    invalid("src/e.ts", "const tls = { 'rejectUnauthorized': false };\n", 1, 15),
    invalid("docker-compose.prod.yml", compose("      NODE_TLS_REJECT_UNAUTHORIZED: 0\n"), 5, 37),
    invalid("compose.a.yaml", compose("      - PYTHONHTTPSVERIFY=0\n"), 5, 27),
    invalid("compose.b.yaml", compose("      GIT_SSL_NO_VERIFY: 'true'\n"), 5, 26),
    invalid("k8s/c.yaml", pod("NODE_TLS_REJECT_UNAUTHORIZED", '"0"'), 11, 18),
    invalid("k8s/d.yaml", pod("PYTHONHTTPSVERIFY", '"0"'), 11, 18),
    {
      name: "the only env item goes with its env key",
      file: "k8s/e.yaml",
      code: `${pod("NODE_TLS_REJECT_UNAUTHORIZED", '"0"')}      ports:\n        - containerPort: 80\n`,
      findings: [{ line: 11, column: 18 }],
      output:
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - name: a\n      image: x:1.0.0\n      ports:\n        - containerPort: 80\n",
    },
    {
      name: "the only compose environment entry goes with its key",
      file: "compose.c.yaml",
      code: compose("      - PYTHONHTTPSVERIFY=0\n"),
      findings: [{ line: 5, column: 27 }],
      output: "services:\n  web:\n    image: x:1.0.0\n",
    },
    invalid("Dockerfile.c", "FROM node:20.15-slim\nENV NODE_TLS_REJECT_UNAUTHORIZED 0\n", 2, 34),
    invalid("Dockerfile.d", "FROM python:3.12-slim\nENV A=1 PYTHONHTTPSVERIFY=0\n", 2, 27),
    invalid(".env.b", "GIT_SSL_NO_VERIFY=1\n", 1, 19),
    invalid(".env.c", "PYTHONHTTPSVERIFY=0\n", 1, 19),
    invalid("src/f.ts", "https.get(url, { rejectUnauthorized: false }, handle);\n", 1, 18),
    invalid("src/g.ts", "const tls = { ca, rejectUnauthorized: false, servername };\n", 1, 19),
    invalid("compose.c.yaml", compose("      - GIT_SSL_NO_VERIFY=1\n"), 5, 27),
    invalid("k8s/e.yaml", pod("GIT_SSL_NO_VERIFY", '"true"'), 11, 18),
    invalid("k8s/f.yaml", pod("NODE_TLS_REJECT_UNAUTHORIZED", '"false"'), 11, 18),
    invalid("Dockerfile.h", "FROM node:20.15-slim\nENV GIT_SSL_NO_VERIFY=true\n", 2, 23),
    invalid("Dockerfile.i", "FROM node:20.15-slim\nENV NODE_TLS_REJECT_UNAUTHORIZED='0'\n", 2, 34),
    invalid(".env.g", "export NODE_TLS_REJECT_UNAUTHORIZED=0\n", 1, 37),
    invalid(".env.h", "PYTHONHTTPSVERIFY=false\n", 1, 19),
  ],
});
