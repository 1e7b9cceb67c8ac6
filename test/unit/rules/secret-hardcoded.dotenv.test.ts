import { ruleTester } from "../../helpers/ruleTester";

const SECRET = "9b7e5c3a1f8d6b4e2c0a";

/** How the quick-fix makes sure the moved value still reaches the program. */
ruleTester("secret-hardcoded", {
  valid: [],
  invalid: [
    {
      name: "Python module with only a docstring: imports and loading go after it",
      file: "tasks.py",
      files: { "requirements.txt": "celery==5.4.0\n" },
      code: `"""Background tasks."""

API_TOKEN = "${SECRET}"
`,
      findings: [{ line: 3, column: 13 }],
      parses: true,
      output: `"""Background tasks."""

import os
from dotenv import load_dotenv

load_dotenv()

API_TOKEN = os.environ["API_TOKEN"]
`,
      outputFiles: { "requirements.txt": "celery==5.4.0\npython-dotenv==1.0.1\n" },
    },
    {
      name: "Python module without imports",
      file: "conf.py",
      code: `API_TOKEN = "${SECRET}"\n`,
      findings: [{ line: 1, column: 13 }],
      parses: true,
      output: `import os
from dotenv import load_dotenv

load_dotenv()

API_TOKEN = os.environ["API_TOKEN"]
`,
    },
    {
      name: "Python below an existing .env: load_dotenv finds that one, so the value goes there",
      file: "api/conf.py",
      files: {
        ".env": "DATABASE_URL=postgresql://localhost/shop\n",
        ".gitignore": ".env\n",
        "api/requirements.txt": "Flask==3.0.3\npython-dotenv==1.0.1\n",
      },
      code: `import os\n\nAPI_TOKEN = "${SECRET}"\n`,
      findings: [{ line: 3, column: 13 }],
      output: `import os\n\nAPI_TOKEN = os.environ["API_TOKEN"]\n`,
      outputFiles: {
        ".env": `DATABASE_URL=postgresql://localhost/shop\nAPI_TOKEN=${SECRET}\n`,
        ".env.example": "API_TOKEN=\n",
        "api/.env": null,
        "api/.env.example": null,
      },
    },
    {
      name: "Node below an existing .env: dotenv reads the working folder's, the package's own",
      file: "web/config.js",
      files: {
        ".env": "DATABASE_URL=postgresql://localhost/shop\n",
        "web/package.json": '{"dependencies": {"dotenv": "16.4.5"}}\n',
      },
      code: `require("dotenv").config();\n\nconst apiToken = "${SECRET}";\n`,
      findings: [{ line: 3, column: 18 }],
      output: `require("dotenv").config();\n\nconst apiToken = process.env.API_TOKEN;\n`,
      outputFiles: { "web/.env": `API_TOKEN=${SECRET}\n`, ".env": null },
    },
    {
      name: "a value with $ is single-quoted in .env, so compose and dotenv do not expand it",
      file: "conf.py",
      files: {
        ".env": "APP_ENV=dev\n",
        "app.py": "from dotenv import load_dotenv\n\nload_dotenv()\n",
      },
      code: 'import os\n\nDB_PASSWORD = "Tr0ub4dor&3 horse$battery"\n',
      findings: [{ line: 3, column: 15 }],
      output: 'import os\n\nDB_PASSWORD = os.environ["DB_PASSWORD"]\n',
      outputFiles: { ".env": "APP_ENV=dev\nDB_PASSWORD='Tr0ub4dor&3 horse$battery'\n" },
    },
    {
      name: "a value with a quote is double-quoted: every dotenv reader takes it as it is",
      file: "conf.py",
      files: {
        ".env": "APP_ENV=dev\n",
        "app.py": "from dotenv import load_dotenv\n\nload_dotenv()\n",
      },
      code: `import os\n\nDB_PASSWORD = "Tr0ub4dor's-horse-91"\n`,
      findings: [{ line: 3, column: 15 }],
      output: 'import os\n\nDB_PASSWORD = os.environ["DB_PASSWORD"]\n',
      outputFiles: { ".env": `APP_ENV=dev\nDB_PASSWORD="Tr0ub4dor's-horse-91"\n` },
    },
    {
      name: "a value with a backslash has no form every dotenv reader agrees on: no fix",
      file: "conf.py",
      code: 'import os\n\nDB_PASSWORD = "Zq9-Lm3\\\\x7Rt-horse"\n',
      findings: [{ line: 3, column: 15 }],
      output: null,
    },
    {
      name: "a value with a quote and a $ has no safe form either: no fix",
      file: "conf.py",
      code: `import os\n\nDB_PASSWORD = "it's-$Zq9Lm3x7Rt"\n`,
      findings: [{ line: 3, column: 15 }],
      output: null,
    },
    {
      name: "Python: another module already calls load_dotenv",
      file: "app/conf.py",
      files: { "app/__init__.py": "from dotenv import load_dotenv\n\nload_dotenv()\n" },
      code: `import os\n\nAPI_TOKEN = "${SECRET}"\n`,
      findings: [{ line: 3, column: 13 }],
      output: `import os\n\nAPI_TOKEN = os.environ["API_TOKEN"]\n`,
    },
    {
      name: "Python: compose passes .env to the container",
      file: "app/conf.py",
      files: {
        "docker-compose.yml": "services:\n  api:\n    build: .\n    env_file: .env\n",
      },
      code: `import os\n\nAPI_TOKEN = "${SECRET}"\n`,
      findings: [{ line: 3, column: 13 }],
      output: `import os\n\nAPI_TOKEN = os.environ["API_TOKEN"]\n`,
    },
    {
      name: "Python project with pyproject: python-dotenv joins its dependencies",
      file: "svc/conf.py",
      files: { "pyproject.toml": '[project]\nname = "svc"\ndependencies = []\n' },
      code: `import os\n\nAPI_TOKEN = "${SECRET}"\n`,
      findings: [{ line: 3, column: 13 }],
      output: `import os\nfrom dotenv import load_dotenv\n\nload_dotenv()\n\nAPI_TOKEN = os.environ["API_TOKEN"]\n`,
      outputFiles: {
        "pyproject.toml": '[project]\nname = "svc"\ndependencies = ["python-dotenv==1.0.1"]\n',
      },
    },
    {
      name: "Node: npm scripts start with --env-file",
      file: "src/conf.js",
      files: { "package.json": '{"scripts": {"start": "node --env-file=.env src/index.js"}}\n' },
      code: `const apiToken = "${SECRET}";\n`,
      findings: [{ line: 1, column: 18 }],
      output: `const apiToken = process.env.API_TOKEN;\n`,
    },
    {
      name: "Node: TypeScript ES module imports dotenv/config without semicolons",
      file: "src/conf.ts",
      files: { "package.json": '{"name": "x"}\n' },
      code: `import { z } from "zod"\n\nexport const apiToken = "${SECRET}"\n`,
      findings: [{ line: 3, column: 25 }],
      parses: true,
      output: `import "dotenv/config"\nimport { z } from "zod"\n\nexport const apiToken = process.env.API_TOKEN!\n`,
      outputFiles: {
        "package.json": '{\n  "name": "x",\n  "dependencies": {\n    "dotenv": "16.4.7"\n  }\n}\n',
      },
    },
    {
      name: "a second value for a name already in .env gets its own name",
      file: "app/conf.py",
      files: { ".env": "API_TOKEN=other-value\n", "app/__init__.py": "load_dotenv()\n" },
      code: `import os\n\nAPI_TOKEN = "${SECRET}"\n`,
      findings: [{ line: 3, column: 13 }],
      output: `import os\n\nAPI_TOKEN = os.environ["API_TOKEN_2"]\n`,
      outputFiles: { ".env": `API_TOKEN=other-value\nAPI_TOKEN_2=${SECRET}\n` },
    },
  ],
});
