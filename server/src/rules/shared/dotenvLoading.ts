import * as path from "node:path";
import { isMap, isSeq } from "yaml";
import type { ParsedFile } from "../../engine/parse";
import type { FileChange, TextEdit } from "../../engine/types";
import { ts } from "../../languages/script";
import { scalarString } from "../../languages/yamlFile";
import type { Workspace } from "../../workspace/workspace";
import { projectDir } from "./envFiles";
import { addNpmDependency, addPythonRequirement } from "./manifests";
import { addPythonDependency, requirementFor } from "./pythonManifestEdits";
import { nearestPythonManifests } from "./pythonManifests";
import { usesSemicolons } from "./scriptCode";

/**
 * Whether a value moved to `.env` still reaches the program: something must load that file
 * (python-dotenv, Flask's own loading, Node's dotenv or `--env-file`, compose `env_file:`).
 */

const PYTHON_LOADS = /\bload_dotenv\s*\(|\bread_env\s*\(|\bload_envs?\s*\(\s*\)/;
const SCRIPT_LOADS =
  /require\(\s*['"]dotenv(?:\/config)?['"]\s*\)|from\s+['"]dotenv(?:\/config)?['"]|import\s+['"]dotenv\/config['"]|['"]@dotenvx\/dotenvx['"]|ConfigModule\.forRoot\(|process\.loadEnvFile\(/;
const SCRIPT_RUNNERS = /--env-file|dotenv\/config|(^|[\s;&|])dotenv(x)?\s|@dotenvx/;

function projectFiles(workspace: Workspace, file: string, pattern: RegExp): string[] {
  const dir = projectDir(workspace, file);
  return workspace.model
    .files()
    .filter((f) => f.startsWith(dir + path.sep) && pattern.test(f) && f !== file);
}

function anyText(workspace: Workspace, files: string[], pattern: RegExp): boolean {
  return files.some((f) => pattern.test(workspace.readText(f) ?? ""));
}

/** Whether the Python program around a file loads `.env` into `os.environ`. */
export function pythonLoadsDotenv(workspace: Workspace, parsed: ParsedFile): boolean {
  if (PYTHON_LOADS.test(parsed.source.text)) return true;
  if (anyText(workspace, projectFiles(workspace, parsed.path, /\.py$/), PYTHON_LOADS)) return true;
  return flaskLoadsDotenv(workspace, parsed.path) || composeLoadsDotenv(workspace, parsed.path);
}

/** Flask (`flask run`, `app.run`) loads `.env` itself when python-dotenv is installed. */
function flaskLoadsDotenv(workspace: Workspace, file: string): boolean {
  const manifest = workspace.findUp(file, ["requirements.txt", "pyproject.toml", "Pipfile"]);
  const text = manifest ? (workspace.readText(manifest) ?? "") : "";
  return /(^|["'\s])python-dotenv\b/im.test(text) && /(^|["'\s])flask(?![\w-])/im.test(text);
}

/** Whether the Node program around a file loads `.env` into `process.env`. */
export function scriptLoadsDotenv(workspace: Workspace, parsed: ParsedFile): boolean {
  if (SCRIPT_LOADS.test(parsed.source.text)) return true;
  const sources = projectFiles(workspace, parsed.path, /\.[cm]?[jt]sx?$/);
  if (anyText(workspace, sources, SCRIPT_LOADS)) return true;
  const manifest = workspace.findUp(parsed.path, ["package.json"]);
  const text = manifest ? (workspace.readText(manifest) ?? "") : "";
  if (/"next"\s*:/.test(text)) return true;
  const scripts = /"scripts"\s*:\s*\{([^}]*)\}/.exec(text)?.[1] ?? "";
  return SCRIPT_RUNNERS.test(scripts) || composeLoadsDotenv(workspace, parsed.path);
}

/** Whether a compose file of the workspace passes the project's `.env` to a container. */
export function composeLoadsDotenv(workspace: Workspace, file: string): boolean {
  const dotenv = path.join(projectDir(workspace, file), ".env");
  return workspace.model.filesOfKind("compose").some((compose) => {
    const dir = path.dirname(compose.path);
    return envFilesOf(compose).some((entry) => path.resolve(dir, entry) === dotenv);
  });
}

function envFilesOf(compose: ParsedFile): string[] {
  const found: string[] = [];
  for (const document of compose.yaml?.documents ?? []) {
    const services = isMap(document.contents) ? document.contents.get("services", true) : null;
    if (!isMap(services)) continue;
    for (const pair of services.items) {
      const service = pair.value;
      const value = isMap(service) ? service.get("env_file", true) : undefined;
      const items = isSeq(value) ? value.items : [value];
      for (const item of items) {
        const entry = isMap(item) ? item.get("path", true) : item;
        const text = scalarString(entry);
        if (text) found.push(text);
      }
    }
  }
  return found;
}

/** The lines that load `.env` at the top of a Python module, after its imports. */
export const PYTHON_DOTENV_LINES = ["from dotenv import load_dotenv", "", "load_dotenv()"];

/**
 * `python-dotenv` in the project's requirements file or pyproject dependencies; a new
 * requirements.txt when the project has no manifest; nothing when it is declared already or
 * the project declares dependencies in a form a fix cannot edit.
 */
export function pythonDotenvRequirement(
  workspace: Workspace,
  file: string,
): FileChange | undefined {
  const manifests = nearestPythonManifests(workspace, file);
  if (!manifests) return addPythonRequirement(workspace, file, "python-dotenv");
  if (manifests.declared.has("python-dotenv")) return undefined;
  const line = requirementFor(workspace, file, "python-dotenv").line;
  return addPythonDependency(workspace, manifests, line);
}

/** The edit that loads `.env` first thing in a script, in its module style. */
export function scriptDotenvEdit(parsed: ParsedFile, esModule: boolean, quote: string): TextEdit {
  const source = parsed.script?.source;
  const first = source?.statements.find(
    (s) => !(ts.isExpressionStatement(s) && ts.isStringLiteral(s.expression)),
  );
  const semicolon = !source || usesSemicolons(source) ? ";" : "";
  const line = esModule
    ? `import ${quote}dotenv/config${quote}${semicolon}`
    : `require(${quote}dotenv${quote}).config()${semicolon}`;
  const offset = first && source ? first.getStart(source) : parsed.source.text.length;
  const at = parsed.source.positionAt(offset);
  const eol = parsed.source.eol;
  return { range: { start: at, end: at }, newText: `${line}${eol}${esModule ? "" : eol}` };
}

/** `dotenv` in the nearest package.json. */
export function scriptDotenvDependency(workspace: Workspace, file: string): FileChange | undefined {
  return addNpmDependency(workspace, file, "dotenv");
}
