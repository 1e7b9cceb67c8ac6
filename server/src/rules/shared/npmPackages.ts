import * as path from "node:path";
import { parse as parseJsonc, type ParseError } from "jsonc-parser";
import picomatch from "picomatch";
import { parseDocument } from "yaml";
import type { FollowUp } from "../../engine/types";
import { DEPENDENCY_SECTIONS } from "../../languages/packageJson";
import type { Workspace } from "../../workspace/workspace";

export const NPM_LOCK_FILES = [
  "package-lock.json",
  "npm-shrinkwrap.json",
  "yarn.lock",
  "pnpm-lock.yaml",
  "bun.lockb",
  "bun.lock",
];

type Json = Record<string, unknown>;

/** A JSON(C) file as an object, or undefined. */
export function readJson(workspace: Workspace, file: string): Json | undefined {
  const text = workspace.readText(file);
  if (text === undefined) return undefined;
  const errors: ParseError[] = [];
  const value: unknown = parseJsonc(text, errors, { allowTrailingComma: true });
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Json) : undefined;
}

const objectAt = (value: unknown): Json =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {};

/** Names a package.json declares in any dependency section, and its own name. */
export function declaredNpmPackages(manifest: Json | undefined): Set<string> {
  const names = new Set<string>();
  if (!manifest) return names;
  for (const section of DEPENDENCY_SECTIONS)
    for (const name of Object.keys(objectAt(manifest[section]))) names.add(name);
  for (const key of ["bundleDependencies", "bundledDependencies"]) {
    const bundled = manifest[key];
    if (Array.isArray(bundled)) bundled.forEach((n) => typeof n === "string" && names.add(n));
  }
  if (typeof manifest.name === "string") names.add(manifest.name);
  return names;
}

function workspaceGlobs(workspace: Workspace, dir: string): string[] | undefined {
  const manifest = readJson(workspace, path.join(dir, "package.json"));
  const declared = manifest?.workspaces;
  if (Array.isArray(declared)) return declared.filter((g): g is string => typeof g === "string");
  const packages = objectAt(declared).packages;
  if (Array.isArray(packages)) return packages.filter((g): g is string => typeof g === "string");
  const pnpm = workspace.readText(path.join(dir, "pnpm-workspace.yaml"));
  if (pnpm === undefined) return undefined;
  let list: unknown;
  try {
    list = (parseDocument(pnpm).toJS() as Json | null)?.packages;
  } catch {
    return []; // an alias bomb, or an alias to a missing anchor
  }
  return Array.isArray(list) ? list.filter((g): g is string => typeof g === "string") : [];
}

/**
 * The root of the npm/yarn/pnpm workspace a package folder belongs to (the folder itself when
 * it is a root), or undefined when it belongs to none.
 */
export function npmWorkspaceRoot(workspace: Workspace, packageDir: string): string | undefined {
  const root = workspace.rootOf(path.join(packageDir, "package.json"));
  for (let dir = packageDir; ; dir = path.dirname(dir)) {
    const globs = workspaceGlobs(workspace, dir);
    if (globs) {
      const relative = path.relative(dir, packageDir).split(path.sep).join("/");
      const included = globs.filter((g) => !g.startsWith("!"));
      const excluded = globs.filter((g) => g.startsWith("!")).map((g) => g.slice(1));
      const matches = (g: string) => picomatch.isMatch(relative, g.replace(/\/$/, ""));
      if (relative === "" || (included.some(matches) && !excluded.some(matches))) return dir;
    }
    if (dir === root || !dir.startsWith(root) || path.dirname(dir) === dir) return undefined;
  }
}

/** The lock file beside a package or at the root of its workspace. */
export function npmLockFor(workspace: Workspace, packageJson: string): string | undefined {
  const dir = path.dirname(packageJson);
  const roots = [dir];
  const workspaceRoot = npmWorkspaceRoot(workspace, dir);
  if (workspaceRoot && workspaceRoot !== dir) roots.push(workspaceRoot);
  for (const candidate of roots) {
    const lock = NPM_LOCK_FILES.map((n) => path.join(candidate, n)).find((f) =>
      workspace.exists(f),
    );
    if (lock) return lock;
  }
  return undefined;
}

