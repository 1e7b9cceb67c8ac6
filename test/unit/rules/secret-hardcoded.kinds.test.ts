import { ruleTester, type InvalidCase, type ValidCase } from "../../helpers/ruleTester";

/** One-line cases: the finding sits on line 1 unless the case says otherwise. */
const valid = (file: string, code: string, name?: string): ValidCase => ({ file, code, name });
const invalid = (file: string, code: string, line: number, column: number): InvalidCase => ({
  file,
  code,
  findings: [{ line, column }],
});

const compose = (entries: string) =>
  `services:\n  api:\n    image: shop/api:1.4.2\n    environment:\n${entries}`;
const pod = (env: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n    - name: api\n      image: shop/api:1.4.2\n      env:\n${env}`;

ruleTester("secret-hardcoded", {
  valid: [
    valid("src/a.js", "const password = req.body.password;\n", "JavaScript: request read"),
    valid("src/a.ts", "export const tokenTtl = '3600';\n", "TypeScript: TTL"),
    valid("src/b.ts", "export const secretName: string = 'shop/prod/stripe';\n"),
    valid("src/c.ts", "const apiKey = config.get<string>('apiKey');\n"),
    valid("src/d.ts", "if (password === '') throw new Error('empty');\n"),
    valid("docker-compose.yml", compose("      SESSION_SECRET: ''\n")),
    valid("docker-compose.yml", compose("      DB_PASSWORD: '***'\n")),
    valid("docker-compose.yml", compose("      - DB_PASSWORD_FILE=/run/secrets/db\n")),
    valid("k8s/a.yaml", pod("        - {name: API_TOKEN, value: ''}\n")),
    valid(
      "k8s/b.yaml",
      pod("        - {name: TOKEN_URL, value: 'https://auth.example.test/token'}\n"),
    ),
    valid("k8s/c.yaml", pod("        - {name: SECRET_NAME, value: shop-db}\n")),
    valid("config/a.yaml", "auth:\n  token_type: Bearer\n"),
    valid("config/b.yaml", "auth:\n  api_key_header: X-Api-Key\n"),
    valid("config/c.yml", "smtp:\n  password_file: /run/secrets/smtp\n"),
    valid("values.yaml", "db:\n  password: {{ .Values.db.password }}\n"),
    valid("config/a.json", '{"auth": {"apiKeyHeader": "X-Api-Key"}}\n'),
    valid("config/b.json", '{"db": {"password": "********"}}\n'),
    valid("tsconfig.json", '{"compilerOptions": {"token": "Lumen-Falcon-731"}}\n'),
  ],
  invalid: [
    invalid("src/e.ts", "export const dbPassword = 'Lumen-Falcon-731';\n", 1, 27),
    invalid(
      "src/f.ts",
      "const headers = { Authorization: 'Bearer 9f8e7d6c5b4a3f2e1d0c' };\n",
      1,
      34,
    ),
    invalid("src/g.ts", "class Api { private readonly apiSecret = 'z8Y7x6W5v4U3'; }\n", 1, 42),
    invalid(
      "src/h.ts",
      "export function login(token = 'a8f3e2d1c0b9f7e6') { return token; }\n",
      1,
      31,
    ),
    invalid("docker-compose.yml", compose("      JWT_SECRET: 9b7e5c3a1f8d6b4e2c0a\n"), 5, 19),
    invalid(
      "docker-compose.yml",
      compose('      - "STRIPE_WEBHOOK_SECRET=whsec_7Lq2Rm9Xz4Vt"\n'),
      5,
      32,
    ),
    invalid(
      "k8s/d.yaml",
      pod("        - name: SESSION_SECRET\n          value: 9b7e5c3a1f8d6b4e2c0a\n"),
      11,
      18,
    ),
    invalid(
      "k8s/e.yaml",
      pod("        - name: SMTP_PASSWORD\n          value: 'Wint3r-Relay-88'\n"),
      11,
      18,
    ),
    invalid("config/d.yaml", "mail:\n  smtp_password: Wint3r-Relay-88\n", 2, 18),
    invalid("config/e.yml", "- name: billing\n  apiKey: 'AK-7f3b19e2c45d'\n", 2, 11),
    invalid("values.yaml", "redis:\n  auth:\n    password: changeme\n", 3, 15),
    invalid("config/c.json", '{"clientSecret": "cs_4e8a1f7b2d9c6e03"}\n', 1, 18),
    invalid("config/d.json", '{"mail": {"smtpPassword": "Wint3r-Relay-88"}}\n', 1, 27),
    invalid("appsettings.json", '{"Jwt": {"SigningKey": "9b7e5c3a1f8d6b4e2c0a"}}\n', 1, 24),
    invalid("config/e.json", '[{"name": "a", "token": "a8f3e2d1c0b9f7e6"}]\n', 1, 25),
  ],
});
