import { ruleTester } from "../../helpers/ruleTester";

const closeServer = (name: string) =>
  [
    `process.on('SIGTERM', () => {`,
    `  ${name}.close(() => process.exit(0));`,
    `  setTimeout(() => process.exit(1), 10000).unref();`,
    `});`,
  ]
    .map((line) => `${line}\n`)
    .join("");
const expressApp = "const express = require('express');\n\nmodule.exports = express();\n";

ruleTester("no-sigterm-handler", {
  valid: [
    {
      name: "the app module handles SIGTERM",
      file: "server.js",
      code: "const app = require('./app');\n\napp.listen(3000);\n",
      files: {
        "app.js": `const express = require('express');

const app = express();
process.on('SIGTERM', () => process.exit(0));
module.exports = app;
`,
      },
    },
    {
      name: "imported module that cannot be read",
      file: "server.js",
      code: "const app = require('./app');\n\napp.listen(3000);\n",
    },
    {
      name: "event emitter of a relative module",
      file: "src/main.ts",
      code: "import { bus } from './bus';\n\nbus.listen(3000);\n",
      files: {
        "src/bus.ts":
          "import { EventEmitter } from 'node:events';\n\nexport const bus = new EventEmitter();\n",
      },
    },
    {
      name: "imported app run under pm2",
      file: "server.js",
      code: "const app = require('./app');\n\napp.listen(3000);\n",
      files: {
        "app.js": expressApp,
        Dockerfile: 'FROM node:20-slim\nCOPY . .\nCMD ["pm2-runtime", "server.js"]\n',
      },
    },
  ],
  invalid: [
    {
      name: "express-generator's bin/www: an extensionless script with a node shebang",
      file: "bin/www",
      code: "#!/usr/bin/env node\nconst http = require('http');\nconst app = require('../app');\n\nconst server = http.createServer(app);\nserver.listen(process.env.PORT || 3000);\n",
      files: { "app.js": expressApp, "package.json": '{"scripts": {"start": "node ./bin/www"}}\n' },
      findings: [{ line: 6, column: 1 }],
      output: `#!/usr/bin/env node\nconst http = require('http');\nconst app = require('../app');\n\nconst server = http.createServer(app);\nserver.listen(process.env.PORT || 3000);\n${closeServer("server")}`,
      parses: true,
    },
    {
      name: "CommonJS server.js requiring an Express app.js",
      file: "server.js",
      code: "const app = require('./app');\n\napp.listen(3000);\n",
      files: { "app.js": expressApp },
      findings: [{ line: 3, column: 1 }],
      output: `const app = require('./app');

const server = app.listen(3000);
${closeServer("server")}`,
      parses: true,
    },
    {
      name: "ESM http.createServer of an imported Koa app",
      file: "server.mjs",
      code: `import http from 'node:http';
import app from './app.mjs';

const server = http.createServer(app.callback());
server.listen(3000);
`,
      files: { "app.mjs": "import Koa from 'koa';\n\nexport default new Koa();\n" },
      findings: [{ line: 5, column: 1 }],
      output: `import http from 'node:http';
import app from './app.mjs';

const server = http.createServer(app.callback());
server.listen(3000);
${closeServer("server")}`,
      parses: true,
    },
    {
      name: "TypeScript named import of an Express app",
      file: "src/main.ts",
      code: "import { app } from './app';\n\nconst server = app.listen(3000);\n",
      files: { "src/app.ts": "import express from 'express';\n\nexport const app = express();\n" },
      findings: [{ line: 3, column: 16 }],
      output: `import { app } from './app';

const server = app.listen(3000);
${closeServer("server")}`,
      parses: true,
    },
    {
      name: "TypeScript Fastify factory closes the Fastify instance",
      file: "src/index.ts",
      code: `import { buildApp } from './app';

const app = buildApp();
app.listen({ port: 3000 });
`,
      files: {
        "src/app.ts": `import Fastify from 'fastify';

export function buildApp() {
  return Fastify();
}
`,
      },
      findings: [{ line: 4, column: 1 }],
      output: `import { buildApp } from './app';

const app = buildApp();
app.listen({ port: 3000 });
process.on('SIGTERM', () => {
  app.close().then(() => process.exit(0));
});
`,
      parses: true,
    },
  ],
});