const INSTALL_COMMANDS: Record<string, string> = {
  "package-lock.json": "npm install",
  "npm-shrinkwrap.json": "npm install",
  "yarn.lock": "yarn install",
  "pnpm-lock.yaml": "pnpm install",
  "bun.lockb": "bun install",
  "bun.lock": "bun install",
};

/**
 * What to run after dependencies were added to a package.json that has a lock file: `npm ci`
 * refuses a lock that does not match the manifest, and a fix cannot run the package manager.
 */
export function npmLockFollowUp(workspace: Workspace, packageJson: string): FollowUp | undefined {
  const lock = npmLockFor(workspace, packageJson);
  const command = lock ? INSTALL_COMMANDS[path.basename(lock)] : undefined;
  return lock && command ? { command, updates: lock } : undefined;
}

/** Names of every package of the workspace (monorepo members). */
export function workspacePackageNames(workspace: Workspace): Set<string> {
  const names = new Set<string>();
  for (const file of workspace.model.files()) {
    if (path.basename(file) !== "package.json") continue;
    const name = readJson(workspace, file)?.name;
    if (typeof name === "string") names.add(name);
  }
  return names;
}

/** The version the lock file resolved for a dependency of a package, when it can tell. */
export function lockedNpmVersion(
  workspace: Workspace,
  packageJson: string,
  name: string,
  range?: string,
): string | undefined {
  const lock = npmLockFor(workspace, packageJson);
  const text = lock ? workspace.readText(lock) : undefined;
  if (!lock || text === undefined) return undefined;
  const relative = path
    .relative(path.dirname(lock), path.dirname(packageJson))
    .split(path.sep)
    .join("/");
  const base = path.basename(lock);
  if (base === "package-lock.json" || base === "npm-shrinkwrap.json")
    return packageLockVersion(text, relative, name);
  if (base === "yarn.lock") return yarnLockVersion(text, name, range);
  if (base === "pnpm-lock.yaml") return pnpmLockVersion(text, relative, name);
  return undefined;
}

function packageLockVersion(text: string, relative: string, name: string): string | undefined {
  let data: Json;
  try {
    data = JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
  const packages = objectAt(data.packages);
  const keys = [`${relative ? `${relative}/` : ""}node_modules/${name}`, `node_modules/${name}`];
  for (const key of keys) {
    const version = objectAt(packages[key]).version;
    if (typeof version === "string") return version;
  }
  const legacy = objectAt(objectAt(data.dependencies)[name]).version;
  return typeof legacy === "string" && /^\d/.test(legacy) ? legacy : undefined;
}

/** yarn v1 (`version "1.2.3"`) and berry (`version: 1.2.3`) entries whose key names the range. */
function yarnLockVersion(text: string, name: string, range?: string): string | undefined {
  const blocks = text.split(/\r?\n(?=\S)/);
  let fallback: string | undefined;
  for (const block of blocks) {
    const [header, ...body] = block.split(/\r?\n/);
    const keys = header
      .replace(/:\s*$/, "")
      .split(/,\s*/)
      .map((k) => k.trim().replace(/^"|"$/g, ""));
    const ranges = keys
      .filter((k) => k.startsWith(`${name}@`))
      .map((k) => k.slice(name.length + 1).replace(/^npm:/, ""));
    if (ranges.length === 0) continue;
    const version = body.map((l) => /^\s+version:?\s+"?([^"\s]+)"?/.exec(l)?.[1]).find(Boolean);
    if (!version) continue;
    if (range === undefined || ranges.includes(range)) return version;
    fallback ??= version;
  }
  return range === undefined ? fallback : undefined;
}

function pnpmLockVersion(text: string, relative: string, name: string): string | undefined {
  let data: Json;
  try {
    data = objectAt(parseDocument(text).toJS());
  } catch {
    return undefined;
  }
  const importers = objectAt(data.importers);
  const importer = objectAt(importers[relative || "."] ?? (relative ? undefined : data));
  for (const section of ["dependencies", "devDependencies", "optionalDependencies"]) {
    const entry = objectAt(importer[section])[name] ?? undefined;
    const raw = typeof entry === "string" ? entry : objectAt(entry).version;
    if (typeof raw === "string") {
      const version = /^(\d+\.\d+\.\d+[^(_\s]*)/.exec(raw)?.[1];
      if (version) return version;
    }
  }
  return undefined;
}
