import { ruleTester } from "../../helpers/ruleTester";

ruleTester("port-hardcoded", {
  valid: [
    {
      name: "CommonJS Koa with PORT || fallback in the call",
      file: "server.cjs",
      code: `const Koa = require('koa');

const app = new Koa();
app.listen(process.env.PORT || 3000);
`,
    },
    {
      name: "listen options held by a constant, port from env",
      file: "server.mjs",
      code: `import http from 'node:http';

const options = { port: Number(process.env.PORT ?? 8080), host: '0.0.0.0' };
http.createServer().listen(options);
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
      findings: [{ line: 7, column: 12 }],
      output: `const Koa = require('koa');

const app = new Koa();
app.use(async (ctx) => {
  ctx.body = 'ok';
});
app.listen(Number(process.env.PORT) || 3000);
`,
      parses: true,
    },
    {
      name: "ESM http.createServer on a module constant",
      file: "index.mjs",
      code: `import http from 'node:http';

const PORT = 8080;
http.createServer((req, res) => res.end('ok')).listen(PORT, '0.0.0.0');
`,
      findings: [{ line: 3, column: 14 }],
      output: `import http from 'node:http';

const PORT = Number(process.env.PORT) || 8080;
http.createServer((req, res) => res.end('ok')).listen(PORT, '0.0.0.0');
`,
      parses: true,
    },
    {
      name: "nested config object",
      file: "src/index.js",
      code: `const express = require('express');

const config = {
  server: { port: 8080 },
  db: { url: process.env.DATABASE_URL },
};
const app = express();
app.listen(config.server.port);
`,
      findings: [{ line: 4, column: 13 }],
      output: `const express = require('express');

const config = {
  server: { port: Number(process.env.PORT) || 8080 },
  db: { url: process.env.DATABASE_URL },
};
const app = express();
app.listen(config.server.port);
`,
    },
    {
      name: "test file: reported at hint severity",
      file: "__tests__/server.test.js",
      code: `const express = require('express');

const app = express();
const server = app.listen(5555);
afterAll(() => server.close());
`,
      findings: [{ line: 4, column: 27, severity: "hint" }],
    },
  ],
});
