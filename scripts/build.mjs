// Bundles the extension client, the language server and the CLI into dist/.
import * as esbuild from "esbuild";
import * as fs from "node:fs";
import * as path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const production = process.argv.includes("--production");
const dist = path.resolve("dist");

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: !production,
  minify: production,
  logLevel: "warning",
  // jsonc-parser's UMD entry loads its parts at run time; its ES module build bundles cleanly.
  mainFields: ["module", "main"],
  // web-tree-sitter's CommonJS build needs no import.meta; point the bundle at it.
  alias: { "web-tree-sitter": require.resolve("web-tree-sitter") },
};

fs.mkdirSync(dist, { recursive: true });
await Promise.all([
  esbuild.build({
    ...common,
    entryPoints: ["client/src/extension.ts"],
    outfile: "dist/extension.js",
    external: ["vscode"],
  }),
  esbuild.build({ ...common, entryPoints: ["server/src/server.ts"], outfile: "dist/server.js" }),
  esbuild.build({
    ...common,
    entryPoints: ["server/src/cli.ts"],
    outfile: "dist/cli.js",
    banner: { js: "#!/usr/bin/env node" },
  }),
]);

for (const [pkg, file] of [
  ["web-tree-sitter", "web-tree-sitter.wasm"],
  ["tree-sitter-python", "tree-sitter-python.wasm"],
]) {
  const source = require.resolve(`${pkg}/${file}`);
  fs.copyFileSync(source, path.join(dist, file));
}
fs.chmodSync(path.join(dist, "cli.js"), 0o755);
