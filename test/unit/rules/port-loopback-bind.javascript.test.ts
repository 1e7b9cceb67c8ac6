import { ruleTester } from "../../helpers/ruleTester";

ruleTester("port-loopback-bind", {
  valid: [
    {
      name: "env alias with a loopback fallback",
      file: "server.js",
      code: `const express = require('express');

const { env } = process;
const app = express();
app.listen(3000, env.HOST ?? 'localhost');
`,
    },
    {
      name: "listen options held by a constant, on all interfaces",
      file: "server.mjs",
      code: `import http from 'node:http';

const options = { port: 8080, host: '0.0.0.0' };
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
app.listen(3000, '127.0.0.1');
`,
      findings: [{ line: 4, column: 18 }],
      output:
        "const Koa = require('koa');\n\nconst app = new Koa();\napp.listen(3000, '0.0.0.0');\n",
      parses: true,
    },
    {
      name: "ESM http server with a callback",
      file: "server.mjs",
      code: `import http from 'node:http';

const server = http.createServer((req, res) => res.end('ok'));
server.listen(8080, 'localhost', () => {
  console.log('listening');
});
`,
      findings: [{ line: 4, column: 21 }],
      output: `import http from 'node:http';

const server = http.createServer((req, res) => res.end('ok'));
server.listen(8080, '0.0.0.0', () => {
  console.log('listening');
});
`,
      parses: true,
    },
    {
      name: "config object then listen(config.port, config.host)",
      file: "src/index.js",
      code: `const express = require('express');

const config = { host: 'localhost', port: 3000 };
const app = express();
app.listen(config.port, config.host);
`,
      findings: [{ line: 3, column: 18 }],
      output: `const express = require('express');

const config = { host: '0.0.0.0', port: 3000 };
const app = express();
app.listen(config.port, config.host);
`,
    },
    {
      name: "template literal host",
      file: "server.js",
      code: `const express = require('express');
const app = express();
app.listen(3000, \`127.0.0.1\`);
`,
      findings: [{ line: 3, column: 18 }],
      output: `const express = require('express');
const app = express();
app.listen(3000, \`0.0.0.0\`);
`,
    },
    {
      name: "test file: reported at hint severity",
      file: "__tests__/app.test.js",
      code: `const express = require('express');

const app = express();
const server = app.listen(3001, 'localhost');
afterAll(() => server.close());
`,
      findings: [{ line: 4, column: 33, severity: "hint" }],
    },
  ],
});
