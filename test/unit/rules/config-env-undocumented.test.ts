import { ruleTester } from "../../helpers/ruleTester";

const example = { ".env.example": "DB_USER=shop\nDB_PASSWORD=\n# SENTRY_DSN=\n" };

ruleTester("config-env-undocumented", {
  valid: [
    {
      name: "Python: every variable is documented, standard ones are not needed",
      file: "app/db.py",
      files: example,
      code: `import os
from os import environ as env

user = os.environ["DB_USER"]
password = env.get("DB_PASSWORD")
dsn = os.getenv("SENTRY_DSN")
port = int(os.environ.get("PORT", "8000"))
home = os.environ["HOME"]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")
os.environ["WRITTEN_HERE"] = "1"
`,
    },
    {
      name: "no .env.example in the project: nothing to compare with",
      file: "app/cfg.py",
      code: `import os\n\nTOKEN = os.environ["API_TOKEN"]\n`,
    },
    {
      name: "JavaScript: documented reads, writes and NODE_ENV",
      file: "src/config.js",
      files: example,
      code: `const { DB_USER, DB_PASSWORD: password } = process.env;
const mode = process.env.NODE_ENV;
process.env.GENERATED = '1';
delete process.env.OTHER;
module.exports = { DB_USER, password, mode };
`,
    },
    {
      name: "Dockerfile: variables the image sets itself",
      file: "Dockerfile",
      files: example,
      code: `FROM python:3.12-slim
ENV APP_HOME=/app
ARG BUILD_ID
CMD gunicorn --chdir $APP_HOME --bind 0.0.0.0:$PORT app:app
`,
    },
    {
      name: "compose: documented interpolation and escaped dollars",
      file: "docker-compose.yml",
      files: example,
      code: `services:
  db:
    image: postgres:16.3
    environment:
      POSTGRES_USER: \${DB_USER}
      POSTGRES_PASSWORD: \${DB_PASSWORD:?set it}
    command: ["sh", "-c", "echo $$HOSTNAME"]
    # image: \${UNUSED_IN_COMMENT}
`,
    },
  ],
  invalid: [
    {
      name: "Python: a read missing from .env.example, once per name",
      file: "app/cache.py",
      files: example,
      code: `import os

REDIS_URL = os.environ["REDIS_URL"]
BACKUP = os.environ.get("REDIS_URL")
`,
      findings: [{ line: 3, column: 24, messageIncludes: ".env.example" }],
      output: `import os

REDIS_URL = os.environ["REDIS_URL"]
BACKUP = os.environ.get("REDIS_URL")
`,
      outputFiles: { ".env.example": "DB_USER=shop\nDB_PASSWORD=\n# SENTRY_DSN=\nREDIS_URL=\n" },
      recheckFixedFiles: true,
    },
    {
      name: "Python: getenv alias and membership test",
      file: "app/flags.py",
      files: example,
      code: `from os import getenv, environ

A = getenv("FEATURE_A")
B = "FEATURE_B" in environ
`,
      findings: [
        { line: 3, column: 12 },
        { line: 4, column: 5 },
      ],
    },
    {
      name: "JavaScript: property, element access and destructuring",
      file: "src/app.js",
      files: example,
      code: `const url = process.env.MONGO_URL;
const key = process.env['STRIPE_KEY'];
const { QUEUE_NAME = 'jobs' } = process.env;
`,
      findings: [
        { line: 1, column: 25 },
        { line: 2, column: 25 },
        { line: 3, column: 9 },
      ],
    },
    {
      name: "TypeScript: env alias",
      file: "src/env.ts",
      files: example,
      code: `import { env } from "node:process";\nexport const region = env.AWS_REGION;\n`,
      findings: [{ line: 2, column: 27 }],
    },
    {
      name: "Dockerfile: start command expands a variable nobody documents",
      file: "Dockerfile",
      files: example,
      code: `FROM python:3.12-slim
CMD ["sh", "-c", "exec gunicorn --workers \${WORKERS} app:app"]
`,
      findings: [{ line: 2, column: 45 }],
    },
    {
      name: "compose: interpolation and pass-through entries",
      file: "docker-compose.yml",
      files: example,
      code: `services:
  api:
    image: shop/api:1.4.2
    environment:
      - SESSION_SECRET
      - REDIS_URL=redis://\${REDIS_HOST:-cache}:6379/0
`,
      findings: [
        { line: 5, column: 9 },
        { line: 6, column: 29 },
      ],
    },
    {
      name: "the nearest template wins",
      file: "services/api/main.py",
      files: { ...example, "services/api/.env.sample": "API_TOKEN=\n" },
      code: `import os\n\nTOKEN = os.environ["API_TOKEN"]\nUSER = os.environ["DB_USER"]\n`,
      findings: [{ line: 4, column: 19, messageIncludes: ".env.sample" }],
    },
  ],
});
