import { ruleTester } from "../../helpers/ruleTester";

const PKG = (deps: Record<string, string>) =>
  `${JSON.stringify({ name: "web", version: "1.0.0", dependencies: deps }, null, 2)}\n`;
const LOCK = (versions: Record<string, string>) =>
  JSON.stringify({
    lockfileVersion: 3,
    packages: Object.fromEntries(
      Object.entries(versions).map(([name, version]) => [`node_modules/${name}`, { version }]),
    ),
  });
const CODE = "const _ = require('lodash');\n";

/** The npm fix writes a version the project already resolved, never `*`. */
ruleTester("dep-undeclared", {
  valid: [],
  invalid: [
    {
      name: "version from package-lock.json, exact like the other dependencies",
      file: "index.js",
      code: CODE,
      files: {
        "package.json": PKG({ express: "4.19.2" }),
        "package-lock.json": LOCK({ express: "4.19.2", lodash: "4.17.21" }),
      },
      findings: [{ line: 1, column: 19 }],
      outputFiles: { "package.json": PKG({ express: "4.19.2", lodash: "4.17.21" }) },
      recheckFixedFiles: true,
    },
    {
      name: "version from node_modules, with a caret like the other dependencies",
      file: "index.js",
      code: CODE,
      files: {
        "package.json": PKG({ express: "^4.19.2", dayjs: "^1.11.13" }),
        "node_modules/lodash/package.json": '{ "name": "lodash", "version": "4.17.21" }\n',
      },
      findings: [{ line: 1, column: 19 }],
      outputFiles: {
        "package.json": PKG({ express: "^4.19.2", dayjs: "^1.11.13", lodash: "^4.17.21" }),
      },
      recheckFixedFiles: true,
    },
    {
      name: "no version known: no fix, the message says what to run",
      file: "index.js",
      code: CODE,
      files: { "package.json": PKG({ express: "4.19.2" }) },
      findings: [{ line: 1, column: 19, messageIncludes: "npm install lodash" }],
      output: null,
    },
    {
      name: "no version known in a yarn project",
      file: "index.js",
      code: CODE,
      files: { "package.json": PKG({ express: "4.19.2" }), "yarn.lock": "" },
      findings: [{ line: 1, column: 19, messageIncludes: "yarn add lodash" }],
      output: null,
    },
  ],
});
