import * as fs from "node:fs";
import * as path from "node:path";
import { normalizeName, parsePep508 } from "../../languages/pep508";
import { parseToml, tomlStringArray, tomlTable, type TomlTable } from "../../languages/pyproject";
import { parseRequirements } from "../../languages/requirements";
import { SourceText } from "../../languages/sourceText";
import type { Workspace } from "../../workspace/workspace";

/** The manifests of the folder nearest to a Python file that has any, and what they declare. */
export interface PythonManifests {
  dir: string;
  files: string[];
  /** PEP 503 names of every declared distribution (and of the project itself). */
  declared: Set<string>;
  /** The manifests cannot be read fully (setup.py, conda): nothing can be called undeclared. */
  opaque: boolean;
  /** The requirements file a fix adds to (requirements.in before requirements.txt). */
  requirements?: string;
  /** A pyproject.toml with a PEP 621 `[project]` table. */
  pyproject?: string;
}

const REQUIREMENTS = /^requirements.*\.(txt|in)$/i;
const OPAQUE = ["setup.py", "environment.yml", "environment.yaml"];

/** The folder's manifests, or undefined when it has none. */
function manifestsIn(workspace: Workspace, dir: string): PythonManifests | undefined {
  const found: PythonManifests = { dir, files: [], declared: new Set(), opaque: false };
  const names = listDir(dir);
  const requirements = names.filter((n) => REQUIREMENTS.test(n)).sort(byPreference);
  for (const name of requirements)
    readRequirementsInto(workspace, path.join(dir, name), found, new Set());
  for (const name of listDir(path.join(dir, "requirements")).filter((n) => n.endsWith(".txt")))
    readRequirementsInto(workspace, path.join(dir, "requirements", name), found, new Set());
  if (requirements.length > 0) found.requirements = path.join(dir, requirements[0]);

  if (names.includes("pyproject.toml"))
    readPyproject(workspace, path.join(dir, "pyproject.toml"), found);
  if (names.includes("Pipfile")) readPipfile(workspace, path.join(dir, "Pipfile"), found);
  if (names.includes("setup.cfg")) readSetupCfg(workspace, path.join(dir, "setup.cfg"), found);
  const opaque = OPAQUE.filter((n) => names.includes(n));
  if (opaque.length > 0) {
    found.files.push(...opaque.map((n) => path.join(dir, n)));
    const conda = opaque.some((n) => n.startsWith("environment"));
    const setupPy = opaque.includes("setup.py");
    found.opaque = conda || (setupPy && !readSetupPy(workspace, path.join(dir, "setup.py"), found));
  }
  return found.files.length > 0 ? found : undefined;
}

const byPreference = (a: string, b: string): number => rank(a) - rank(b) || a.localeCompare(b);
const rank = (name: string): number =>
  name === "requirements.in" ? 0 : name === "requirements.txt" ? 1 : 2;

function listDir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

/** The nearest folder above a file (up to the workspace root) with a Python manifest. */
export function nearestPythonManifests(
  workspace: Workspace,
  file: string,
): PythonManifests | undefined {
  const root = workspace.rootOf(file);
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    const found = manifestsIn(workspace, dir);
    if (found) return found;
    if (dir === root || !dir.startsWith(root) || path.dirname(dir) === dir) return undefined;
  }
}

function readRequirementsInto(
  workspace: Workspace,
  file: string,
  into: PythonManifests,
  seen: Set<string>,
): void {
  if (seen.has(file)) return;
  seen.add(file);
  const text = workspace.readText(file);
  if (text === undefined) return;
  if (!into.files.includes(file)) into.files.push(file);
  const parsed =
    workspace.model.parsed(file)?.requirements ?? parseRequirements(new SourceText(text));
  for (const entry of parsed.entries) {
    if (entry.type === "requirement") into.declared.add(normalizeName(entry.name));
    else if (entry.type === "url" && entry.name) into.declared.add(normalizeName(entry.name));
    else if (entry.type === "url" && entry.local) addLocalProject(workspace, file, entry.url, into);
    else if (entry.type === "include" && entry.option === "-r")
      readRequirementsInto(workspace, path.resolve(path.dirname(file), entry.target), into, seen);
  }
}

