import { ruleTester } from "../../helpers/ruleTester";

const nodeUser = {
  Dockerfile: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n',
};
const express = "const express = require('express');\nconst app = express();\n";

ruleTester("port-privileged", {
  valid: [
    {
      name: "Express on 8080 in a non-root image",
      file: "server.js",
      code: `${express}app.listen(8080);\n`,
      files: nodeUser,
    },
    {
      name: "port from env with a low fallback",
      file: "server.js",
      code: `${express}app.listen(process.env.PORT || 80);\n`,
      files: nodeUser,
    },
    {
      name: "nearest Dockerfile of a monorepo service runs as root",
      file: "services/web/server.js",
      code: "const express = require('express');\nexpress().listen(80);\n",
      files: {
        ...nodeUser,
        "services/web/Dockerfile":
          'FROM node:20\nWORKDIR /srv\nCOPY . .\nCMD ["node", "server.js"]\n',
      },
    },
    {
      name: "SMTP client on 465 is not a server",
      file: "server.js",
      code: `const nodemailer = require('nodemailer');
${express}const mailer = nodemailer.createTransport({
  host: 'smtp.example.com',
  port: 465,
  secure: true,
});
app.listen(3000);
`,
      files: nodeUser,
    },
    {
      name: "non-root only in the build stage",
      file: "server.mjs",
      code: "import http from 'node:http';\n\nhttp.createServer().listen(80);\n",
      files: {
        Dockerfile: `FROM node:20 AS build
USER node
RUN npm ci

FROM node:20-slim
COPY --from=build /app /app
CMD ["node", "server.mjs"]
`,
      },
    },
    {
      name: "image switches back to root at the end",
      file: "server.js",
      code: "const Koa = require('koa');\nnew Koa().listen(443);\n",
      files: { Dockerfile: "FROM node:20\nUSER node\nRUN npm ci\nUSER root\n" },
    },
  ],
  invalid: [
    {
      name: "Express on 80 with a callback",
      file: "server.js",
      code: `${express}app.listen(80, () => console.log('listening'));\n`,
      files: nodeUser,
      findings: [{ line: 3, column: 12 }],
      output: `${express}app.listen(8080, () => console.log('listening'));\n`,
      parses: true,
    },
    {
      name: "CommonJS config object",
      file: "server.cjs",
      code: `const express = require('express');

const config = { port: 443 };
express().listen(config.port);
`,
      files: nodeUser,
      findings: [{ line: 3, column: 18 }],
      output: `const express = require('express');

const config = { port: 8443 };
express().listen(config.port);
`,
    },
    {
      name: "nearest Dockerfile of a monorepo service runs as non-root",
      file: "services/web/server.js",
      code: "const express = require('express');\nexpress().listen(80);\n",
      files: {
        Dockerfile: "FROM node:20\n",
        "services/web/Dockerfile": "FROM node:20\nUSER node\n",
      },
      findings: [{ line: 2, column: 18 }],
      output: "const express = require('express');\nexpress().listen(8080);\n",
    },
    {
      name: "ESM constant, user set in the final stage",
      file: "server.mjs",
      code: `import http from 'node:http';

const PORT = 443;
http.createServer().listen(PORT);
`,
      files: {
        Dockerfile: `FROM node:20 AS deps
RUN npm ci

FROM node:20-slim
COPY --from=deps /app/node_modules ./node_modules
USER node
CMD ["node", "server.mjs"]
`,
      },
      findings: [{ line: 3, column: 14 }],
      output:
        "import http from 'node:http';\n\nconst PORT = 8443;\nhttp.createServer().listen(PORT);\n",
    },
  ],
});
