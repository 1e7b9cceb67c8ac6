import * as assert from "node:assert/strict";
import * as path from "node:path";
import { describe, it } from "node:test";
import { DEFAULT_SETTINGS } from "../../../server/src/engine/settings";
import { createAnalysis, makeWorkspace } from "../../helpers/analyse";
import { ruleTester } from "../../helpers/ruleTester";

const SECRET = "9b7e5c3a1f8d6b4e2c0a";
const CONF = `import os\n\nAPI_TOKEN = "${SECRET}"\n`;
const FIXED = `import os\n\nAPI_TOKEN = os.environ["API_TOKEN"]\n`;
const DOCKERFILE = "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\n";
/** Flask with python-dotenv loads `.env` itself: the fix edits nothing else. */
const REQUIREMENTS = "Flask==3.0.3\npython-dotenv==1.0.1\n";

/** The secret in `api/conf.py`, found where it stands, read from the environment after the fix. */
const API_CONF = {
  file: "api/conf.py",
  code: CONF,
  findings: [{ line: 3, column: 13 }],
  output: FIXED,
};

/** A `.env` written into a Docker build context is kept out of the image. */
ruleTester("secret-hardcoded", {
  valid: [],
  invalid: [
    {
      name: "service folder with a Dockerfile: .dockerignore created beside it",
      files: { "api/Dockerfile": DOCKERFILE, "api/requirements.txt": REQUIREMENTS },
      ...API_CONF,
      outputFiles: {
        "api/.env": `API_TOKEN=${SECRET}\n`,
        "api/.gitignore": ".env\n",
        "api/.dockerignore": ".env\n",
      },
    },
    {
      name: "existing .dockerignore without a final newline: .env appended",
      files: {
        "api/Dockerfile": DOCKERFILE,
        "api/requirements.txt": REQUIREMENTS,
        "api/.dockerignore": "node_modules\n*.pyc",
      },
      ...API_CONF,
      outputFiles: { "api/.dockerignore": "node_modules\n*.pyc\n.env\n" },
    },
    {
      name: "compose builds from the root with api/Dockerfile: the root context ignores api/.env",
      files: {
        "docker-compose.yml":
          "services:\n  api:\n    build:\n      context: .\n      dockerfile: api/Dockerfile\n",
        "api/Dockerfile": DOCKERFILE,
        "api/requirements.txt": REQUIREMENTS,
      },
      ...API_CONF,
      outputFiles: {
        "api/.env": `API_TOKEN=${SECRET}\n`,
        // compose runs the service from the root context: its environment reads the root .env
        "docker-compose.yml":
          "services:\n  api:\n    build:\n      context: .\n      dockerfile: api/Dockerfile\n" +
          '    environment:\n      API_TOKEN: "${API_TOKEN}"\n',
        ".env": `API_TOKEN=${SECRET}\n`,
        ".dockerignore": "api/.env\n.env\n",
      },
    },
    {
      name: "compose build: ./api: the context is the service folder",
      files: {
        "docker-compose.yml": "services:\n  api:\n    build: ./api\n",
        "api/Dockerfile": DOCKERFILE,
        "api/requirements.txt": REQUIREMENTS,
      },
      ...API_CONF,
      outputFiles: {
        "api/.dockerignore": ".env\n",
        "docker-compose.yml":
          'services:\n  api:\n    build: ./api\n    environment:\n      API_TOKEN: "${API_TOKEN}"\n',
        ".env": `API_TOKEN=${SECRET}\n`,
        ".gitignore": ".env\n",
        ".env.example": "API_TOKEN=\n",
      },
    },
    {
      name: "compose environment as a plain list: the new entry is written like the others",
      ...API_CONF,
      files: {
        "docker-compose.yml":
          "services:\n  api:\n    build: ./api\n    environment:\n      - APP_ENV=dev\n",
        "api/requirements.txt": REQUIREMENTS,
      },
      outputFiles: {
        "docker-compose.yml":
          "services:\n  api:\n    build: ./api\n    environment:\n      - APP_ENV=dev\n" +
          "      - API_TOKEN=${API_TOKEN}\n",
      },
    },
    {
      name: "compose environment as a single-quoted list: the new entry is single-quoted",
      ...API_CONF,
      files: {
        "docker-compose.yml":
          "services:\n  api:\n    build: ./api\n    environment:\n      - 'APP_ENV=dev'\n",
        "api/requirements.txt": REQUIREMENTS,
      },
      outputFiles: {
        "docker-compose.yml":
          "services:\n  api:\n    build: ./api\n    environment:\n      - 'APP_ENV=dev'\n" +
          "      - 'API_TOKEN=${API_TOKEN}'\n",
      },
    },
    {
      name: "a service whose environment comes through a merge key is left to the user",
      ...API_CONF,
      files: {
        "docker-compose.yml":
          "x-common: &common\n  environment: &env\n    LOG_LEVEL: info\nservices:\n  worker:\n    <<: *common\n    build: ./api\n",
        "api/requirements.txt": REQUIREMENTS,
      },
      outputFiles: { "docker-compose.yml": null },
    },
    {
      name: "a service whose environment is an alias is left alone",
      ...API_CONF,
      files: {
        "docker-compose.yml":
          "x-env: &env\n  LOG_LEVEL: info\nservices:\n  api:\n    build: ./api\n    environment: *env\n",
        "api/requirements.txt": REQUIREMENTS,
      },
      outputFiles: { "docker-compose.yml": null },
    },
    {
      name: "an environment map with a merge key of its own takes the entry",
      ...API_CONF,
      files: {
        "docker-compose.yml":
          "x-env: &env\n  LOG_LEVEL: info\nservices:\n  api:\n    build: ./api\n    environment:\n      <<: *env\n",
        "api/requirements.txt": REQUIREMENTS,
      },
      outputFiles: {
        "docker-compose.yml":
          "x-env: &env\n  LOG_LEVEL: info\nservices:\n  api:\n    build: ./api\n    environment:\n      <<: *env\n" +
          '      API_TOKEN: "${API_TOKEN}"\n',
      },
    },
    {
      name: "a compose service that does not build the folder is left alone",
      ...API_CONF,
      files: {
        "docker-compose.yml": "services:\n  web:\n    build: ./web\n",
        "api/requirements.txt": REQUIREMENTS,
      },
      outputFiles: { "docker-compose.yml": null, ".env": null },
    },
    {
      name: "a .gitignore above that already ignores every .env: no new .gitignore in the folder",
      files: {
        ".gitignore": "node_modules/\n.env\n",
        "api/requirements.txt": REQUIREMENTS,
      },
      ...API_CONF,
      outputFiles: {
        "api/.env": `API_TOKEN=${SECRET}\n`,
        "api/.gitignore": null,
        ".gitignore": null,
      },
    },
    {
      name: "a Dockerfile's own ignore file takes precedence over the context's",
      files: {
        "api/Dockerfile": DOCKERFILE,
        "api/Dockerfile.dockerignore": "*.md\n",
        "api/requirements.txt": REQUIREMENTS,
      },
      ...API_CONF,
      outputFiles: { "api/Dockerfile.dockerignore": "*.md\n.env\n" },
    },
    {
      name: "compose value moved to the .env of a build context",
      file: "docker-compose.yml",
      files: { Dockerfile: DOCKERFILE },
      code: `services:\n  api:\n    build: .\n    environment:\n      API_TOKEN: ${SECRET}\n`,
      findings: [{ line: 5, column: 18 }],
      output: "services:\n  api:\n    build: .\n    environment:\n      API_TOKEN: ${API_TOKEN}\n",
      outputFiles: { ".env": `API_TOKEN=${SECRET}\n`, ".dockerignore": ".env\n" },
    },
  ],
});

