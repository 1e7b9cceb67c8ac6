import * as path from "node:path";
import { parseDockerfile, type DockerFile } from "../languages/dockerfile";
import { parseDotenv, type DotenvFile } from "../languages/dotenv";
import { parsePackageJson, type PackageJsonFile } from "../languages/packageJson";
import { parseProcfile, type ProcfileFile } from "../languages/procfile";
import { parsePyproject, type PyprojectFile } from "../languages/pyproject";
import { parsePython, type PythonFile } from "../languages/python";
import type { PythonTreeCache } from "../languages/pythonIncremental";
import type { ScriptTreeCache } from "../languages/scriptIncremental";
import { parseRequirements, type RequirementsFile } from "../languages/requirements";
import { parseScript, type ScriptFile } from "../languages/script";
import { SourceText } from "../languages/sourceText";
import { parseYaml, type YamlFile } from "../languages/yamlFile";
import { fileKindOf, isTestPath, mayBeScript, shebangKind } from "./fileKind";
import type { FileKind } from "./types";

/** A file parsed once by the adapter of its kind; rules read whichever part fits them. */
export interface ParsedFile {
  path: string;
  kind: FileKind;
  source: SourceText;
  isTest: boolean;
  python?: PythonFile;
  script?: ScriptFile;
  yaml?: YamlFile;
  docker?: DockerFile;
  requirements?: RequirementsFile;
  packageJson?: PackageJsonFile;
  dotenv?: DotenvFile;
  pyproject?: PyprojectFile;
  procfile?: ProcfileFile;
  /** Set when the syntax tree belongs to an incremental cache and must outlive the analysis. */
  cachedTree?: boolean;
}

export interface ParseOptions {
  /** Whether the file sits in a Helm chart's templates folder. */
  helmChart?: boolean;
  /** Caches that re-parse an edited file incrementally (open documents). */
  incremental?: { python: PythonTreeCache; script: ScriptTreeCache };
  /**
   * The workspace folder of the file: only the path below it says whether the file is a test,
   * so a checkout that happens to sit under a `tests/` folder is not all tests.
   */
  root?: string;
  /** The kind when the path does not tell it (a file another requirements file includes). */
  kind?: FileKind;
}

export function parseFile(
  file: string,
  text: string,
  options: ParseOptions = {},
): ParsedFile | undefined {
  const kind =
    fileKindOf(file) ?? options.kind ?? (mayBeScript(file) ? shebangKind(text) : undefined);
  if (!kind) return undefined;
  const source = new SourceText(text);
  const below = options.root ? path.relative(options.root, file) : file;
  const parsed: ParsedFile = { path: file, kind, source, isTest: isTestPath(below) };

  switch (kind) {
    case "python":
      parsed.python = options.incremental?.python.parse(file, text) ?? parsePython(text);
      parsed.cachedTree = !!options.incremental;
      break;
    case "javascript":
    case "typescript":
      parsed.script = options.incremental?.script.parse(file, text) ?? parseScript(file, text);
      break;
    case "yaml":
      parsed.yaml = parseYaml(file, text, options.helmChart);
      parsed.kind = parsed.yaml.flavor;
      break;
    case "dockerfile":
      parsed.docker = parseDockerfile(source);
      break;
    case "requirements":
      parsed.requirements = parseRequirements(source);
      break;
    case "package-json":
      parsed.packageJson = parsePackageJson(text);
      break;
    case "dotenv":
      parsed.dotenv = parseDotenv(source);
      break;
    case "pyproject":
      parsed.pyproject = parsePyproject(text);
      break;
    case "procfile":
      parsed.procfile = parseProcfile(source);
      break;
  }
  return parsed;
}

/** Frees what lives outside the JavaScript heap (tree-sitter trees). */
export function disposeParsed(parsed: ParsedFile): void {
  if (!parsed.cachedTree) parsed.python?.tree.delete();
}

/** A Helm chart's template: under `templates/` beside a `Chart.yaml`. */
export function isHelmTemplatePath(file: string, exists: (p: string) => boolean): boolean {
  const dir = path.dirname(file);
  return path.basename(dir) === "templates" && exists(path.join(path.dirname(dir), "Chart.yaml"));
}
