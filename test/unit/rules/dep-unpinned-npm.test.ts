import { ruleTester } from "../../helpers/ruleTester";

const pkg = (deps: Record<string, string>, section = "dependencies") =>
  `${JSON.stringify({ name: "shop", version: "1.0.0", [section]: deps }, null, 2)}\n`;

const SHA = "0f3c5a1d9e8b7c6a5f4e3d2c1b0a9f8e7d6c5b4a";

const lockV3 = (deps: Record<string, string>) =>
  JSON.stringify({
    name: "shop",
    lockfileVersion: 3,
    packages: Object.fromEntries(
      Object.entries(deps).map(([n, v]) => [`node_modules/${n}`, { version: v }]),
    ),
  });

ruleTester("dep-unpinned-npm", {
  valid: [
    {
      name: "exact versions",
      file: "package.json",
      code: pkg({ express: "4.19.2", "@sentry/node": "8.19.0" }),
    },
    {
      name: "local protocols",
      file: "package.json",
      code: pkg({ a: "file:../a", b: "link:../b", c: "workspace:*", d: "workspace:^1.0.0" }),
    },
    {
      name: "git pinned to a commit",
      file: "package.json",
      code: pkg({
        a: `git+https://git.example.test/a.git#${SHA}`,
        b: `github:shop/b#${SHA}`,
        c: `shop/c#${SHA}`,
      }),
    },
    {
      name: "npm alias pinned exactly",
      file: "package.json",
      code: pkg({ old: "npm:lodash@4.17.21", s: "npm:@scope/x@1.0.0" }),
    },
    {
      name: "peer dependencies are ranges by design",
      file: "package.json",
      code: pkg({ react: "^18.0.0" }, "peerDependencies"),
    },
    {
      name: "tarball URL",
      file: "package.json",
      code: pkg({ a: "https://files.example.test/a-1.0.0.tgz" }),
    },
    {
      name: "no dependencies",
      file: "package.json",
      code: '{ "name": "x", "version": "1.0.0" }\n',
    },
    {
      name: "prerelease and build metadata",
      file: "package.json",
      code: pkg({ a: "1.0.0-beta.2", b: "=2.0.0", c: "v3.1.4+build.7" }),
    },
  ],
  invalid: [
    {
      name: "caret with package-lock v3: info and pin from the lock",
      file: "package.json",
      code: pkg({ express: "^4.19.0" }),
      files: { "package-lock.json": lockV3({ express: "4.19.2" }) },
      findings: [{ line: 5, column: 16, severity: "info" }],
      output: pkg({ express: "4.19.2" }),
    },
    {
      name: "no lock: warning, no fix",
      file: "package.json",
      code: pkg({ express: "~4.19.0" }),
      findings: [{ line: 5, column: 16, severity: "warning" }],
      output: null,
    },
    {
      name: "every kind of range",
      file: "package.json",
      code: pkg({ a: "*", b: "latest", c: ">=1.2.0", d: "1.x", e: "1.2", f: "^1 || ^2", g: "" }),
      findings: [5, 6, 7, 8, 9, 10, 11].map((line) => ({ line, column: 10 })),
    },
    {
      name: "devDependencies pinned from yarn.lock",
      file: "package.json",
      code: pkg({ jest: "^29.7.0" }, "devDependencies"),
      files: {
        "yarn.lock":
          '# yarn lockfile v1\n\n"jest@^29.0.0":\n  version "29.0.3"\n\njest@^29.7.0:\n  version "29.7.0"\n',
      },
      findings: [{ line: 5, column: 13, severity: "info" }],
      output: pkg({ jest: "29.7.0" }, "devDependencies"),
    },
    {
      name: "pinned from pnpm-lock.yaml importers",
      file: "package.json",
      code: pkg({ react: "^18.2.0" }),
      files: {
        "pnpm-lock.yaml":
          "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      react:\n        specifier: ^18.2.0\n        version: 18.3.1\n",
      },
      findings: [{ line: 5, column: 14 }],
      output: pkg({ react: "18.3.1" }),
    },
    {
      name: "workspace member: lock at the root",
      file: "packages/api/package.json",
      code: pkg({ express: "^4.19.0" }),
      files: {
        "package.json": '{ "name": "root", "private": true, "workspaces": ["packages/*"] }\n',
        "package-lock.json": JSON.stringify({
          lockfileVersion: 3,
          packages: { "node_modules/express": { version: "4.21.0" } },
        }),
      },
      findings: [{ line: 5, column: 16, severity: "info" }],
      output: pkg({ express: "4.21.0" }),
    },
    {
      name: "package-lock v1",
      file: "package.json",
      code: pkg({ lodash: "^4.17.0" }),
      files: {
        "package-lock.json":
          '{"lockfileVersion": 1, "dependencies": {"lodash": {"version": "4.17.21"}}}',
      },
      findings: [{ line: 5, column: 15 }],
      output: pkg({ lodash: "4.17.21" }),
    },
    {
      name: "git dependency on a branch",
      file: "package.json",
      code: pkg({ lib: "github:shop/lib#main" }),
      findings: [{ line: 5, column: 12 }],
    },
    {
      name: "optional dependency, alias to a range",
      file: "package.json",
      code: pkg({ fsevents: "npm:fsevents@^2.3.0" }, "optionalDependencies"),
      findings: [{ line: 5, column: 17 }],
    },
  ],
});