/** An editable local project declares the project named in its own pyproject.toml. */
function addLocalProject(workspace: Workspace, from: string, url: string, into: PythonManifests) {
  const dir = path.resolve(
    path.dirname(from),
    url.replace(/^file:(\/\/)?/, "").replace(/[#[].*$/, ""),
  );
  const data = parseToml(workspace.readText(path.join(dir, "pyproject.toml")) ?? "");
  const name = tomlTable(data, "project")?.name;
  if (typeof name === "string") into.declared.add(normalizeName(name));
}

function addStrings(into: PythonManifests, values: unknown): void {
  for (const value of tomlStringArray(values)) {
    const name = parsePep508(value)?.name;
    if (name) into.declared.add(normalizeName(name));
  }
}

function addKeys(into: PythonManifests, table: TomlTable | undefined): void {
  for (const key of Object.keys(table ?? {}))
    if (key.toLowerCase() !== "python") into.declared.add(normalizeName(key));
}

function readPyproject(workspace: Workspace, file: string, into: PythonManifests): void {
  const data = workspace.model.parsed(file)?.pyproject?.data;
  const project = tomlTable(data, "project");
  const poetry = tomlTable(data, "tool", "poetry");
  const dynamic = tomlStringArray(project?.dynamic).includes("dependencies");
  if ((!project || dynamic) && !poetry?.dependencies) return;
  into.files.push(file);
  if (project && !dynamic) into.pyproject = file;
  if (typeof project?.name === "string") into.declared.add(normalizeName(project.name));
  addStrings(into, project?.dependencies);
  for (const group of Object.values(tomlTable(project, "optional-dependencies") ?? {}))
    addStrings(into, group);
  for (const group of Object.values(tomlTable(data, "dependency-groups") ?? {}))
    addStrings(into, group);
  for (const group of Object.values(tomlTable(data, "tool", "pdm", "dev-dependencies") ?? {}))
    addStrings(into, group);
  addStrings(into, tomlTable(data, "tool", "uv")?.["dev-dependencies"]);
  if (typeof poetry?.name === "string") into.declared.add(normalizeName(poetry.name));
  addKeys(into, tomlTable(poetry, "dependencies"));
  addKeys(into, tomlTable(poetry, "dev-dependencies"));
  for (const group of Object.values(tomlTable(poetry, "group") ?? {}))
    addKeys(into, tomlTable(group, "dependencies"));
}

function readPipfile(workspace: Workspace, file: string, into: PythonManifests): void {
  const data = parseToml(workspace.readText(file) ?? "");
  if (!data) return;
  into.files.push(file);
  addKeys(into, tomlTable(data, "packages"));
  addKeys(into, tomlTable(data, "dev-packages"));
}

/** `install_requires` and `extras_require` of a setup.cfg. */
function readSetupCfg(workspace: Workspace, file: string, into: PythonManifests): void {
  const text = workspace.readText(file) ?? "";
  let section = "";
  let inList = false;
  let declares = false;
  for (const line of text.split(/\r?\n/)) {
    const header = /^\s*\[([^\]]+)\]/.exec(line);
    if (header) [section, inList] = [header[1].trim(), false];
    else if (/^\S/.test(line)) {
      const key = /^([\w-]+)\s*[=:]\s*(.*)$/.exec(line);
      inList =
        Boolean(key) && (key?.[1] === "install_requires" || section === "options.extras_require");
      if (inList && key?.[1] === "install_requires" && section === "options") declares = true;
      if (inList && key?.[2]) addRequirementLine(into, key[2]);
    } else if (inList) addRequirementLine(into, line);
  }
  if (declares) into.files.push(file);
}

function addRequirementLine(into: PythonManifests, line: string): void {
  const name = parsePep508(line.replace(/#.*$/, "").trim())?.name;
  if (name) into.declared.add(normalizeName(name));
}

/** Literal `install_requires=[…]` of a setup.py; false when it cannot be read that way. */
function readSetupPy(workspace: Workspace, file: string, into: PythonManifests): boolean {
  const text = workspace.readText(file);
  if (text === undefined) return true;
  const list = /install_requires\s*=\s*\[([^\]]*)\]/.exec(text);
  if (!list) return !/install_requires/.test(text);
  for (const match of list[1].matchAll(/["']([^"']+)["']/g)) addRequirementLine(into, match[1]);
  return true;
}
