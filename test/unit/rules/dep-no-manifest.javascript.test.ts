import { ruleTester } from "../../helpers/ruleTester";

const manifest = (name: string, dependencies: Record<string, string>) =>
  `${JSON.stringify({ name, version: "1.0.0", private: true, dependencies }, null, 2)}\n`;

ruleTester("dep-no-manifest", {
  valid: [
    {
      name: "browser script using globals only",
      file: "public/js/cart.js",
      code: `for (const button of document.querySelectorAll('[data-add]')) {
  button.addEventListener('click', () => addToCart(button.dataset.sku));
}
`,
      files: { "README.md": "" },
    },
  ],
  invalid: [
    {
      name: "CommonJS worker: dotenv, pg and a lodash subpath",
      file: "jobs/cleanup.cjs",
      code: `require('dotenv').config();
const { Pool } = require('pg');
const merge = require('lodash/merge');
`,
      files: { "jobs/Procfile": "worker: node cleanup.cjs\n" },
      findings: [{ line: 1, column: 9, messageIncludes: "dotenv, pg, lodash" }],
      outputFiles: {
        "jobs/package.json": manifest("jobs", { dotenv: "16.4.7", lodash: "*", pg: "*" }),
      },
      recheckFixedFiles: true,
    },
    {
      name: "ES module CLI with a dynamic import",
      file: "cli/index.mjs",
      code: `import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { color: { type: 'boolean' } } });
const chalk = values.color ? (await import('chalk')).default : null;
`,
      files: { "cli/README.md": "" },
      findings: [{ line: 4, column: 44, messageIncludes: "chalk" }],
      outputFiles: { "cli/package.json": manifest("cli", { chalk: "*" }) },
      recheckFixedFiles: true,
    },
  ],
});
