import { ruleTester, type InvalidCase, type ValidCase } from "../../helpers/ruleTester";
import { KEYS } from "./secret-known-format.keys";

/** A file kind: where its text puts a value (`@` marks the spot, on the last line). */
const KINDS: Array<{ file: string; template: string; files?: Record<string, string> }> = [
  { file: "app/config.py", template: 'import os\n\nKEY = "@"\n' },
  { file: "src/config.js", template: "module.exports = {\n  key: '@',\n};\n" },
  { file: "src/config.ts", template: 'export const headers = { "x-key": `@` };\n' },
  { file: "Dockerfile", template: "FROM node:20.15-slim\nARG TOKEN=@\n" },
  {
    file: "docker-compose.yml",
    template: 'services:\n  api:\n    image: shop/api:1.4.2\n    command: ["run", "--key=@"]\n',
  },
  {
    file: "k8s/job.yaml",
    template:
      'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: sync\nspec:\n  template:\n    spec:\n      containers:\n        - name: sync\n          args: ["--token", "@"]\n',
  },
  { file: "config/app.yaml", template: "integrations:\n  - @\n" },
  { file: "requirements.txt", template: "Flask==3.0.3\n# mirror token @\n" },
  { file: "package.json", template: '{\n  "name": "x",\n  "config": {"key": "@"}\n}\n' },
  { file: ".env", template: "APP_ENV=development\nKEY=@\n" },
  { file: "Procfile", template: "worker: KEY=@ node worker.js\n" },
  { file: "deploy/settings.ini", template: "[api]\nkey = @\n" },
  { file: "tests/fixtures/response.json", template: '{\n  "data": "@"\n}\n' },
];

const SECRETS = [
  KEYS.aws,
  KEYS.github,
  KEYS.gitlab,
  KEYS.stripe,
  KEYS.google,
  KEYS.openai,
  KEYS.slack,
];
const NOT_SECRETS = [
  KEYS.awsExample,
  "ghp_" + "x".repeat(36),
  "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
  "sha512-Xq7Lm2+" + KEYS.aws + "/9Rs4Tv8Wz3Bc6Df1Gh5Jk0Mn2Pq7Rs4Tv9Q==",
  "AKIA1234",
];

function fill(template: string, value: string): { code: string; line: number; column: number } {
  const code = template.replace("@", value);
  const before = template.slice(0, template.indexOf("@")).split("\n");
  return { code, line: before.length, column: before[before.length - 1].length + 1 };
}

const valid: ValidCase[] = KINDS.flatMap((kind) =>
  NOT_SECRETS.map((value, i) => ({
    name: `${kind.file}: not a live key (${i + 1})`,
    file: kind.file,
    files: kind.files,
    code: fill(kind.template, value).code,
  })),
);

const invalid: InvalidCase[] = KINDS.flatMap((kind, k) =>
  [0, 1, 2, 3, 4].map((i) => {
    const value = SECRETS[(k + i) % SECRETS.length];
    const { code, line, column } = fill(kind.template, value);
    return {
      name: `${kind.file}: ${value.slice(0, 4)}…`,
      file: kind.file,
      files: kind.files,
      code,
      findings: [{ line, column, severity: "error" as const }],
    };
  }),
);

ruleTester("secret-known-format", { valid, invalid });
