import * as fs from "node:fs";
import * as path from "node:path";

/** The repository root: the nearest folder above this file with the extension's manifest. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, "package.json")) || dir.endsWith(`${path.sep}out`)) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("repository root not found");
    dir = parent;
  }
  return dir;
}

/** The shared documents beside the repository (cases, handbook). */
export function sharedDir(): string {
  return process.env.TFD_SHARED ?? path.resolve(repoRoot(), "..", "shared");
}
