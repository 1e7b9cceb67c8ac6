import { ruleTester } from "../../helpers/ruleTester";

const expressApp = `const express = require('express');

const app = express();
app.get('/', (req, res) => res.send('ok'));

module.exports = app;
`;
const koaApp = "import Koa from 'koa';\n\nconst app = new Koa();\nexport default app;\n";
const expressTs = "import express from 'express';\n\nexport const app = express();\n";
const fastifyFactory = `import Fastify from 'fastify';

export function buildApp() {
  return Fastify({ logger: true });
}
`;
const emitter = `const { EventEmitter } = require('events');
const http = require('http');

class Bus extends EventEmitter {
  listen(port) {
    http.get(\`http://localhost:\${port}/ping\`);
  }
}

module.exports = new Bus();
`;

ruleTester("port-hardcoded", {
  valid: [
    {
      name: "CommonJS app module, port from env",
      file: "server.js",
      code: "const app = require('./app');\n\napp.listen(process.env.PORT || 3000);\n",
      files: { "app.js": expressApp },
    },
    {
      name: "imported module that cannot be read",
      file: "server.js",
      code: "const app = require('./app');\n\napp.listen(3000);\n",
    },
    {
      name: "event emitter of a relative module",
      file: "server.js",
      code: "const bus = require('./bus');\n\nbus.listen(3000);\n",
      files: { "bus.js": emitter },
    },
    {
      name: "queue client of a relative module",
      file: "src/worker.ts",
      code: "import { queue } from './queue';\n\nqueue.listen(5672);\n",
      files: {
        "src/queue.ts": `import amqp from 'amqplib';

export const queue = {
  async listen(port: number) {
    return amqp.connect({ hostname: 'rabbitmq', port });
  },
};
`,
      },
    },
    {
      name: "package import is not followed",
      file: "server.js",
      code: "const app = require('app');\n\napp.listen(3000);\n",
      files: { "app.js": expressApp },
    },
  ],
  invalid: [
    {
      name: "CommonJS server.js requiring an Express app.js",
      file: "server.js",
      code: "const app = require('./app');\n\napp.listen(3000, () => console.log('listening'));\n",
      files: { "app.js": expressApp },
      findings: [{ line: 3, column: 12 }],
      output:
        "const app = require('./app');\n\n" +
        "app.listen(Number(process.env.PORT) || 3000, () => console.log('listening'));\n",
      parses: true,
    },
    {
      name: "ESM default import of a Koa app through a constant",
      file: "server.mjs",
      code: "import app from './app.mjs';\n\nconst PORT = 8080;\napp.listen(PORT);\n",
      files: { "app.mjs": koaApp },
      findings: [{ line: 3, column: 14 }],
      output:
        "import app from './app.mjs';\n\n" +
        "const PORT = Number(process.env.PORT) || 8080;\napp.listen(PORT);\n",
      parses: true,
    },
    {
      name: "TypeScript named import without an extension",
      file: "src/main.ts",
      code: "import { app } from './app';\n\napp.listen(3000);\n",
      files: { "src/app.ts": expressTs },
      findings: [{ line: 3, column: 12 }],
      output: "import { app } from './app';\n\napp.listen(Number(process.env.PORT) || 3000);\n",
      parses: true,
    },
    {
      name: "TypeScript `.js` specifier of a `.ts` module",
      file: "src/index.ts",
      code: "import app from './app.js';\n\napp.listen(3000);\n",
      files: { "src/app.ts": "import express from 'express';\n\nexport default express();\n" },
      findings: [{ line: 3, column: 12 }],
    },
    {
      name: "Fastify factory from a folder's index.ts",
      file: "src/index.ts",
      code: `import { buildApp } from './app';

const app = buildApp();
app.listen({ port: 3000, host: '0.0.0.0' });
`,
      files: { "src/app/index.ts": fastifyFactory },
      findings: [{ line: 4, column: 14 }],
      output: `import { buildApp } from './app';

const app = buildApp();
app.listen({ port: Number(process.env.PORT) || 3000, host: '0.0.0.0' });
`,
      parses: true,
    },
    {
      name: "app module one folder up, destructured require",
      file: "bin/server.js",
      code: "const { app } = require('../app');\n\napp.listen(8080);\n",
      files: {
        "app/index.js": "const express = require('express');\n\nexports.app = express();\n",
      },
      findings: [{ line: 3, column: 12 }],
    },
    {
      name: "http.createServer of an app module that cannot be read",
      file: "server.js",
      code: `const http = require('http');
const app = require('./app');

http.createServer(app).listen(3000);
`,
      findings: [{ line: 4, column: 31 }],
    },
  ],
});
