import { ruleTester, type InvalidCase, type ValidCase } from "../../helpers/ruleTester";

const files = { ".env.example": "DATABASE_URL=\nREDIS_URL=\n" };
const valid = (file: string, code: string): ValidCase => ({ file, code, files });
const invalid = (file: string, code: string, line: number, column: number): InvalidCase => ({
  file,
  code,
  files,
  findings: [{ line, column }],
});

ruleTester("config-env-undocumented", {
  valid: [
    valid("a.py", 'import os\nurl = os.environ.get("DATABASE_URL")\n'),
    valid("b.py", "import os\nname = os.environ[key]\n"),
    valid("c.py", 'import os\ndel os.environ["TEMP_TOKEN"]\n'),
    valid("src/a.js", "const url = process.env.REDIS_URL;\n"),
    valid("src/b.js", "const v = process.env[name];\n"),
    valid("src/c.js", "if (process.env.CI) skip();\n"),
    valid("src/d.js", "const { DATABASE_URL: db } = process.env;\n"),
    valid("src/a.ts", "export const port = Number(process.env.PORT ?? 3000);\n"),
    valid("src/b.ts", "export const lang = process.env.LANG;\n"),
    valid("src/c.ts", "export const url: string | undefined = process.env.DATABASE_URL;\n"),
    valid("src/d.ts", "process.env.GENERATED_AT = new Date().toISOString();\n"),
    valid("src/e.ts", "export const home = process.env['HOME'];\n"),
    valid("Dockerfile", 'FROM node:20.15-slim\nCMD ["node", "server.js"]\n'),
    valid("api.Dockerfile", "FROM node:20.15-slim\nRUN echo $BUILD_ONLY\nCMD node server.js\n"),
    valid(
      "Dockerfile.prod",
      "FROM node:20.15-slim\nENV MODE=prod\nCMD node server.js --mode $MODE\n",
    ),
    valid("Dockerfile.web", "FROM node:20.15-slim\nCMD node server.js --port ${PORT:-3000}\n"),
    valid(
      "Dockerfile.worker",
      "FROM node:20.15-slim AS build\nCMD echo $UNUSED\nFROM node:20.15-slim\nCMD node worker.js\n",
    ),
    valid(
      "docker-compose.yml",
      "services:\n  a:\n    image: x:1.0.0\n    environment:\n      DATABASE_URL: ${DATABASE_URL}\n",
    ),
    valid(
      "compose.yaml",
      "services:\n  a:\n    image: x:1.0.0\n    environment:\n      - REDIS_URL\n",
    ),
    valid("compose.yml", "services:\n  a:\n    image: x:1.0.0\n    command: echo $$HOME\n"),
    valid("docker-compose.prod.yml", "services:\n  a:\n    image: x:1.0.0\n    user: ${UID}\n"),
    valid(
      "docker-compose.ci.yml",
      "services:\n  a:\n    image: x:1.0.0\n    environment:\n      DATABASE_URL: postgres://db/shop\n",
    ),
  ],
  invalid: [
    invalid("d.py", 'import os\nkey = os.environ["STRIPE_KEY"]\n', 2, 18),
    invalid("e.py", 'import os as o\nkey = o.getenv("SENTRY_DSN")\n', 2, 16),
    invalid("src/e.js", "const bucket = process.env.S3_BUCKET;\n", 1, 28),
    invalid("src/f.js", "const { SMTP_URL } = process.env;\n", 1, 9),
    invalid("src/g.js", "const env = process.env;\nconst q = env.QUEUE_NAME;\n", 2, 15),
    invalid("src/f.ts", "export const region = process.env.AWS_REGION!;\n", 1, 35),
    invalid("src/g.ts", "export const has = 'FEATURE_X' in process.env;\n", 1, 20),
    invalid("src/h.ts", "const { env } = process;\nexport const k = env.API_KEY;\n", 2, 22),
    invalid("Dockerfile.a", "FROM node:20.15-slim\nCMD node server.js --db $MONGO_URL\n", 2, 26),
    invalid(
      "Dockerfile.b",
      'FROM node:20.15-slim\nENTRYPOINT ["sh", "-c", "exec node server.js --q ${QUEUE}"]\n',
      2,
      52,
    ),
    invalid(
      "Dockerfile.c",
      "FROM node:20.15-slim\nHEALTHCHECK CMD curl -f http://localhost:$HEALTH_PORT/ || exit 1\n",
      2,
      43,
    ),
    invalid(
      "compose.a.yml",
      "services:\n  a:\n    image: x:1.0.0\n    environment:\n      KEY: ${STRIPE_KEY}\n",
      5,
      14,
    ),
    invalid("docker-compose.yml", "services:\n  a:\n    image: x:${TAG}\n", 3, 16),
    invalid(
      "compose.yaml",
      "services:\n  a:\n    image: x:1.0.0\n    environment:\n      SENTRY_DSN:\n",
      5,
      7,
    ),
    invalid("src/h.js", "module.exports = { key: process.env['MAPS_KEY'] };\n", 1, 37),
    invalid("src/i.ts", "export const { LOG_SINK } = process.env;\n", 1, 16),
    invalid(
      "Dockerfile.d",
      "FROM node:20.15-slim\nCMD exec node server.js --sink=${LOG_SINK:-stdout}\n",
      2,
      34,
    ),
    invalid(
      "compose.b.yml",
      "services:\n  a:\n    image: x:1.0.0\n    environment:\n      - SENTRY_DSN\n",
      5,
      9,
    ),
  ],
});
