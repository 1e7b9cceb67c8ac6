import * as fs from "node:fs";
import * as path from "node:path";
import { normalizeName } from "../../languages/pep508";
import { parseToml } from "../../languages/pyproject";
import type { Workspace } from "../../workspace/workspace";

/** What a workspace virtualenv has installed. */
export interface InstalledPackages {
  /** Normalised distribution name → version. */
  versions: Map<string, string>;
  /** Top-level import name → distribution names. */
  topLevel: Map<string, string[]>;
}

const VENV_NAMES = [".venv", "venv", "env", "virtualenv"];

const cache = new Map<string, { stamp: number; packages: InstalledPackages }>();

/** The site-packages folders of virtualenvs in the file's folders, up to the workspace root. */
function sitePackagesDirs(workspace: Workspace, file: string): string[] {
  const root = workspace.rootOf(file);
  const result: string[] = [];
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    for (const venv of VENV_NAMES) result.push(...sitePackagesIn(path.join(dir, venv)));
    if (dir === root || !dir.startsWith(root) || path.dirname(dir) === dir) break;
  }
  return result;
}

function sitePackagesIn(venv: string): string[] {
  const windows = path.join(venv, "Lib", "site-packages");
  const found = fs.existsSync(windows) ? [windows] : [];
  const lib = path.join(venv, "lib");
  for (const entry of readDir(lib)) {
    const candidate = path.join(lib, entry, "site-packages");
    if (/^python\d/.test(entry) && fs.existsSync(candidate)) found.push(candidate);
  }
  return found;
}

function readDir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

/** Distributions installed in the workspace's virtualenvs near a file. */
export function installedPackages(workspace: Workspace, file: string): InstalledPackages {
  const merged: InstalledPackages = { versions: new Map(), topLevel: new Map() };
  for (const dir of sitePackagesDirs(workspace, file)) {
    const packages = readSitePackages(dir);
    for (const [name, version] of packages.versions)
      if (!merged.versions.has(name)) merged.versions.set(name, version);
    for (const [module, names] of packages.topLevel)
      merged.topLevel.set(module, [...(merged.topLevel.get(module) ?? []), ...names]);
  }
  return merged;
}

function readSitePackages(dir: string): InstalledPackages {
  const stamp = fs.statSync(dir).mtimeMs;
  const cached = cache.get(dir);
  if (cached && cached.stamp === stamp) return cached.packages;
  const packages: InstalledPackages = { versions: new Map(), topLevel: new Map() };
  for (const entry of readDir(dir)) {
    const match = /^(.+)-([^-]+)\.dist-info$/.exec(entry);
    if (!match) continue;
    const name = match[1];
    packages.versions.set(normalizeName(name), match[2]);
    for (const module of topLevelModules(path.join(dir, entry))) {
      packages.topLevel.set(module, [...(packages.topLevel.get(module) ?? []), name]);
    }
  }
  cache.set(dir, { stamp, packages });
  return packages;
}

/** `top_level.txt`, else the first path parts of the RECORD. */
function topLevelModules(distInfo: string): string[] {
  const topLevel = readText(path.join(distInfo, "top_level.txt"));
  if (topLevel)
    return topLevel
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
  const record = readText(path.join(distInfo, "RECORD")) ?? "";
  const modules = new Set<string>();
  for (const line of record.split(/\r?\n/)) {
    const first = line.split(",")[0].split("/");
    const head = first[0];
    if (!head || head.startsWith("..") || /\.(dist|egg)-info$|^__pycache__$/.test(head)) continue;
    if (first.length > 1) modules.add(head);
    else if (/\.py$/.test(head)) modules.add(head.slice(0, -3));
  }
  return [...modules].filter((m) => /^[A-Za-z_]\w*$/.test(m));
}

function readText(file: string): string | undefined {
  try {
    // A FIFO would block the read forever.
    return fs.statSync(file).isFile() ? fs.readFileSync(file, "utf8") : undefined;
  } catch {
    return undefined;
  }
}

const TOML_LOCKS = ["poetry.lock", "uv.lock", "pdm.lock"];

/** Versions pinned by the nearest lock file (poetry.lock, uv.lock, pdm.lock, Pipfile.lock). */
export function lockedPythonVersions(workspace: Workspace, file: string): Map<string, string> {
  const versions = new Map<string, string>();
  const lock = workspace.findUp(file, [...TOML_LOCKS, "Pipfile.lock"]);
  const text = lock ? workspace.readText(lock) : undefined;
  if (!lock || !text) return versions;
  if (lock.endsWith("Pipfile.lock")) {
    readPipfileLock(text, versions);
    return versions;
  }
  const packages = parseToml(text)?.package;
  for (const entry of Array.isArray(packages) ? packages : []) {
    const { name, version } = (entry ?? {}) as { name?: unknown; version?: unknown };
    if (typeof name === "string" && typeof version === "string")
      versions.set(normalizeName(name), version);
  }
  return versions;
}

function readPipfileLock(text: string, versions: Map<string, string>): void {
  try {
    const data = JSON.parse(text) as Record<string, Record<string, { version?: string }>>;
    for (const section of ["default", "develop"]) {
      for (const [name, entry] of Object.entries(data[section] ?? {})) {
        const version = /^==\s*(\S+)$/.exec(entry?.version ?? "")?.[1];
        if (version && !versions.has(normalizeName(name)))
          versions.set(normalizeName(name), version);
      }
    }
  } catch {
    return;
  }
}

/** The version a workspace virtualenv or lock file has for a distribution. */
export function knownPythonVersion(
  workspace: Workspace,
  file: string,
  distribution: string,
): { version: string; source: "environment" | "lock" } | undefined {
  const name = normalizeName(distribution);
  const installed = installedPackages(workspace, file).versions.get(name);
  if (installed) return { version: installed, source: "environment" };
  const locked = lockedPythonVersions(workspace, file).get(name);
  return locked ? { version: locked, source: "lock" } : undefined;
}

/** Whether a lock file sits beside a manifest. */
export function hasPythonLock(workspace: Workspace, manifest: string): boolean {
  const dir = path.dirname(manifest);
  return [...TOML_LOCKS, "Pipfile.lock"].some((lock) => workspace.exists(path.join(dir, lock)));
}
