import { ruleTester } from "../../helpers/ruleTester";

const compose = (services: string) => `services:
  api:
    build: .
    depends_on: [db]
${services}`;

const db = "  db:\n    image: postgres:16.3\n";
const cache = "  cache:\n    image: redis:7.2.5\n";

const addedRedis = (image = "redis:7.4.1") => compose(`${db}  redis:\n    image: ${image}\n`);

const pkg = (deps: string) => `{
  "name": "shop",
  "dependencies": {
${deps}
  }
}
`;

const kube = (image: string) =>
  `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: cache\nspec:\n  template:\n    spec:\n      containers:\n        - name: cache\n          image: ${image}\n`;

ruleTester("parity-missing-dev-service", {
  valid: [
    {
      name: "requirements: compose runs both services",
      file: "requirements.txt",
      code: "psycopg[binary]==3.2.1\nredis==5.0.8\n",
      files: { "docker-compose.yml": compose(db + cache) },
    },
    {
      name: "requirements: no compose file at all",
      file: "requirements.txt",
      code: "redis==5.0.8\n",
    },
    {
      name: "requirements: celery without a broker extra says nothing",
      file: "requirements.txt",
      code: "celery==5.4.0\nSQLAlchemy==2.0.31\n",
      files: { "docker-compose.yml": compose(db) },
    },
    {
      name: "requirements: Valkey stands in for Redis, MariaDB for MySQL",
      file: "requirements.txt",
      code: "redis==5.0.8\nPyMySQL==1.1.1\n",
      files: {
        "docker-compose.yml": compose(
          "  kv:\n    image: valkey/valkey:8.0.1\n  sql:\n    image: mariadb:11.4.3\n",
        ),
      },
    },
    {
      name: "requirements: the service sits in an override file beside it",
      file: "requirements.txt",
      code: "pika==1.3.2\n",
      files: {
        "docker-compose.yml": compose(db),
        "docker-compose.override.yml":
          "services:\n  broker:\n    image: rabbitmq:3.13.7-management\n",
      },
    },
    {
      name: "package.json: compose has redis and postgres",
      file: "package.json",
      code: pkg('    "ioredis": "5.4.2",\n    "pg": "8.12.0"'),
      files: { "docker-compose.yml": compose(db + cache) },
    },
    {
      name: "package.json: a service built from a folder named after it",
      file: "package.json",
      code: pkg('    "mongoose": "8.6.1"'),
      files: { "docker-compose.yml": compose("  mongo:\n    build: ./mongo\n") },
    },
    {
      name: "python: the manifest declares it (the manifest carries the finding)",
      file: "app/cache.py",
      code: "import redis\n\nclient = redis.Redis.from_url('redis://cache:6379/0')\n",
      files: { "requirements.txt": "redis==5.0.8\n", "docker-compose.yml": compose(db) },
    },
    {
      name: "python: optional import guarded by ImportError",
      file: "app/cache.py",
      code: "try:\n    import redis\nexcept ImportError:\n    redis = None\n",
      files: { "docker-compose.yml": compose(db) },
    },
    {
      name: "python: compose runs postgres",
      file: "app/db.py",
      code: "import psycopg2\n",
      files: { "docker-compose.yml": compose(db) },
    },
    {
      name: "javascript: compose runs redis",
      file: "src/queue.js",
      code: "const { Queue } = require('bullmq');\n",
      files: { "docker-compose.yml": compose(cache) },
    },
    {
      name: "typescript: type-only import",
      file: "src/types.ts",
      code: "import type { Redis } from 'ioredis';\nexport type Client = Redis;\n",
      files: { "docker-compose.yml": compose(db) },
    },
  ],
  invalid: [
    {
      name: "requirements: redis without a redis service",
      file: "requirements.txt",
      code: "psycopg[binary]==3.2.1\nredis==5.0.8\n",
      files: { "docker-compose.yml": compose(db) },
      findings: [{ line: 2, column: 1, messageIncludes: "Redis" }],
      output: "psycopg[binary]==3.2.1\nredis==5.0.8\n",
      outputFiles: { "docker-compose.yml": addedRedis() },
      recheckFixedFiles: true,
    },
    {
      name: "requirements: the version follows Kubernetes",
      file: "requirements.txt",
      code: "redis==5.0.8\n",
      files: { "docker-compose.yml": compose(db), "k8s/cache.yaml": kube("redis:7.2.5-alpine") },
      findings: [{ line: 1, column: 1 }],
      outputFiles: { "docker-compose.yml": addedRedis("redis:7.2.5") },
      recheckFixedFiles: true,
    },
    {
      name: "requirements: celery with the redis extra",
      file: "requirements.txt",
      code: "celery[redis]==5.4.0\n",
      files: { "docker-compose.yml": compose(db) },
      findings: [{ line: 1, column: 1 }],
    },
    {
      name: "requirements: postgres driver, compose runs MySQL",
      file: "requirements.txt",
      code: "psycopg2-binary==2.9.9\n",
      files: { "docker-compose.yml": compose("  db:\n    image: mysql:8.4.2\n") },
      findings: [{ line: 1, column: 1, messageIncludes: "PostgreSQL" }],
      outputFiles: {
        "docker-compose.yml": compose(
          "  db:\n    image: mysql:8.4.2\n  postgres:\n    image: postgres:16.4\n    environment:\n      POSTGRES_HOST_AUTH_METHOD: trust\n",
        ),
      },
      recheckFixedFiles: true,
    },
    {
      name: "requirements: two services missing, one finding each",
      file: "requirements.txt",
      code: "pymongo==4.8.0\npika==1.3.2\n",
      files: { "docker-compose.yml": compose(db) },
      findings: [
        { line: 1, column: 1, messageIncludes: "MongoDB" },
        { line: 2, column: 1, messageIncludes: "RabbitMQ" },
      ],
    },
    {
      name: "pyproject dependency",
      file: "pyproject.toml",
      code: '[project]\nname = "shop"\ndependencies = [\n  "redis==5.0.8",\n]\n',
      files: { "compose.yaml": compose(db) },
      findings: [{ line: 4, column: 4 }],
    },
    {
      name: "package.json: ioredis",
      file: "package.json",
      code: pkg('    "ioredis": "5.4.2",\n    "pg": "8.12.0"'),
      files: { "docker-compose.yml": compose(db) },
      findings: [{ line: 4, column: 5 }],
      outputFiles: { "docker-compose.yml": addedRedis() },
      recheckFixedFiles: true,
    },
    {
      name: "package.json: amqplib and mongoose",
      file: "package.json",
      code: pkg('    "amqplib": "0.10.4",\n    "mongoose": "8.6.1"'),
      files: { "docker-compose.yml": compose(db) },
      findings: [
        { line: 4, column: 5 },
        { line: 5, column: 5 },
      ],
    },
    {
      name: "python: import without a manifest entry",
      file: "app/cache.py",
      code: "import os\nimport redis\n",
      files: { "docker-compose.yml": compose(db) },
      findings: [{ line: 2, column: 8 }],
    },
    {
      name: "python: from-import of the MySQL connector",
      file: "app/db.py",
      code: "from mysql.connector import connect\n",
      files: { "docker-compose.yml": compose(cache) },
      findings: [{ line: 1, column: 6, messageIncludes: "MySQL" }],
    },
    {
      name: "javascript: require of ioredis",
      file: "src/cache.js",
      code: "const Redis = require('ioredis');\nmodule.exports = new Redis(process.env.REDIS_URL);\n",
      files: { "docker-compose.yml": compose(db) },
      findings: [{ line: 1, column: 23 }],
    },
    {
      name: "typescript: import of pg",
      file: "src/db.ts",
      code: "import { Pool } from 'pg';\nexport const pool = new Pool();\n",
      files: { "docker-compose.yml": compose(cache) },
      findings: [{ line: 1, column: 22 }],
    },
    {
      name: "typescript: Elasticsearch is added with single-node settings",
      file: "src/search.ts",
      code: "import { Client } from '@elastic/elasticsearch';\n",
      files: { "docker-compose.yml": "services: {api: {build: .}}\n" },
      findings: [{ line: 1, column: 24 }],
      outputFiles: {
        "docker-compose.yml":
          'services: {api: {build: .}, elasticsearch: {image: docker.elastic.co/elasticsearch/elasticsearch:8.15.2, environment: {discovery.type: single-node, xpack.security.enabled: "false"}}}\n',
      },
      recheckFixedFiles: true,
    },
  ],
});
