import * as path from "node:path";
import type { ParsedFile } from "../../engine/parse";
import type { Workspace } from "../../workspace/workspace";
import { readJson, workspacePackageNames } from "./npmPackages";
import {
  isLocalPythonModule,
  isPythonStdlib,
  pythonModuleImports,
  type PythonImport,
} from "./pythonModuleImports";
import { packageOf, scriptImports, type ScriptImport } from "./scriptImports";

/**
 * Imports of installed third-party code: not the standard library, not the workspace's own
 * modules, not type-only, not guarded by an import-error handler. The first import of each
 * top-level name only.
 */
export function thirdPartyPythonImports(workspace: Workspace, file: ParsedFile): PythonImport[] {
  if (!file.python) return [];
  const seen = new Set<string>();
  const result: PythonImport[] = [];
  for (const entry of pythonModuleImports(file.python.root)) {
    if (seen.has(entry.top) || entry.optional || entry.typeOnly) continue;
    seen.add(entry.top);
    if (isPythonStdlib(entry.top) || isLocalPythonModule(workspace, file.path, entry.top)) continue;
    result.push(entry);
  }
  return result;
}

export interface PackageImport extends ScriptImport {
  packageName: string;
}

/** The same for JavaScript/TypeScript: bare specifiers of packages outside the workspace. */
export function thirdPartyScriptImports(workspace: Workspace, file: ParsedFile): PackageImport[] {
  if (!file.script) return [];
  const seen = new Set<string>();
  const result: PackageImport[] = [];
  let local: Set<string> | undefined;
  const aliases = pathAliases(workspace, file.path);
  for (const entry of scriptImports(file.script.source)) {
    const packageName = packageOf(entry.specifier);
    if (!packageName || seen.has(packageName) || entry.optional) continue;
    seen.add(packageName);
    if (aliases.some((alias) => alias(entry.specifier))) continue;
    local ??= workspacePackageNames(workspace);
    if (local.has(packageName)) continue;
    result.push({ ...entry, packageName });
  }
  return result;
}

type AliasTest = (specifier: string) => boolean;

/** `compilerOptions.paths` and `baseUrl` of the nearest tsconfig.json or jsconfig.json. */
function pathAliases(workspace: Workspace, file: string): AliasTest[] {
  const config = workspace.findUp(file, ["tsconfig.json", "jsconfig.json"]);
  const options = config ? readJson(workspace, config)?.compilerOptions : undefined;
  if (!config || !options || typeof options !== "object") return [];
  const { paths, baseUrl } = options as { paths?: unknown; baseUrl?: unknown };
  const tests: AliasTest[] = [];
  for (const key of Object.keys(paths && typeof paths === "object" ? paths : {})) {
    const prefix = key.replace(/\*.*$/, "");
    tests.push(key.includes("*") ? (s) => s.startsWith(prefix) : (s) => s === key);
  }
  if (typeof baseUrl === "string") {
    const base = path.resolve(path.dirname(config), baseUrl);
    tests.push((s) => {
      const first = path.join(base, s.split("/")[0]);
      return ["", ".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".json"].some((ext) =>
        workspace.exists(first + ext),
      );
    });
  }
  return tests;
}
