import { ruleTester } from "../../helpers/ruleTester";

const compose = (environment: string) => `services:
  api:
    image: shop/api:1.4.2
    environment:
${environment}`;

const deployment = (env: string) => `apiVersion: apps/v1
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
${env}`;

ruleTester("secret-hardcoded", {
  valid: [
    {
      name: "compose: interpolation, files, pass-through, numbers",
      file: "docker-compose.yml",
      code: compose(`      DB_PASSWORD: \${DB_PASSWORD}
      POSTGRES_PASSWORD_FILE: /run/secrets/db_password
      PASSWORD_MIN_LENGTH: 12
      REDIS_URL: "redis://:\${REDIS_PASSWORD}@cache:6379/0"
`),
    },
    {
      name: "compose: list form with interpolation and pass-through",
      file: "compose.yaml",
      code: compose(`      - SECRET_KEY
      - API_TOKEN=\${API_TOKEN:-}
      - AUTH_MODE=none
`),
    },
    {
      name: "kubernetes: secretKeyRef, $(VAR) and other rules' objects",
      file: "k8s/api.yaml",
      code: `${deployment(`            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef: {name: api-secrets, key: DB_PASSWORD}
            - name: ADMIN_PASSWORD
              value: "$(DB_PASSWORD)"
`)}---
apiVersion: v1
kind: ConfigMap
metadata:
  name: api-config
data:
  password: Lumen-Falcon-731
---
apiVersion: v1
kind: Secret
metadata:
  name: api-secrets
stringData:
  DB_PASSWORD: Lumen-Falcon-731
`,
    },
    {
      name: "kubernetes: Helm template values",
      file: "chart/templates/deployment.yaml",
      files: { "chart/Chart.yaml": "apiVersion: v2\nname: shop\nversion: 1.0.0\n" },
      code: deployment(`            - name: DB_PASSWORD
              value: {{ .Values.dbPassword | quote }}
`),
    },
    {
      name: "plain YAML: empty, placeholders, a policy setting",
      file: "config/app.yaml",
      code: `database:
  user: shop
  password: ""
  admin_password: "\${DB_ADMIN_PASSWORD}"
  replica_password: "{{ replica_password }}"
  ci_password: "$(CI_DB_PASSWORD)"
  password_policy: strict
`,
    },
    {
      name: "JSON: empty, templates, lock files",
      file: "config/settings.json",
      code: `{"database": {"password": "", "token": "\${API_TOKEN}", "tokenUrl": "https://x.test/t"}}\n`,
    },
    {
      name: "JSON lock file is never read for names",
      file: "package-lock.json",
      code: `{"packages": {"": {"name": "x"}, "node_modules/a": {"token": "Lumen-Falcon-731"}}}\n`,
    },
  ],
  invalid: [
    {
      name: "compose map entry: ${NAME} and the value in .env beside the compose file",
      file: "deploy/docker-compose.yml",
      code: compose(`      DB_PASSWORD: "Lumen-Falcon-731"
`),
      findings: [{ line: 5, column: 20 }],
      output: compose(`      DB_PASSWORD: "\${DB_PASSWORD}"
`),
      outputFiles: {
        "deploy/.env": "DB_PASSWORD=Lumen-Falcon-731\n",
        "deploy/.gitignore": ".env\n",
        "deploy/.env.example": "DB_PASSWORD=\n",
      },
    },
    {
      name: "compose list entry",
      file: "compose.yaml",
      code: compose(`      - API_TOKEN=a8f3e2d1c0b9f7e6
`),
      findings: [{ line: 5, column: 19 }],
      output: compose(`      - API_TOKEN=\${API_TOKEN}
`),
      outputFiles: { ".env": "API_TOKEN=a8f3e2d1c0b9f7e6\n" },
    },
    {
      name: "compose development defaults are hints",
      file: "docker-compose.yml",
      code: `services:
  db:
    image: postgres:16.3
    environment:
      POSTGRES_PASSWORD: postgres
      MYSQL_ROOT_PASSWORD: dev_password
`,
      findings: [
        { line: 5, column: 26, severity: "hint" },
        { line: 6, column: 28, severity: "hint" },
      ],
    },
    {
      name: "kubernetes env value becomes a secretKeyRef",
      file: "k8s/api.yaml",
      code: deployment(`            - name: DB_PASSWORD
              value: "Lumen-Falcon-731"
`),
      findings: [{ line: 13, column: 22 }],
      output: deployment(`            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: api-secrets
                  key: DB_PASSWORD
`),
      outputFiles: {
        "k8s/api.secret.yaml":
          "apiVersion: v1\nkind: Secret\nmetadata:\n  name: api-secrets\ntype: Opaque\n" +
          "stringData:\n  DB_PASSWORD: Lumen-Falcon-731\n",
        ".gitignore": "/k8s/api.secret.yaml\n",
      },
    },
    {
      name: "kubernetes flow entry reuses the Secret the container already reads",
      file: "k8s/api.yaml",
      code: deployment(`            - {name: DB_PASSWORD, valueFrom: {secretKeyRef: {name: shop-db, key: password}}}
            - {name: API_TOKEN, value: a8f3e2d1c0b9f7e6}
`),
      findings: [{ line: 13, column: 40 }],
      output:
        deployment(`            - {name: DB_PASSWORD, valueFrom: {secretKeyRef: {name: shop-db, key: password}}}
            - {name: API_TOKEN, valueFrom: {secretKeyRef: {name: shop-db, key: API_TOKEN}}}
`),
    },
    {
      name: "kubernetes custom resource: reported, fixed by hand",
      file: "k8s/db.yaml",
      code: `apiVersion: db.example.test/v1
kind: DatabaseClaim
metadata:
  name: shop
spec:
  password: Lumen-Falcon-731
`,
      findings: [{ line: 6, column: 13, messageIncludes: "secretKeyRef" }],
      output: null,
    },
    {
      name: "plain YAML without interpolation: reported, fixed by hand",
      file: "config/app.yaml",
      code: `database:
  user: shop
  password: Lumen-Falcon-731
`,
      findings: [{ line: 3, column: 13 }],
      output: null,
    },
    {
      name: "plain YAML whose loader expands ${VAR}",
      file: "config/app.yaml",
      code: `database:
  host: \${DB_HOST}
  password: 'Lumen-Falcon-731'
`,
      findings: [{ line: 3, column: 13 }],
      output: `database:
  host: \${DB_HOST}
  password: '\${DATABASE_PASSWORD}'
`,
      outputFiles: { ".env": "DATABASE_PASSWORD=Lumen-Falcon-731\n" },
    },
    {
      name: "JSON config",
      file: "config/settings.json",
      code: `{
  "database": { "user": "shop", "password": "Lumen-Falcon-731" },
  "stripe": { "webhookSecret": "whsec_placeholder" }
}
`,
      findings: [
        { line: 2, column: 45 },
        { line: 3, column: 32, severity: "hint" },
      ],
      output: null,
    },
  ],
});
