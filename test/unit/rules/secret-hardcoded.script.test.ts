import { ruleTester } from "../../helpers/ruleTester";

const pkg = `{
  "name": "shop",
  "dependencies": {
    "express": "4.19.2"
  }
}
`;
const loaded = { "package.json": pkg, "src/index.js": "require('dotenv').config();\n" };

ruleTester("secret-hardcoded", {
  valid: [
    {
      name: "environment reads, empty values, field names, token types",
      file: "src/config.js",
      code: `const settings = {
  region: process.env.REGION,
  clientSecret: process.env.CLIENT_SECRET || '',
  passwordField: 'password',
  tokenType: 'Bearer',
  NextToken: 'eyJvZmZzZXQiOjEwMH0',
};
module.exports = settings;
`,
    },
    {
      name: "templates made only of substitutions",
      file: "src/http.js",
      code: `const authorization = \`Bearer \${token}\`;
const password = \`\${process.env.DB_PASSWORD}\`;
`,
    },
    {
      name: "destructuring defaults and placeholders",
      file: "src/db.ts",
      code: `const { password = '', apiKey = process.env.API_KEY } = options;
const secret = '\${SESSION_SECRET}';
export { password, apiKey, secret };
`,
    },
    {
      name: "a known-format key is left to secret-known-format",
      file: "src/pay.js",
      code: `const stripeKey = 'sk_live_4eC39HqLyjWDarjtT1zdp7dcXy';\n`,
    },
    {
      name: "URLs, headers and paths under secret-like names",
      file: "src/oauth.mjs",
      code: `export const tokenUrl = 'https://login.example.test/oauth2/token';
export const apiKeyHeader = 'X-Api-Key';
export const secretsDir = '/run/secrets';
`,
    },
    {
      name: "type declarations hold no value",
      file: "src/types.ts",
      code: `export interface Credentials {
  password: string;
  token?: string;
}
`,
    },
  ],
  invalid: [
    {
      name: "object property in CommonJS; the fix requires dotenv first",
      file: "src/config.js",
      files: { "package.json": pkg },
      code: `const settings = {
  region: process.env.REGION,
  clientSecret: 'cs_4e8a1f7b2d9c6e03',
};

module.exports = { settings };
`,
      findings: [{ line: 3, column: 17 }],
      output: `require('dotenv').config();

const settings = {
  region: process.env.REGION,
  clientSecret: process.env.CLIENT_SECRET,
};

module.exports = { settings };
`,
      outputFiles: {
        ".env": "CLIENT_SECRET=cs_4e8a1f7b2d9c6e03\n",
        ".env.example": "CLIENT_SECRET=\n",
        "package.json": `{
  "name": "shop",
  "dependencies": {
    "express": "4.19.2",
    "dotenv": "16.4.7"
  }
}
`,
      },
    },
    {
      name: "ES module constant; the fix imports dotenv/config before everything else",
      file: "src/client.mjs",
      files: { "package.json": pkg },
      code: `import express from 'express';

const apiKey = 'AK-7f3b19e2c45d';
export default apiKey;
`,
      findings: [{ line: 3, column: 16 }],
      output: `import 'dotenv/config';
import express from 'express';

const apiKey = process.env.API_KEY;
export default apiKey;
`,
    },
    {
      name: "session secret, named after the call; dotenv already loaded elsewhere",
      file: "src/app.js",
      files: loaded,
      code: `const session = require('express-session');
app.use(session({
  secret: 'keyboard cat',
  resave: false,
}));
`,
      findings: [{ line: 3, column: 11 }],
      output: `const session = require('express-session');
app.use(session({
  secret: process.env.SESSION_SECRET,
  resave: false,
}));
`,
      outputFiles: { ".env": "SESSION_SECRET='keyboard cat'\n" },
    },
    {
      name: "secret text inside a template literal",
      file: "src/http.js",
      files: loaded,
      code: "const authToken = `Bearer 9f8e7d6c5b4a3f2e1d0c${suffix}`;\n",
      findings: [{ line: 1, column: 19 }],
      output: "const authToken = `Bearer ${process.env.AUTH_TOKEN}${suffix}`;\n",
    },
    {
      name: "default parameter and class field",
      file: "src/db.js",
      files: loaded,
      code: `function connect(password = 'Quartz!884') {
  return password;
}
class Client {
  apiSecret = 'z8Y7x6W5v4U3';
}
`,
      findings: [
        { line: 1, column: 29 },
        { line: 5, column: 15 },
      ],
      output: `function connect(password = process.env.PASSWORD) {
  return password;
}
class Client {
  apiSecret = 'z8Y7x6W5v4U3';
}
`,
    },
    {
      name: "TypeScript keeps the type with a non-null assertion",
      file: "src/settings.ts",
      files: loaded,
      code: `export const apiKey: string = "AK-7f3b19e2c45d";\n`,
      findings: [{ line: 1, column: 31 }],
      output: `export const apiKey: string = process.env.API_KEY!;\n`,
    },
    {
      name: "browser code: no fix, the message says to move the call to a server",
      file: "src/Checkout.tsx",
      code: `export const publishableSecret = "ps_8Fq2Lm9Xz4Rt";\n`,
      findings: [{ line: 1, column: 34, messageIncludes: "browser" }],
      output: null,
    },
    {
      name: "property assignment and placeholder",
      file: "src/setup.js",
      files: loaded,
      code: `config.password = 'Wint3r-Relay-88';
config.token = 'changeme';
`,
      findings: [
        { line: 1, column: 19 },
        { line: 2, column: 16, severity: "hint" },
      ],
      output: `config.password = process.env.PASSWORD;
config.token = 'changeme';
`,
    },
  ],
});
