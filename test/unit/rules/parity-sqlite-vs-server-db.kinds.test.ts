import type { InvalidCase, ValidCase } from "../../helpers/ruleTester";
import { ruleTester } from "../../helpers/ruleTester";

/** Production on PostgreSQL: the evidence every invalid case below is measured against. */
const production = {
  "k8s/api.yaml":
    "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: registry.example.test/api:1.4.2\n          env:\n            - {name: DATABASE_URL, value: 'postgresql://shop:$(DB_PASSWORD)@db:5432/shop'}\n",
};
const redisOnly = { "docker-compose.yml": "services:\n  cache:\n    image: redis:7.2.5\n" };

type Row = [name: string, file: string, code: string, line?: number, column?: number];

const valid = (rows: Row[], files: Record<string, string> = production): ValidCase[] =>
  rows.map(([name, file, code]) => ({ name, file, code, files }));

const invalid = (rows: Row[]): InvalidCase[] =>
  rows.map(([name, file, code, line = 1, column = 1]) => ({
    name,
    file,
    code,
    files: production,
    findings: [{ line, column }],
  }));

ruleTester("parity-sqlite-vs-server-db", {
  valid: [
    ...valid([
      ["python: comment only", "app/db.py", "# DATABASE_URL = 'sqlite:///dev.db'\nimport os\n"],
      ["python: PostgreSQL URL", "app/db.py", 'URL = "postgresql://db:5432/shop"\n'],
      ["python: word in a message", "app/log.py", 'print("sqlite is not used")\n'],
      ["python: f-string built URL", "app/db.py", 'name = "x"\nURL = f"sqlite:///{name}.db"\n'],
      ["js: type postgres", "src/db.js", "module.exports = { type: 'postgres' };\n"],
      [
        "js: a variable named type",
        "src/db.js",
        "const type = 'sqlite';\nmodule.exports = type;\n",
      ],
      ["js: log text", "src/log.js", "console.log('sqlite is not used');\n"],
      ["js: template literal", "src/db.js", "const f = 'x';\nmodule.exports = `sqlite:///${f}`;\n"],
      ["ts: PostgreSQL dialect", "src/db.ts", "export const options = { dialect: 'postgres' };\n"],
      ["ts: comment", "src/db.ts", "// use 'sqlite:///dev.db' locally\nexport {};\n"],
      ["ts: key named sqlite", "src/db.ts", "export const drivers = { sqlite: 'optional' };\n"],
      ["ts: type annotation", "src/db.ts", "export type Dialect = 'sqlite' | 'postgres';\n"],
      ["ts: client in an unrelated key", "src/db.ts", "export const ui = { label: 'sqlite' };\n"],
      ["dotenv: PostgreSQL URL", ".env", "DATABASE_URL=postgresql://db:5432/shop\n"],
      ["dotenv: commented SQLite", ".env", "# DATABASE_URL=sqlite:///dev.db\n"],
      ["dotenv: empty value", ".env.example", "DATABASE_URL=\n"],
      ["dotenv: engine word only", ".env", "DB_ENGINE=sqlite\n"],
      ["dotenv: file path", ".env", "DB_FILE=./data/dev.sqlite3\n"],
      [
        "compose: PostgreSQL URL",
        "docker-compose.yml",
        "services:\n  api:\n    environment:\n      DATABASE_URL: postgresql://db:5432/shop\n",
      ],
      [
        "compose: sqlite3 command",
        "docker-compose.yml",
        "services:\n  tool:\n    image: keinos/sqlite3:3.46.1\n    command: sqlite3 /data/x.db\n",
      ],
      [
        "compose: templated default",
        "docker-compose.yml",
        "services:\n  api:\n    environment:\n      DATABASE_URL: ${DATABASE_URL}\n",
      ],
      [
        "compose: volume path",
        "docker-compose.yml",
        "services:\n  api:\n    volumes: ['./data/app.sqlite3:/data/app.sqlite3']\n",
      ],
      [
        "compose: label text",
        "docker-compose.yml",
        "services:\n  api:\n    labels: {db: sqlite}\n",
      ],
      [
        "k8s: PostgreSQL env",
        "k8s/worker.yaml",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: w}\ndata:\n  DATABASE_URL: postgresql://db:5432/shop\n",
      ],
      [
        "k8s: file path",
        "k8s/worker.yaml",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: w}\ndata:\n  DB_FILE: /data/app.sqlite3\n",
      ],
      [
        "k8s: word",
        "k8s/worker.yaml",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: w}\ndata:\n  ENGINE: sqlite\n",
      ],
      [
        "k8s: annotation text",
        "k8s/worker.yaml",
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: w\n  annotations: {note: migrated from sqlite}\n",
      ],
      [
        "k8s: Secret reference",
        "k8s/worker.yaml",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: w}\ndata:\n  DATABASE_URL_SECRET: db-url\n",
      ],
      ["yaml: PostgreSQL URL", "config/app.yaml", "database:\n  url: postgresql://db:5432/shop\n"],
      ["yaml: word", "config/app.yaml", "database:\n  engine: sqlite\n"],
      ["yaml: path", "config/app.yaml", "database:\n  file: ./dev.sqlite3\n"],
      ["yaml: comment", "config/app.yaml", "# url: sqlite:///dev.db\ndatabase: {}\n"],
      ["yaml: templated", "config/app.yaml", "database:\n  url: ${DATABASE_URL}\n"],
    ]),
    ...valid(
      [
        ["python: SQLite only next to Redis", "app/db.py", 'URL = "sqlite:///dev.db"\n'],
        ["js: SQLite only next to Redis", "src/db.js", "module.exports = { dialect: 'sqlite' };\n"],
        ["ts: SQLite only next to Redis", "src/db.ts", "export const url = 'sqlite:///dev.db';\n"],
        ["dotenv: SQLite only next to Redis", ".env", "DATABASE_URL=sqlite:///dev.db\n"],
        [
          "yaml: SQLite only next to Redis",
          "config/app.yaml",
          "database:\n  url: sqlite:///dev.db\n",
        ],
      ],
      redisOnly,
    ),
  ],
  invalid: invalid([
    [
      "python: SQLAlchemy URI",
      "app/config.py",
      'SQLALCHEMY_DATABASE_URI = "sqlite:////tmp/test.db"\n',
      1,
      27,
    ],
    [
      "python: in-memory driver URL",
      "app/config.py",
      "DATABASE_URL = 'sqlite+pysqlite:///:memory:'\n",
      1,
      16,
    ],
    [
      "python: dict setting",
      "app/settings.py",
      'DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3"}}\n',
      1,
      36,
    ],
    [
      "python: env fallback",
      "app/db.py",
      'import os\nURL = os.getenv("DATABASE_URL", "sqlite:///dev.db")\n',
      2,
      33,
    ],
    [
      "python: keyword argument",
      "app/db.py",
      'from sqlalchemy import create_engine\nengine = create_engine(url="sqlite:///x.db")\n',
      2,
      28,
    ],
    [
      "js: Sequelize dialect",
      "src/db.js",
      "module.exports = { dialect: 'sqlite', storage: 'dev.sqlite' };\n",
      1,
      29,
    ],
    [
      "js: knex better-sqlite3",
      "src/db.js",
      "module.exports = { client: 'better-sqlite3' };\n",
      1,
      28,
    ],
    [
      "js: URL constant",
      "src/db.js",
      'const url = "sqlite:///dev.db";\nmodule.exports = url;\n',
      1,
      13,
    ],
    [
      "js: TypeORM type",
      "src/db.js",
      "module.exports = { type: 'sqlite', database: 'dev.db' };\n",
      1,
      26,
    ],
    [
      "js: env fallback",
      "src/db.js",
      "module.exports = process.env.DATABASE_URL || 'sqlite:///dev.db';\n",
      1,
      46,
    ],
    ["ts: MikroORM driver", "src/db.ts", "export default { driver: 'sqlite' };\n", 1, 26],
    ["ts: URL constant", "src/db.ts", "export const url: string = 'sqlite:///dev.db';\n", 1, 28],
    [
      "ts: Sequelize dialect",
      "src/db.ts",
      'export const options = { dialect: "sqlite" as const };\n',
      1,
      35,
    ],
    [
      "ts: env fallback",
      "src/db.ts",
      "export const url = process.env.DATABASE_URL ?? 'sqlite:///dev.db';\n",
      1,
      48,
    ],
    ["ts: knex client", "src/db.ts", "export default { client: 'sqlite3' };\n", 1, 26],
    ["dotenv: .env.example", ".env.example", "DATABASE_URL=sqlite:///./dev.db\n", 1, 14],
    ["dotenv: export and quotes", ".env", 'export DATABASE_URL="sqlite:///x.db"\n', 1, 21],
    ["dotenv: test database", ".env.test", "TEST_DATABASE_URL=sqlite://\n", 1, 19],
    ["dotenv: local override", ".env.local", "DEBUG=1\nDATABASE_URL=sqlite:///local.db\n", 2, 14],
    ["dotenv: async driver", ".env", "DATABASE_URL=sqlite+aiosqlite:///dev.db\n", 1, 14],
    [
      "compose: env map",
      "docker-compose.yml",
      "services:\n  api:\n    environment:\n      DATABASE_URL: sqlite:////data/app.db\n",
      4,
      21,
    ],
    [
      "compose: env list",
      "docker-compose.yml",
      "services:\n  api:\n    environment:\n      - DATABASE_URL=sqlite:////data/app.db\n",
      4,
      9,
    ],
    [
      "compose: Django engine",
      "compose.yaml",
      "services:\n  api:\n    environment:\n      DB_ENGINE: django.db.backends.sqlite3\n",
      4,
      18,
    ],
    [
      "compose: worker too",
      "docker-compose.yml",
      "services:\n  worker:\n    environment: {DATABASE_URL: 'sqlite:///w.db'}\n",
      3,
      33,
    ],
    [
      "compose: override file",
      "docker-compose.override.yml",
      "services:\n  api:\n    environment:\n      DATABASE_URL: sqlite:///dev.db\n",
      4,
      21,
    ],
    [
      "k8s: Deployment env",
      "k8s/worker.yaml",
      "apiVersion: v1\nkind: Pod\nmetadata: {name: w}\nspec:\n  containers:\n    - name: w\n      image: x:1\n      env: [{name: DATABASE_URL, value: 'sqlite:////data/w.db'}]\n",
      8,
      41,
    ],
    [
      "k8s: ConfigMap",
      "k8s/worker.yaml",
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: w}\ndata:\n  DATABASE_URL: sqlite:////data/w.db\n",
      5,
      17,
    ],
    [
      "k8s: Django engine",
      "k8s/worker.yaml",
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: w}\ndata:\n  DB_ENGINE: django.db.backends.sqlite3\n",
      5,
      14,
    ],
    [
      "k8s: in a List",
      "k8s/worker.yaml",
      "apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: w}\n    data: {DATABASE_URL: 'sqlite:///w.db'}\n",
      7,
      26,
    ],
    [
      "k8s: quoted",
      "k8s/worker.yaml",
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: w}\ndata:\n  DATABASE_URL: "sqlite:///w.db"\n',
      5,
      17,
    ],
    ["yaml: app config", "config/app.yaml", "database:\n  url: sqlite:///dev.db\n", 2, 8],
    [
      "yaml: nested list",
      "config/app.yaml",
      "databases:\n  - name: main\n    url: sqlite:///main.db\n",
      3,
      10,
    ],
    [
      "yaml: Django engine",
      "config/settings.yml",
      "DATABASE_ENGINE: django.db.backends.sqlite3\n",
      1,
      18,
    ],
    ["yaml: flow", "config/app.yaml", "database: {url: 'sqlite:///dev.db'}\n", 1, 17],
    ["yaml: test profile", "config/test.yaml", "test:\n  database_url: sqlite://\n", 2, 17],
  ]),
});
