import { ruleTester } from "../../helpers/ruleTester";

const closeServer = (name: string, indent = "") =>
  [
    `process.on('SIGTERM', () => {`,
    `  ${name}.close(() => process.exit(0));`,
    `  setTimeout(() => process.exit(1), 10000).unref();`,
    `});`,
  ]
    .map((line) => `${indent}${line}\n`)
    .join("");

ruleTester("no-sigterm-handler", {
  valid: [
    {
      name: "ESM server waiting for SIGTERM with events.once",
      file: "server.mjs",
      code: `import http from 'node:http';
import { once } from 'node:events';

const server = http.createServer((req, res) => res.end('ok')).listen(8080);
await once(process, 'SIGTERM');
server.close();
`,
    },
    {
      name: "CommonJS Koa with lightship",
      file: "server.cjs",
      code: `const Koa = require('koa');
const { createLightship } = require('lightship');

const app = new Koa();
const server = app.listen(3000);
createLightship().then((lightship) => lightship.registerShutdownHandler(() => server.close()));
`,
    },
  ],
  invalid: [
    {
      name: "CommonJS Koa",
      file: "server.cjs",
      code: `const Koa = require('koa');

const app = new Koa();
app.use(async (ctx) => {
  ctx.body = 'ok';
});
app.listen(3000);
`,
      findings: [{ line: 7, column: 1 }],
      output: `const Koa = require('koa');

const app = new Koa();
app.use(async (ctx) => {
  ctx.body = 'ok';
});
const server = app.listen(3000);
${closeServer("server")}`,
      parses: true,
    },
    {
      name: "chained http.createServer().listen",
      file: "index.js",
      code: `const http = require('http');

http.createServer((req, res) => {
  res.end('ok');
}).listen(8080);
`,
      findings: [{ line: 3, column: 1 }],
      output: `const http = require('http');

const server = http.createServer((req, res) => {
  res.end('ok');
}).listen(8080);
${closeServer("server")}`,
      parses: true,
    },
    {
      name: "Express started in an async main",
      file: "server.js",
      code: `const express = require('express');
const db = require('./db');

async function main() {
  const app = express();
  await db.connect();
  app.listen(3000);
}

main();
`,
      findings: [{ line: 7, column: 3 }],
      output: `const express = require('express');
const db = require('./db');

async function main() {
  const app = express();
  await db.connect();
  const server = app.listen(3000);
${closeServer("server", "  ")}}

main();
`,
      parses: true,
    },
    {
      name: "test file: reported at hint severity",
      file: "test/server.test.js",
      code: "const express = require('express');\n\nconst app = express();\napp.listen(4000);\n",
      findings: [{ line: 4, column: 1, severity: "hint" }],
    },
  ],
});
