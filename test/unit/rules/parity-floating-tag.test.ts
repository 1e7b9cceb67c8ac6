import { ruleTester } from "../../helpers/ruleTester";

const docker = (...l: string[]) => l.join("\n") + "\n";
const compose = (image: string, extra = "") =>
  `services:\n  web:\n    image: ${image}${extra}\n    ports:\n      - "8000:8000"\n`;
const pod = (image: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: ${image}\n`;

ruleTester("parity-floating-tag", {
  valid: [
    { name: "pinned FROM", file: "Dockerfile", code: docker("FROM python:3.12.4-slim") },
    { name: "scratch", file: "Dockerfile", code: docker("FROM scratch", "COPY app /app") },
    {
      name: "digest",
      file: "Dockerfile",
      code: docker(
        "FROM python@sha256:0f0e5d1b4c3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e",
      ),
    },
    {
      name: "build-arg tags",
      file: "Dockerfile",
      code: docker("ARG PY_VERSION=3.12.4", "FROM python:${PY_VERSION}", "ARG BASE", "FROM $BASE"),
    },
    {
      name: "a stage named by a later FROM",
      file: "Dockerfile",
      code: docker("FROM node:20.15.1 AS Build", "RUN npm ci", "FROM build", 'CMD ["node"]'),
    },
    {
      name: "platform flag and pinned image",
      file: "Dockerfile",
      code: docker("FROM --platform=$BUILDPLATFORM node:20.15.1-slim AS deps"),
    },
    { name: "compose pinned", file: "docker-compose.yml", code: compose("postgres:16.3") },
    { name: "compose interpolated", file: "compose.yaml", code: compose("shop/api:${TAG:-dev}") },
    {
      name: "compose image naming a build result",
      file: "docker-compose.yml",
      code: compose("shop/api", "\n    build: ."),
    },
    {
      name: "compose digest",
      file: "docker-compose.yml",
      code: compose("redis@sha256:abcdef0123"),
    },
    { name: "kubernetes pinned", file: "k8s/pod.yaml", code: pod("nginx:1.27.0") },
    {
      name: "templated Helm tag",
      file: "chart/templates/deploy.yaml",
      files: { "chart/Chart.yaml": "apiVersion: v2\nname: shop\nversion: 0.1.0\n" },
      code: pod(
        '"{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"',
      ),
    },
    {
      name: "compose quoted pinned",
      file: "docker-compose.yml",
      code: compose('"nginx:1.27.0-alpine"'),
    },
    {
      name: "kubernetes digest",
      file: "k8s/pod.yaml",
      code: pod("registry.example.test/shop/api@sha256:3b1f0c9a8e7d6c5b4a39281706f5e4d3c2b1a0f9"),
    },
    { name: "kubernetes envsubst variable", file: "k8s/pod.yaml", code: pod("${API_IMAGE}") },
    {
      name: "kubernetes pinned init container",
      file: "k8s/pod.yaml",
      code: pod("nginx:1.27.0").replace(
        "  containers:",
        "  initContainers:\n    - name: wait\n      image: busybox:1.36.1\n  containers:",
      ),
    },
    {
      name: "plain YAML is not a manifest",
      file: "config/images.yaml",
      code: "images:\n  - image: python\n",
    },
  ],
  invalid: [
    {
      name: "FROM without a tag, no version known: no fix",
      file: "Dockerfile",
      code: docker("FROM python", 'CMD ["python"]'),
      findings: [{ line: 1, column: 6, messageIncludes: "no tag" }],
      output: null,
    },
    {
      name: "FROM :latest pinned from compose",
      file: "Dockerfile",
      files: { "docker-compose.yml": compose("python:3.12.4-slim") },
      code: docker("FROM --platform=linux/amd64 python:latest AS build", "RUN true"),
      findings: [{ line: 1, column: 29, messageIncludes: "latest" }],
      output: docker("FROM --platform=linux/amd64 python:3.12.4-slim AS build", "RUN true"),
    },
    {
      name: "registry with a port and no tag, pinned from Kubernetes",
      file: "Dockerfile",
      files: { "k8s/pod.yaml": pod("registry.example.test:5000/shop/base:2.1.0") },
      code: docker("FROM registry.example.test:5000/shop/base"),
      findings: [{ line: 1, column: 6 }],
      output: docker("FROM registry.example.test:5000/shop/base:2.1.0"),
    },
    {
      name: "a builder stage's FROM counts too",
      file: "Dockerfile",
      code: docker(
        "FROM node:latest AS build",
        "RUN npm ci",
        "FROM nginx:1.27.0",
        "COPY --from=build /a /b",
      ),
      findings: [{ line: 1, column: 6 }],
      output: null,
    },
    {
      name: "FROM referencing a stage is skipped, the untagged base is not",
      file: "Dockerfile",
      code: docker("FROM golang AS base", "FROM base AS build", "FROM base"),
      findings: [{ line: 1, column: 6 }],
      output: null,
    },
    {
      name: "compose :latest, no version known",
      file: "docker-compose.yml",
      code: compose("nginx:latest"),
      findings: [{ line: 3, column: 12, messageIncludes: "Pin the version" }],
      output: null,
    },
    {
      name: "compose untagged image of another registry",
      file: "compose.yaml",
      code: compose("ghcr.io/example/shop-api"),
      findings: [{ line: 3, column: 12, messageIncludes: "no tag" }],
      output: null,
    },
    {
      name: "compose registry with a port and :latest",
      file: "docker-compose.yml",
      files: { Dockerfile: docker("FROM localhost:5000/shop/base:3.1.0") },
      code: compose("localhost:5000/shop/base:latest"),
      findings: [{ line: 3, column: 12 }],
      output: compose("localhost:5000/shop/base:3.1.0"),
    },
    {
      name: "compose image without tag, pinned from a Dockerfile (docker.io spelling)",
      file: "docker-compose.yml",
      files: { "db/Dockerfile": docker("FROM docker.io/library/redis:7.2.5") },
      code: compose("redis"),
      findings: [{ line: 3, column: 12 }],
      output: compose("redis:7.2.5"),
    },
    {
      name: "quoted compose :latest keeps its quotes",
      file: "docker-compose.yml",
      files: { "k8s/pod.yaml": pod("postgres:16.3") },
      code: compose('"postgres:latest"'),
      findings: [{ line: 3, column: 12 }],
      output: compose('"postgres:16.3"'),
    },
    {
      name: "Kubernetes :latest after a ConfigMap with mustache text",
      file: "k8s/mailer.yaml",
      code:
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: t\ndata:\n  a.mustache: |\n    Hello {{ name }}\n---\n" +
        pod("registry.example.test/shop/mailer:latest"),
      findings: [{ line: 16, column: 14 }],
      output: null,
    },
    {
      name: "untagged image inside a List, init container too",
      file: "k8s/list.yaml",
      code: `apiVersion: v1
kind: List
items:
  - apiVersion: batch/v1
    kind: Job
    metadata:
      name: migrate
    spec:
      template:
        spec:
          initContainers:
            - name: wait
              image: busybox
          containers:
            - name: migrate
              image: registry.example.test/shop/api
`,
      findings: [
        { line: 13, column: 22 },
        { line: 16, column: 22 },
      ],
      output: null,
    },
    {
      name: "kubernetes init container :latest in a Deployment",
      file: "k8s/deploy.yaml",
      code: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    spec:\n      initContainers:\n        - name: wait\n          image: busybox:latest\n      containers:\n        - name: app\n          image: shop/api:1.0.0\n",
      findings: [{ line: 10, column: 18 }],
      output: null,
    },
    {
      name: "two known versions give two fixes; the first is the most used",
      file: "k8s/pod.yaml",
      files: {
        "a/Dockerfile": docker("FROM node:20.15.1-slim"),
        "b/Dockerfile": docker("FROM node:20.15.1-slim"),
        "c/Dockerfile": docker("FROM node:18.20.4"),
      },
      code: pod("node"),
      findings: [{ line: 8, column: 14 }],
      output: pod("node:20.15.1-slim"),
    },
    {
      name: "choosing the other version",
      file: "k8s/pod.yaml",
      files: {
        "a/Dockerfile": docker("FROM node:20.15.1-slim"),
        "c/Dockerfile": docker("FROM node:18.20.4"),
      },
      code: pod("node:latest"),
      findings: [{ line: 8, column: 14 }],
      fixTitle: "Pin to node:18.20.4 (as in c/Dockerfile)",
      output: pod("node:18.20.4"),
    },
  ],
});