ruleTester("secret-in-url", {
  valid: [],
  invalid: [
    {
      name: "Node service with a Dockerfile: .dockerignore created beside it",
      file: "web/db.js",
      files: {
        "web/Dockerfile": "FROM node:20-slim\nCOPY . .\n",
        "web/package.json": '{"scripts": {"start": "node --env-file=.env db.js"}}\n',
      },
      code: "const url = 'postgres://shop:Lumen-Falcon-731@db:5432/shop';\n",
      findings: [{ line: 1, column: 30 }],
      output: "const url = process.env.DATABASE_URL;\n",
      outputFiles: {
        "web/.env": "DATABASE_URL=postgres://shop:Lumen-Falcon-731@db:5432/shop\n",
        "web/.dockerignore": ".env\n",
      },
    },
  ],
});

/** Relative paths of the files the first fix of the first finding changes. */
async function changedByFix(files: Record<string, string>, target: string): Promise<string[]> {
  const root = makeWorkspace(files);
  const analysis = await createAnalysis(root);
  const file = path.join(root, target);
  const result = analysis.engine.analyse(file, files[target], DEFAULT_SETTINGS);
  const finding = result.findings.find((f) => f.rule === "secret-hardcoded");
  assert.ok(finding?.fixes[0], "a fix is offered");
  return finding.fixes[0].changes.map((c) => path.relative(root, c.file).split(path.sep).join("/"));
}

describe("secret-hardcoded fix and .dockerignore", () => {
  const service = { "api/Dockerfile": DOCKERFILE, "api/requirements.txt": REQUIREMENTS };

  for (const pattern of [".env", ".env*", "**/.env", "/.env", "*", "**/*.env", "./.env"]) {
    it(`leaves a .dockerignore alone that already excludes .env with ${pattern}`, async () => {
      const changed = await changedByFix(
        { ...service, "api/.dockerignore": `${pattern}\n`, "api/conf.py": CONF },
        "api/conf.py",
      );
      assert.ok(!changed.includes("api/.dockerignore"), changed.join(", "));
    });
  }

  it("adds .env when an exception re-includes it", async () => {
    const changed = await changedByFix(
      { ...service, "api/.dockerignore": ".env*\n!.env\n", "api/conf.py": CONF },
      "api/conf.py",
    );
    assert.ok(changed.includes("api/.dockerignore"), changed.join(", "));
  });

  it("writes no .dockerignore when no build context holds the .env", async () => {
    const changed = await changedByFix(
      {
        "requirements.txt": REQUIREMENTS,
        "docker/api/Dockerfile": DOCKERFILE,
        "conf.py": CONF,
      },
      "conf.py",
    );
    assert.deepEqual(
      changed.filter((c) => c.endsWith(".dockerignore")),
      [],
    );
  });
});
