import { ruleTester } from "../../helpers/ruleTester";

const settings = (engine: string) => `import os

DATABASES = {
    "default": {
        "ENGINE": "${engine}",
        "NAME": os.environ.get("DB_NAME", "shop"),
    }
}
`;

const kubeEnv = (url: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: api
          image: registry.example.test/api:1.4.2
          env:
            - name: DATABASE_URL
              value: ${url}
`;

const compose = (url: string, db = "") => `services:
  api:
    build: .
    environment:
      DATABASE_URL: ${url}
${db}`;

const postgres =
  "  db:\n    image: postgres:16.3\n    environment:\n      POSTGRES_USER: shop\n      POSTGRES_PASSWORD: ${DB_PASSWORD}\n      POSTGRES_DB: shop\n";

ruleTester("parity-sqlite-vs-server-db", {
  valid: [
    {
      name: "a project on SQLite only",
      file: "shop/settings.py",
      code: settings("django.db.backends.sqlite3"),
      files: { "requirements.txt": "Django==5.1.1\n" },
    },
    {
      name: "SQLite URL; the only other service is Redis",
      file: "app/db.py",
      code: 'from sqlalchemy import create_engine\n\nengine = create_engine("sqlite:///dev.db")\n',
      files: { "docker-compose.yml": "services:\n  cache:\n    image: redis:7.2.5\n" },
    },
    {
      name: "the standard sqlite3 module for a local cache",
      file: "app/cache.py",
      code: 'import sqlite3\n\nconn = sqlite3.connect("cache.db")\n',
      files: { "docker-compose.yml": "services:\n  db:\n    image: postgres:16.3\n" },
    },
    {
      name: "dotenv on SQLite, nothing else",
      file: ".env.example",
      code: "DATABASE_URL=sqlite:///./dev.db\n",
    },
    {
      name: "compose on SQLite with no database service",
      file: "docker-compose.yml",
      code: compose("sqlite:////data/app.db"),
    },
    {
      name: "knex on SQLite only",
      file: "src/db.js",
      code: "module.exports = require('knex')({ client: 'sqlite3', connection: { filename: './dev.sqlite3' } });\n",
      files: { "package.json": '{"dependencies": {"knex": "3.1.0", "sqlite3": "5.1.7"}}\n' },
    },
    {
      name: "prose that mentions sqlite",
      file: "app/notes.py",
      code: 'NOTE = "we used sqlite for the prototype"\n',
      files: { "k8s/api.yaml": kubeEnv("postgresql://shop:${DB_PASSWORD}@db:5432/shop") },
    },
  ],
  invalid: [
    {
      name: "Django on SQLite, production on PostgreSQL",
      file: "shop/settings.py",
      code: settings("django.db.backends.sqlite3"),
      files: { "k8s/api.yaml": kubeEnv("postgresql://shop:$(DB_PASSWORD)@db:5432/shop") },
      findings: [{ line: 5, column: 19, messageIncludes: "PostgreSQL" }],
      output: null,
    },
    {
      name: "SQLAlchemy URL with a PostgreSQL driver declared",
      file: "app/db.py",
      code: 'import os\nfrom sqlalchemy import create_engine\n\nengine = create_engine(os.environ.get("DATABASE_URL", "sqlite:///dev.db"))\n',
      files: { "requirements.txt": "SQLAlchemy==2.0.31\npsycopg2-binary==2.9.9\n" },
      findings: [{ line: 4, column: 55 }],
    },
    {
      name: "dotenv on SQLite, compose runs PostgreSQL",
      file: ".env",
      code: "DEBUG=1\nDATABASE_URL=sqlite:///./dev.db\n",
      files: { "docker-compose.yml": `services:\n${postgres}` },
      findings: [{ line: 2, column: 14 }],
    },
    {
      name: "compose points the app at SQLite beside its own PostgreSQL",
      file: "docker-compose.yml",
      code: compose('"sqlite:////data/app.db"', postgres),
      files: { "requirements.txt": "psycopg[binary]==3.2.1\n" },
      findings: [{ line: 5, column: 21 }],
      output: compose('"postgresql://shop:${DB_PASSWORD}@db:5432/shop"', postgres),
    },
    {
      name: "the URL scheme production uses is kept",
      file: "docker-compose.yml",
      code: compose("sqlite+aiosqlite:///app.db", postgres),
      files: { "k8s/api.yaml": kubeEnv("postgresql+asyncpg://shop:$(DB_PASSWORD)@db:5432/shop") },
      findings: [{ line: 5, column: 21 }],
      output: compose("postgresql+asyncpg://shop:${DB_PASSWORD}@db:5432/shop", postgres),
    },
    {
      name: "list-style environment keeps its KEY= prefix",
      file: "docker-compose.yml",
      code:
        "services:\n  api:\n    environment:\n      - DATABASE_URL=sqlite:///app.db\n" + postgres,
      files: { "requirements.txt": "psycopg2-binary==2.9.9\n" },
      findings: [{ line: 4, column: 9 }],
      output:
        "services:\n  api:\n    environment:\n      - DATABASE_URL=postgresql://shop:${DB_PASSWORD}@db:5432/shop\n" +
        postgres,
    },
    {
      name: "MySQL service with its database and user",
      file: "docker-compose.yml",
      code: compose(
        "sqlite:///app.db",
        "  db:\n    image: mysql:8.4.2\n    environment:\n      MYSQL_DATABASE: shop\n      MYSQL_USER: shop\n      MYSQL_PASSWORD: ${DB_PASSWORD}\n",
      ),
      files: { "requirements.txt": "PyMySQL==1.1.1\n" },
      findings: [{ line: 5, column: 21, messageIncludes: "MySQL" }],
      output: compose(
        "mysql://shop:${DB_PASSWORD}@db:3306/shop",
        "  db:\n    image: mysql:8.4.2\n    environment:\n      MYSQL_DATABASE: shop\n      MYSQL_USER: shop\n      MYSQL_PASSWORD: ${DB_PASSWORD}\n",
      ),
    },
    {
      name: "no database in compose: the fix adds one pinned to production's version",
      file: "docker-compose.yml",
      code: compose("sqlite:///app.db"),
      files: {
        "requirements.txt": "psycopg2-binary==2.9.9\n",
        "k8s/db.yaml":
          "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  template:\n    spec:\n      containers:\n        - name: db\n          image: postgres:16.3\n",
      },
      findings: [{ line: 5, column: 21 }],
      output: compose(
        "postgresql://postgres@postgres:5432/postgres",
        "  postgres:\n    image: postgres:16.3\n    environment:\n      POSTGRES_HOST_AUTH_METHOD: trust\n",
      ),
    },
    {
      name: "the compose database exists but the app has no driver for it: no fix",
      file: "docker-compose.yml",
      code: compose("sqlite:///app.db", postgres),
      files: { "requirements.txt": "Flask==3.0.3\n" },
      findings: [{ line: 5, column: 21 }],
      output: null,
    },
    {
      name: "TypeORM on SQLite, .env.production on PostgreSQL",
      file: "src/data-source.ts",
      code: 'import { DataSource } from "typeorm";\n\nexport default new DataSource({ type: "sqlite", database: "dev.sqlite" });\n',
      files: { ".env.production": "DATABASE_URL=postgres://shop:secret@db.internal:5432/shop\n" },
      findings: [{ line: 3, column: 39 }],
    },
    {
      name: "development settings on SQLite, production settings on MySQL",
      file: "shop/settings_dev.py",
      code: settings("django.db.backends.sqlite3"),
      files: { "shop/settings_prod.py": settings("django.db.backends.mysql") },
      findings: [{ line: 5, column: 19, messageIncludes: "MySQL" }],
    },
    {
      name: "a Kubernetes ConfigMap on SQLite while compose runs PostgreSQL",
      file: "k8s/config.yaml",
      code: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shop\ndata:\n  DATABASE_URL: sqlite:////var/lib/shop/app.db\n",
      files: { "docker-compose.yml": `services:\n${postgres}` },
      findings: [{ line: 6, column: 17 }],
    },
  ],
});
