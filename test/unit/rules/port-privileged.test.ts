import { ruleTester } from "../../helpers/ruleTester";

const dockerfile = (body: string) => `FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\n${body}`;

const deployment = (port: number, security: string, extra = "") => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop-api
spec:
  selector:
    matchLabels:
      app: shop-api
  template:
    metadata:
      labels:
        app: shop-api
    spec:
${security}      containers:
        - name: api
          image: registry.example.com/shop-api:1.4.2
          ports:
            - containerPort: ${port}
${extra}`;
const podNonRoot = "      securityContext:\n        runAsNonRoot: true\n";
const service = (target: string) => `---
apiVersion: v1
kind: Service
metadata:
  name: shop-api
spec:
  selector:
    app: shop-api
  ports:
    - port: 80
      targetPort: ${target}
`;
const probe = (port: number) =>
  `          readinessProbe:\n            httpGet:\n              path: /healthz\n              port: ${port}\n`;

const express = "const express = require('express');\nconst app = express();\n";

ruleTester("port-privileged", {
  valid: [
    { name: "root image", file: "Dockerfile", code: dockerfile('EXPOSE 80\nCMD ["app"]\n') },
    {
      name: "unprivileged port",
      file: "Dockerfile",
      code: dockerfile("USER app\nEXPOSE 8080\n"),
    },
    {
      name: "non-root only in a build stage",
      file: "Dockerfile",
      code: "FROM node:20 AS build\nUSER node\nRUN npm ci\n\nFROM node:20-slim\nEXPOSE 80\n",
    },
    {
      name: "reverse proxy image on 80/443",
      file: "Dockerfile",
      code: "FROM nginx:1.27-alpine\nUSER nginx\nEXPOSE 80 443\n",
    },
    {
      name: "binary allowed to bind low ports",
      file: "Dockerfile",
      code: dockerfile(
        "RUN setcap 'cap_net_bind_service=+ep' /usr/local/bin/python3.12\nUSER app\nEXPOSE 80\n",
      ),
    },
    {
      name: "back to root at the end",
      file: "Dockerfile",
      code: dockerfile("USER app\nRUN make\nUSER root\nEXPOSE 80\n"),
    },
    { name: "k8s without security context", file: "k8s/deploy.yaml", code: deployment(80, "") },
    {
      name: "k8s non-root on 8080",
      file: "k8s/deploy.yaml",
      code: deployment(8080, podNonRoot),
    },
    {
      name: "ingress controller on 80",
      file: "k8s/ingress.yaml",
      code: deployment(80, podNonRoot).replace(/shop-api/g, "ingress-nginx-controller"),
    },
    {
      name: "NET_BIND_SERVICE added",
      file: "k8s/deploy.yaml",
      code: deployment(
        80,
        podNonRoot,
        "          securityContext:\n            capabilities:\n              add: [NET_BIND_SERVICE]\n",
      ),
    },
    {
      name: "runAsUser 0",
      file: "k8s/deploy.yaml",
      code: deployment(80, "      securityContext:\n        runAsUser: 0\n"),
    },
    {
      name: "code on 80 without a Dockerfile",
      file: "server.js",
      code: `${express}app.listen(80);\n`,
    },
    {
      name: "code on 80, image runs as root",
      file: "server.js",
      code: `${express}app.listen(80);\n`,
      files: { Dockerfile: 'FROM node:20\nCOPY . .\nCMD ["node", "server.js"]\n' },
    },
    {
      name: "code on 8080, non-root image",
      file: "app.py",
      code: 'from flask import Flask\napp = Flask(__name__)\napp.run(host="0.0.0.0", port=8080)\n',
      files: { Dockerfile: dockerfile("USER app\n") },
    },
    {
      name: "python on 80 without a Dockerfile",
      file: "app.py",
      code: "from flask import Flask\napp = Flask(__name__)\napp.run(port=80)\n",
    },
    {
      name: "python on 80, image switches back to root",
      file: "app.py",
      code: "from flask import Flask\napp = Flask(__name__)\napp.run(port=80)\n",
      files: { Dockerfile: dockerfile("USER app\nRUN make\nUSER root\n") },
    },
    {
      name: "python binary allowed to bind low ports",
      file: "serve.py",
      code: "import uvicorn\nuvicorn.run('main:app', host='0.0.0.0', port=80)\n",
      files: {
        Dockerfile: dockerfile(
          "RUN setcap cap_net_bind_service=+ep /usr/local/bin/python3\nUSER app\n",
        ),
      },
    },
    {
      name: "python user from a build argument",
      file: "serve.py",
      code: "import uvicorn\nuvicorn.run('main:app', port=80)\n",
      files: { Dockerfile: dockerfile("ARG APP_USER\nUSER $APP_USER\n") },
    },
    {
      name: "js binary allowed to bind low ports",
      file: "server.js",
      code: `${express}app.listen(80);\n`,
      files: {
        Dockerfile:
          "FROM node:20\nRUN setcap cap_net_bind_service=+ep /usr/local/bin/node\nUSER node\n",
      },
    },
    {
      name: "ts on 8443 in a non-root image",
      file: "src/main.ts",
      code: "import express from 'express';\nexpress().listen(8443);\n",
      files: { Dockerfile: "FROM node:20\nUSER node\n" },
    },
  ],
  invalid: [
    {
      name: "EXPOSE 80 as non-root",
      file: "Dockerfile",
      code: dockerfile("USER app\nEXPOSE 80\n"),
      findings: [{ line: 5, column: 8, messageIncludes: "app" }],
      output: dockerfile("USER app\nEXPOSE 8080\n"),
    },
    {
      name: "EXPOSE and ENV PORT change together",
      file: "Dockerfile",
      code: dockerfile("ENV PORT=443\nEXPOSE 443/tcp 9000\nUSER 10001\n"),
      findings: [{ line: 5, column: 8 }],
      output: dockerfile("ENV PORT=8443\nEXPOSE 8443/tcp 9000\nUSER 10001\n"),
    },
    {
      name: "user inherited from an earlier stage",
      file: "Dockerfile",
      code: "FROM node:20 AS base\nUSER node\n\nFROM base\nEXPOSE 81\n",
      findings: [{ line: 5, column: 8 }],
      output: "FROM node:20 AS base\nUSER node\n\nFROM base\nEXPOSE 8081\n",
    },
    {
      name: "non-root base image",
      file: "Containerfile",
      code: "FROM gcr.io/distroless/python3:nonroot\nCOPY . /app\nEXPOSE 80\n",
      findings: [{ line: 3, column: 8 }],
    },
    {
      name: "two low ports",
      file: "Dockerfile",
      code: dockerfile("USER app\nEXPOSE 80 443\n"),
      findings: [
        { line: 5, column: 8 },
        { line: 5, column: 11 },
      ],
      output: dockerfile("USER app\nEXPOSE 8080 443\n"),
    },
    {
      name: "k8s containerPort, Service targetPort and probe",
      file: "k8s/deploy.yaml",
      code: deployment(80, podNonRoot, probe(80)) + service("80"),
      findings: [{ line: 20, column: 30 }],
      output: deployment(8080, podNonRoot, probe(8080)) + service("8080"),
    },
    {
      name: "k8s named targetPort stays",
      file: "k8s/deploy.yaml",
      code:
        deployment(443, "      securityContext:\n        runAsUser: 1000\n").replace(
          "containerPort: 443",
          "containerPort: 443\n              name: https",
        ) + service("https"),
      findings: [{ line: 20, column: 30 }],
      output:
        deployment(8443, "      securityContext:\n        runAsUser: 1000\n").replace(
          "containerPort: 8443",
          "containerPort: 8443\n              name: https",
        ) + service("https"),
    },
    {
      name: "k8s command binds the same port",
      file: "k8s/deploy.yaml",
      code: deployment(80, podNonRoot).replace(
        "          ports:",
        '          command: ["gunicorn", "--bind", "0.0.0.0:80", "app:app"]\n          ports:',
      ),
      findings: [{ line: 21, column: 30 }],
      output: deployment(8080, podNonRoot).replace(
        "          ports:",
        '          command: ["gunicorn", "--bind", "0.0.0.0:8080", "app:app"]\n          ports:',
      ),
    },
    {
      name: "k8s container-level runAsNonRoot",
      file: "k8s/deploy.yaml",
      code: deployment(
        25,
        "",
        "          securityContext:\n            runAsNonRoot: true\n            runAsUser: 10001\n",
      ),
      findings: [{ line: 18, column: 30 }],
    },
    {
      name: "k8s Service without targetPort gets one",
      file: "k8s/deploy.yaml",
      code: deployment(80, podNonRoot) + service("80").replace("      targetPort: 80\n", ""),
      findings: [{ line: 20, column: 30 }],
      output:
        deployment(8080, podNonRoot) +
        service("80").replace("      targetPort: 80\n", "      targetPort: 8080\n"),
    },
    {
      name: "express on 80 in a non-root image",
      file: "server.js",
      code: `${express}app.listen(80, () => {});\n`,
      files: { Dockerfile: 'FROM node:20-slim\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n' },
      findings: [{ line: 3, column: 12, messageIncludes: "node" }],
      output: `${express}app.listen(8080, () => {});\n`,
    },
    {
      name: "flask on 443 in a non-root image",
      file: "src/app.py",
      code: 'from flask import Flask\napp = Flask(__name__)\napp.run(host="0.0.0.0", port=443)\n',
      files: { Dockerfile: dockerfile("USER app\n") },
      findings: [{ line: 3, column: 25 }],
      output:
        'from flask import Flask\napp = Flask(__name__)\napp.run(host="0.0.0.0", port=8443)\n',
    },
    {
      name: "uvicorn on 80",
      file: "serve.py",
      code: "import uvicorn\nuvicorn.run('main:app', host='0.0.0.0', port=80)\n",
      files: { Dockerfile: dockerfile("USER app\n") },
      findings: [{ line: 2, column: 41 }],
      output: "import uvicorn\nuvicorn.run('main:app', host='0.0.0.0', port=8080)\n",
    },
    {
      name: "http.server on 80",
      file: "serve.py",
      code: 'from http.server import HTTPServer, SimpleHTTPRequestHandler\nHTTPServer(("", 80), SimpleHTTPRequestHandler).serve_forever()\n',
      files: { Dockerfile: dockerfile("USER 1000\n") },
      findings: [{ line: 2, column: 17 }],
    },
    {
      name: "python PORT constant",
      file: "app.py",
      code: "from flask import Flask\nPORT = 80\napp = Flask(__name__)\napp.run(port=PORT)\n",
      files: { Dockerfile: dockerfile("USER app\n") },
      findings: [{ line: 2, column: 8 }],
      output: "from flask import Flask\nPORT = 8080\napp = Flask(__name__)\napp.run(port=PORT)\n",
    },
    {
      name: "waitress on 443",
      file: "serve.py",
      code: "from waitress import serve\nfrom shop import app\nserve(app, port=443)\n",
      files: { Dockerfile: dockerfile("USER app\n") },
      findings: [{ line: 3, column: 12 }],
    },
    {
      name: "koa constant",
      file: "server.js",
      code: "const Koa = require('koa');\nconst PORT = 80;\nnew Koa().listen(PORT);\n",
      files: { Dockerfile: "FROM node:20\nUSER node\n" },
      findings: [{ line: 2, column: 14 }],
    },
    {
      name: "http server on 443",
      file: "server.js",
      code: "const https = require('https');\nhttps.createServer({}, () => {}).listen(443);\n",
      files: { Dockerfile: "FROM node:20\nUSER node\n" },
      findings: [{ line: 2, column: 41 }],
      output: "const https = require('https');\nhttps.createServer({}, () => {}).listen(8443);\n",
    },
    {
      name: "fastify options",
      file: "server.mjs",
      code: "import Fastify from 'fastify';\nawait Fastify().listen({ port: 80, host: '0.0.0.0' });\n",
      files: { Dockerfile: "FROM node:20\nUSER node\n" },
      findings: [{ line: 2, column: 26 }],
    },
    {
      name: "nest in typescript",
      file: "src/main.ts",
      code: "import { NestFactory } from '@nestjs/core';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  await app.listen(80);\n}\nbootstrap();\n",
      files: { Dockerfile: "FROM node:20\nUSER node\n" },
      findings: [{ line: 4, column: 20 }],
    },
  ],
});
