import * as path from "node:path";
import type { Workspace } from "../../workspace/workspace";
import { scriptAppKind, type AppModuleKind, type ScriptServerKind } from "./scriptServers";

const EXTENSIONS = [".js", ".ts", ".mjs", ".cjs", ".jsx", ".tsx", ".mts", ".cts"];
const SCRIPT_FILE = /\.[cm]?[jt]sx?$/;

/**
 * The files a relative specifier may name, in Node's and TypeScript's order: the path as
 * written, its TypeScript source (`./app.js` compiled from `app.ts`), the path with an
 * extension, then the folder's index.
 */
function candidates(from: string, specifier: string): string[] {
  const base = path.resolve(path.dirname(from), specifier);
  const written = SCRIPT_FILE.test(base) ? [base] : [];
  const typed = /\.[cm]?jsx?$/.test(base) ? [base.replace(/js(x?)$/, "ts$1")] : [];
  return [
    ...written,
    ...typed,
    ...EXTENSIONS.map((ext) => base + ext),
    ...EXTENSIONS.map((ext) => path.join(base, `index${ext}`)),
  ];
}

function appKindOf(workspace: Workspace, file: string, specifier: string) {
  const inside = (candidate: string) =>
    workspace.roots.some((root) => candidate.startsWith(root + path.sep));
  for (const candidate of candidates(file, specifier)) {
    if (candidate === file || !inside(candidate) || !workspace.exists(candidate)) continue;
    const source = workspace.model.parsed(candidate)?.script?.source;
    if (source) return scriptAppKind(source);
  }
  return undefined;
}

/**
 * Reads the project modules a file imports, through the workspace (open editors included), and
 * tells which create an app. A module that cannot be read counts as none.
 */
export function appModules(workspace: Workspace, file: string): AppModuleKind {
  const kinds = new Map<string, ScriptServerKind | undefined>();
  return (specifier) => {
    if (!kinds.has(specifier)) kinds.set(specifier, appKindOf(workspace, file, specifier));
    return kinds.get(specifier);
  };
}
