import { ruleTester } from "../../helpers/ruleTester";

const pkg = (extra: Record<string, unknown>) =>
  `${JSON.stringify({ name: "shop", version: "1.0.0", ...extra }, null, 2)}\n`;

const deps = { dependencies: { express: "4.19.2" } };

ruleTester("dep-no-lockfile", {
  valid: [
    {
      name: "package-lock.json",
      file: "package.json",
      code: pkg(deps),
      files: { "package-lock.json": "{}" },
    },
    { name: "yarn.lock", file: "package.json", code: pkg(deps), files: { "yarn.lock": "" } },
    {
      name: "pnpm-lock.yaml",
      file: "package.json",
      code: pkg(deps),
      files: { "pnpm-lock.yaml": "lockfileVersion: '9.0'\n" },
    },
    {
      name: "bun.lock and npm-shrinkwrap.json",
      file: "package.json",
      code: pkg(deps),
      files: { "bun.lock": "{}" },
    },
    {
      name: "shrinkwrap",
      file: "package.json",
      code: pkg(deps),
      files: { "npm-shrinkwrap.json": "{}" },
    },
    { name: "no dependencies", file: "package.json", code: pkg({ scripts: { start: "node ." } }) },
    {
      name: "peer dependencies only",
      file: "package.json",
      code: pkg({ peerDependencies: { react: "^18" } }),
    },
    { name: "empty dependencies", file: "package.json", code: pkg({ dependencies: {} }) },
    {
      name: "npm workspace member, lock at the root",
      file: "packages/api/package.json",
      code: pkg(deps),
      files: {
        "package.json": pkg({ private: true, workspaces: ["packages/*"] }),
        "package-lock.json": "{}",
      },
    },
    {
      name: "pnpm workspace member",
      file: "apps/web/package.json",
      code: pkg(deps),
      files: {
        "package.json": pkg({ private: true }),
        "pnpm-workspace.yaml": "packages:\n  - 'apps/*'\n",
        "pnpm-lock.yaml": "lockfileVersion: '9.0'\n",
      },
    },
    {
      name: "yarn workspaces object form",
      file: "libs/core/package.json",
      code: pkg(deps),
      files: { "package.json": pkg({ workspaces: { packages: ["libs/**"] } }), "yarn.lock": "" },
    },
    {
      name: "workspace member whose root has no lock: only the root reports",
      file: "packages/a/package.json",
      code: pkg(deps),
      files: { "package.json": pkg({ private: true, workspaces: ["packages/*"] }) },
    },
  ],
  invalid: [
    {
      name: "dependencies, no lock",
      file: "package.json",
      code: pkg(deps),
      findings: [{ line: 4, column: 3 }],
      output: null,
    },
    {
      name: "devDependencies only",
      file: "package.json",
      code: pkg({ devDependencies: { jest: "29.7.0" } }),
      findings: [{ line: 4, column: 3 }],
    },
    {
      name: "lock in a parent folder that is no workspace root",
      file: "tools/package.json",
      code: pkg(deps),
      files: { "package.json": pkg({}), "package-lock.json": "{}" },
      findings: [{ line: 4, column: 3 }],
    },
    {
      name: "workspace root without a lock: reported once, on workspaces",
      file: "package.json",
      code: pkg({ private: true, workspaces: ["packages/*"] }),
      files: { "packages/a/package.json": pkg(deps) },
      findings: [{ line: 5, column: 3 }],
    },
    {
      name: "package outside the workspace globs",
      file: "examples/demo/package.json",
      code: pkg(deps),
      files: { "package.json": pkg({ workspaces: ["packages/*"] }), "package-lock.json": "{}" },
      findings: [{ line: 4, column: 3 }],
    },
  ],
});
