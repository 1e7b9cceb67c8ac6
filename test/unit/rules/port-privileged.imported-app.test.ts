import { ruleTester } from "../../helpers/ruleTester";

const nodeUser = {
  Dockerfile: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n',
};
const expressApp = "const express = require('express');\n\nmodule.exports = express();\n";

ruleTester("port-privileged", {
  valid: [
    {
      name: "imported app on 8080 in a non-root image",
      file: "server.js",
      code: "const app = require('./app');\n\napp.listen(8080);\n",
      files: { ...nodeUser, "app.js": expressApp },
    },
    {
      name: "imported app on 80 in an image that runs as root",
      file: "server.js",
      code: "const app = require('./app');\n\napp.listen(80);\n",
      files: {
        Dockerfile: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n',
        "app.js": expressApp,
      },
    },
    {
      name: "relative module that is not an app",
      file: "server.js",
      code: "const queue = require('./queue');\n\nqueue.listen(443);\n",
      files: {
        ...nodeUser,
        "queue.js": `const amqp = require('amqplib');

module.exports = { listen: (port) => amqp.connect({ port }) };
`,
      },
    },
  ],
  invalid: [
    {
      name: "CommonJS server.js requiring an Express app.js",
      file: "server.js",
      code: "const app = require('./app');\n\napp.listen(80);\n",
      files: { ...nodeUser, "app.js": expressApp },
      findings: [{ line: 3, column: 12 }],
      output: "const app = require('./app');\n\napp.listen(8080);\n",
      parses: true,
    },
    {
      name: "TypeScript default import of a Koa app",
      file: "src/main.ts",
      code: "import app from './app';\n\napp.listen(443);\n",
      files: {
        ...nodeUser,
        "src/app.ts": "import Koa from 'koa';\n\nexport default new Koa();\n",
      },
      findings: [{ line: 3, column: 12 }],
      output: "import app from './app';\n\napp.listen(8443);\n",
      parses: true,
    },
  ],
});
