import { ruleTester } from "../../helpers/ruleTester";

const SECRET = "9b7e5c3a1f8d6b4e2c0a";
/** Flask with python-dotenv loads `.env` itself: the fix edits nothing else. */
const loads = { "requirements.txt": "Flask==3.0.3\npython-dotenv==1.0.1\n" };
const conf = (line: string) => `import os\n\n${line}\n`;

/** Which name a moved value gets: reuse when the value is the same, else a descriptive one. */
ruleTester("secret-hardcoded", {
  valid: [],
  invalid: [
    {
      name: ".env holds the same value under another name: that name is reused",
      file: "conf.py",
      files: { ...loads, ".env": `LEGACY_TOKEN=${SECRET}\n` },
      code: conf(`API_TOKEN = "${SECRET}"`),
      findings: [{ line: 3, column: 13 }],
      output: conf(`API_TOKEN = os.environ["LEGACY_TOKEN"]`),
      outputFiles: { ".env.example": "LEGACY_TOKEN=\n" },
    },
    {
      name: "the name is in .env with the same value: reused, .env unchanged",
      file: "conf.py",
      files: { ...loads, ".env": `API_TOKEN=${SECRET}\n`, ".env.example": "API_TOKEN=\n" },
      code: conf(`API_TOKEN = "${SECRET}"`),
      findings: [{ line: 3, column: 13 }],
      output: conf(`API_TOKEN = os.environ["API_TOKEN"]`),
    },
    {
      name: "the name holds another value: qualified by the service folder",
      file: "billing/conf.py",
      files: { ...loads, ".env": "API_TOKEN=other-value-4417\n" },
      code: conf(`API_TOKEN = "${SECRET}"`),
      findings: [{ line: 3, column: 13 }],
      output: conf(`API_TOKEN = os.environ["BILLING_API_TOKEN"]`),
      outputFiles: { ".env": `API_TOKEN=other-value-4417\nBILLING_API_TOKEN=${SECRET}\n` },
    },
    {
      name: "the code reads the name elsewhere, value unknown: qualified by the module",
      file: "payments.py",
      files: { ...loads, "worker.py": 'import os\n\nTOKEN = os.environ["API_TOKEN"]\n' },
      code: conf(`API_TOKEN = "${SECRET}"`),
      findings: [{ line: 3, column: 13 }],
      output: conf(`API_TOKEN = os.environ["PAYMENTS_API_TOKEN"]`),
      outputFiles: { ".env": `PAYMENTS_API_TOKEN=${SECRET}\n` },
    },
    {
      name: "the code reads the name elsewhere and .env has the same value: reused",
      file: "payments.py",
      files: {
        ...loads,
        "worker.py": 'import os\n\nTOKEN = os.environ["API_TOKEN"]\n',
        ".env": `API_TOKEN=${SECRET}\n`,
      },
      code: conf(`API_TOKEN = "${SECRET}"`),
      findings: [{ line: 3, column: 13 }],
      output: conf(`API_TOKEN = os.environ["API_TOKEN"]`),
    },
    {
      name: "a placeholder-like value is not reused under an unrelated name",
      file: "conf.py",
      files: { ...loads, ".env": "DB_PASSWORD=hunter2\n" },
      code: conf('ADMIN_PASSWORD = "hunter2"'),
      findings: [{ line: 3, column: 18 }],
      output: conf('ADMIN_PASSWORD = os.environ["ADMIN_PASSWORD"]'),
      outputFiles: { ".env": "DB_PASSWORD=hunter2\nADMIN_PASSWORD=hunter2\n" },
    },
    {
      name: "compose: the name holds another value in .env: qualified by the service",
      file: "docker-compose.yml",
      files: { ".env": "DB_PASSWORD=local-only-4417\n" },
      code: "services:\n  api:\n    environment:\n      - DB_PASSWORD=Lumen-Falcon-731\n",
      findings: [{ line: 4, column: 21 }],
      output: "services:\n  api:\n    environment:\n      - DB_PASSWORD=${API_DB_PASSWORD}\n",
      outputFiles: { ".env": "DB_PASSWORD=local-only-4417\nAPI_DB_PASSWORD=Lumen-Falcon-731\n" },
    },
    {
      name: "compose: .env has the same value under another name",
      file: "docker-compose.yml",
      files: { ".env": "POSTGRES_PASSWORD=Lumen-Falcon-731\n" },
      code: "services:\n  api:\n    environment:\n      DB_PASSWORD: Lumen-Falcon-731\n",
      findings: [{ line: 4, column: 20 }],
      output: "services:\n  api:\n    environment:\n      DB_PASSWORD: ${POSTGRES_PASSWORD}\n",
      outputFiles: { ".env.example": "POSTGRES_PASSWORD=\n" },
    },
    {
      name: "Kubernetes: the Secret file holds the key with another value: the key is qualified",
      file: "k8s/api.yaml",
      files: {
        "k8s/api.secret.yaml":
          "apiVersion: v1\nkind: Secret\nmetadata:\n  name: api-secrets\ntype: Opaque\n" +
          "stringData:\n  DB_PASSWORD: local-only-4417\n",
      },
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: api
          image: shop/api:1.4.2
          env:
            - name: DB_PASSWORD
              value: Lumen-Falcon-731
`,
      findings: [{ line: 13, column: 22 }],
      output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: api
          image: shop/api:1.4.2
          env:
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: api-secrets
                  key: API_DB_PASSWORD
`,
      outputFiles: {
        "k8s/api.secret.yaml":
          "apiVersion: v1\nkind: Secret\nmetadata:\n  name: api-secrets\ntype: Opaque\n" +
          "stringData:\n  DB_PASSWORD: local-only-4417\n  API_DB_PASSWORD: Lumen-Falcon-731\n",
      },
    },
  ],
});
