import { ruleTester } from "../../helpers/ruleTester";

const compose = (db: string, cache = "redis:7.2.5") => `services:
  api:
    build: .
  db:
    image: ${db}
  cache:
    image: ${cache}
`;

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
