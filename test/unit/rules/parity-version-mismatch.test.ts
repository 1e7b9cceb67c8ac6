import { ruleTester } from "../../helpers/ruleTester";

const compose = (db: string, cache = "redis:7.2.5") => `services:
  api:
    build: .
  db:
    image: ${db}
  cache:
    image: ${cache}
`;

const withVolume = (image: string, volume: string) =>
  `services:\n  db:\n    image: ${image}\n    volumes:\n      - ${volume}\n`;

const kube = (image: string, name = "db") => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ${name}
spec:
  template:
    spec:
      containers:
        - name: ${name}
          image: ${image}
`;

const workflow = (image: string) => `name: ci
on: [push]
jobs:
  test:
    runs-on: ubuntu-latest
    services:
      postgres:
        image: ${image}
        ports: ["5432:5432"]
    steps:
      - uses: actions/checkout@v4
`;

const gitlab = (image: string) => `stages: [test]
test:
  image: python:3.12.4
  services:
    - name: ${image}
      alias: db
  script: [pytest]
`;

ruleTester("parity-version-mismatch", {
  valid: [
    {
      name: "compose matches production",
      file: "docker-compose.yml",
      code: compose("postgres:16.3"),
      files: { "k8s/db.yaml": kube("postgres:16.3") },
    },
    {
      name: "same major line of PostgreSQL (minor releases are compatible)",
      file: "docker-compose.yml",
      code: compose("postgres:16-alpine"),
      files: { "k8s/db.yaml": kube("postgres:16.3") },
    },
    {
      name: "no other environment to compare with",
      file: "docker-compose.yml",
      code: compose("postgres:15"),
    },
    {
      name: "floating or templated tags are another rule's business",
      file: "docker-compose.yml",
      code: compose("postgres", "redis:${REDIS_VERSION:-7.0}"),
      files: { "k8s/db.yaml": kube("postgres:16.3") + "---\n" + kube("redis:7.2.5", "cache") },
    },
    {
      name: "different services are not compared",
      file: "docker-compose.yml",
      code: compose("mysql:8.0"),
      files: { "k8s/db.yaml": kube("postgres:16.3") },
    },
    {
      name: "CI workflow matches compose",
      file: ".github/workflows/ci.yml",
      code: workflow("postgres:16.3"),
      files: { "docker-compose.yml": compose("postgres:16.3") },
    },
    {
      name: "GitLab CI string service matching Kubernetes",
      file: ".gitlab-ci.yml",
      code: "test:\n  services:\n    - redis:7.2\n  script: [pytest]\n",
      files: { "k8s/cache.yaml": kube("redis:7.2.5", "cache") },
    },
    {
      name: "a matrix-templated CI image",
      file: ".github/workflows/ci.yml",
      code: workflow("postgres:${{ matrix.pg }}"),
      files: { "k8s/db.yaml": kube("postgres:16.3") },
    },
    {
      name: "production disagrees with itself outside a prod path: nothing to align to",
      file: ".github/workflows/ci.yml",
      code: workflow("postgres:14"),
      files: { "k8s/a/db.yaml": kube("postgres:16.3"), "k8s/b/db.yaml": kube("postgres:15.7") },
    },
    {
      name: "a plain YAML file is not CI",
      file: "config/services.yml",
      code: "jobs:\n  test:\n    services:\n      postgres:\n        image: postgres:12\n",
      files: { "k8s/db.yaml": kube("postgres:16.3") },
    },
  ],
  invalid: [
    {
      name: "compose runs an older PostgreSQL than Kubernetes",
      file: "docker-compose.yml",
      code: compose("postgres:15"),
      files: { "k8s/db.yaml": kube("postgres:16.3") },
      findings: [{ line: 5, column: 12, messageIncludes: "16.3" }],
      output: compose("postgres:16"),
    },
    {
      name: "a PostgreSQL data volume: the fix and the message say to dump and recreate it",
      file: "docker-compose.yml",
      code: `${withVolume("postgres:13", "pgdata:/var/lib/postgresql/data")}volumes:\n  pgdata:\n`,
      files: { "k8s/db.yaml": kube("postgres:16.3") },
      findings: [{ line: 3, column: 12, messageIncludes: '"pgdata" volume holds' }],
      fixTitle: 'Use PostgreSQL 16 as in Kubernetes (dump and recreate the "pgdata" volume)',
      output: `${withVolume("postgres:16", "pgdata:/var/lib/postgresql/data")}volumes:\n  pgdata:\n`,
    },
    {
      name: "a MongoDB data directory bound from the host",
      file: "docker-compose.yml",
      code: withVolume("mongo:6.0", "./data/mongo:/data/db"),
      files: { "k8s/db.yaml": kube("mongo:7.0.12") },
      findings: [{ line: 3, column: 12, messageIncludes: "mongodump" }],
      fixTitle: 'Use MongoDB 7.0 as in Kubernetes (dump and recreate the "./data/mongo" volume)',
      output: withVolume("mongo:7.0", "./data/mongo:/data/db"),
    },
    {
      name: "only an init script is mounted: no volume warning",
      file: "docker-compose.yml",
      code: withVolume("mysql:5.7", "./init.sql:/docker-entrypoint-initdb.d/init.sql:ro"),
      files: { "k8s/db.yaml": kube("mysql:8.0.39") },
      findings: [{ line: 3, column: 12 }],
      fixTitle: "Use MySQL 8.0 as in Kubernetes",
      output: withVolume("mysql:8.0", "./init.sql:/docker-entrypoint-initdb.d/init.sql:ro"),
    },
    {
      name: "Redis data is not tied to the release: no volume warning",
      file: "docker-compose.yml",
      code: withVolume("redis:6.2.14", "cache:/data"),
      files: { "k8s/cache.yaml": kube("redis:7.2.5", "cache") },
      findings: [{ line: 3, column: 12 }],
      fixTitle: "Use Redis 7.2.5 as in Kubernetes",
      output: withVolume("redis:7.2.5", "cache:/data"),
    },
    {
      name: "the variant suffix stays",
      file: "docker-compose.yml",
      code: compose("postgres:16.3", '"redis:7.0-alpine"'),
      files: { "k8s/cache.yaml": kube("redis:7.2.5", "cache") },
      findings: [{ line: 7, column: 12 }],
      output: compose("postgres:16.3", '"redis:7.2-alpine"'),
    },
    {
      name: "GitHub Actions service against Kubernetes",
      file: ".github/workflows/ci.yml",
      code: workflow("postgres:14.12"),
      files: { "k8s/db.yaml": kube("postgres:16.3") },
      findings: [{ line: 8, column: 16 }],
      output: workflow("postgres:16.3"),
    },
    {
      name: "GitLab CI service against compose when there is no Kubernetes",
      file: ".gitlab-ci.yml",
      code: gitlab("mysql:5.7"),
      files: { "docker-compose.yml": compose("mysql:8.0.39") },
      findings: [{ line: 5, column: 13, messageIncludes: "compose" }],
      output: gitlab("mysql:8.0"),
    },
    {
      name: "a Bitnami image in compose, the official one in production",
      file: "docker-compose.yml",
      code: compose("bitnami/postgresql:15.7.0"),
      files: { "k8s/db.yaml": kube("postgres:16.3") },
      findings: [{ line: 5, column: 12 }],
      output: compose("bitnami/postgresql:16.3"),
    },
    {
      name: "the prod overlay decides when overlays differ",
      file: "docker-compose.yml",
      code: compose("postgres:14"),
      files: {
        "deploy/overlays/prod/db.yaml": kube("postgres:16.3"),
        "deploy/overlays/staging/db.yaml": kube("postgres:17.0"),
      },
      findings: [{ line: 5, column: 12 }],
      output: compose("postgres:16"),
    },
    {
      name: "GitHub Actions Redis service with a variant tag",
      file: ".github/workflows/test.yaml",
      code: workflow("redis:6-alpine").replace("postgres:", "redis:"),
      files: { "docker-compose.yml": compose("postgres:16.3", "redis:7.2.5") },
      findings: [{ line: 8, column: 16 }],
      output: workflow("redis:7.2-alpine").replace("postgres:", "redis:"),
    },
    {
      name: "GitLab CI top-level services",
      file: ".gitlab-ci.yml",
      code: "services:\n  - postgres:13.16\ntest:\n  script: [pytest]\n",
      files: { "k8s/db.yaml": kube("postgres:16.3") },
      findings: [{ line: 2, column: 5 }],
      output: "services:\n  - postgres:16.3\ntest:\n  script: [pytest]\n",
    },
    {
      name: "RabbitMQ in CI behind the compose file",
      file: ".github/workflows/ci.yml",
      code: workflow("rabbitmq:3.12-management").replace("postgres:", "broker:"),
      files: { "docker-compose.yml": compose("postgres:16.3", "rabbitmq:3.13.7-management") },
      findings: [{ line: 8, column: 16 }],
      output: workflow("rabbitmq:3.13-management").replace("postgres:", "broker:"),
    },
    {
      name: "Kubernetes in a List, compose behind",
      file: "docker-compose.yml",
      code: compose("postgres:16.3", "redis:6.2.14"),
      files: {
        "k8s/all.yaml": `apiVersion: v1\nkind: List\nitems:\n  - ${kube("redis:7.2.5", "cache").replace(/\n(?=.)/g, "\n    ")}`,
      },
      findings: [{ line: 7, column: 12 }],
      output: compose("postgres:16.3", "redis:7.2.5"),
    },
  ],
});
