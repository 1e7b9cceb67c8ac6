import { ruleTester } from "../../helpers/ruleTester";

const expressApp = "const express = require('express');\n\nmodule.exports = express();\n";
const koaApp = "import Koa from 'koa';\n\nconst app = new Koa();\nexport default app;\n";
const emitter = `const { EventEmitter } = require('events');

module.exports = new EventEmitter();
`;

ruleTester("port-loopback-bind", {
  valid: [
    {
      name: "CommonJS app module on all interfaces",
      file: "server.js",
      code: "const app = require('./app');\n\napp.listen(3000, '0.0.0.0');\n",
      files: { "app.js": expressApp },
    },
    {
      name: "imported module that cannot be read",
      file: "server.js",
      code: "const app = require('./app');\n\napp.listen(3000, '127.0.0.1');\n",
    },
    {
      name: "event emitter of a relative module",
      file: "server.mjs",
      code: "import bus from './bus.cjs';\n\nbus.listen(3000, 'localhost');\n",
      files: { "bus.cjs": emitter },
    },
  ],
  invalid: [
    {
      name: "CommonJS server.js requiring an Express app.js",
      file: "server.js",
      code: "const app = require('./app');\n\napp.listen(3000, '127.0.0.1');\n",
      files: { "app.js": expressApp },
      findings: [{ line: 3, column: 18 }],
      output: "const app = require('./app');\n\napp.listen(3000, '0.0.0.0');\n",
      parses: true,
    },
    {
      name: "ESM default import of a Koa app",
      file: "index.mjs",
      code: "import app from './app.mjs';\n\napp.listen(8080, 'localhost');\n",
      files: { "app.mjs": koaApp },
      findings: [{ line: 3, column: 18 }],
      output: "import app from './app.mjs';\n\napp.listen(8080, '0.0.0.0');\n",
      parses: true,
    },
    {
      name: "TypeScript http.createServer of a named import",
      file: "src/main.ts",
      code: `import http from 'node:http';
import { app } from './app';

http.createServer(app).listen(3000, '127.0.0.1');
`,
      files: { "src/app.ts": "import express from 'express';\n\nexport const app = express();\n" },
      findings: [{ line: 4, column: 37 }],
      output: `import http from 'node:http';
import { app } from './app';

http.createServer(app).listen(3000, '0.0.0.0');
`,
      parses: true,
    },
    {
      name: "TypeScript Fastify factory with a host option",
      file: "src/server.ts",
      code: `import { buildApp } from './app';

async function start() {
  const app = await buildApp();
  await app.listen({ port: Number(process.env.PORT), host: 'localhost' });
}
start();
`,
      files: {
        "src/app.ts": `import Fastify from 'fastify';

export async function buildApp() {
  return Fastify();
}
`,
      },
      findings: [{ line: 5, column: 54 }],
      output: `import { buildApp } from './app';

async function start() {
  const app = await buildApp();
  await app.listen({ port: Number(process.env.PORT), host: '0.0.0.0' });
}
start();
`,
      parses: true,
    },
  ],
});
