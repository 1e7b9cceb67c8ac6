import * as path from "node:path";
import type { FileChange } from "../../engine/types";
import { dotenvNames } from "../../languages/dotenv";
import { SourceText } from "../../languages/sourceText";
import type { Workspace } from "../../workspace/workspace";
import { dockerignoreChanges } from "./dockerignore";
import { isGitIgnored } from "./gitignore";
import { appendLines } from "./textFiles";

const PROJECT_MARKERS = [
  ".env",
  ".env.example",
  "requirements.txt",
  "pyproject.toml",
  "package.json",
  "docker-compose.yml",
  "docker-compose.yaml",
  "compose.yaml",
  "compose.yml",
  ".gitignore",
];

/** The folder whose `.env` the app loads: the nearest project folder above the file. */
export function projectDir(workspace: Workspace, file: string): string {
  const marker = workspace.findUp(file, PROJECT_MARKERS);
  return marker ? path.dirname(marker) : workspace.rootOf(file);
}

/**
 * The folder whose `.env` a value moved out of the file belongs in. Python's dotenv loading
 * (`load_dotenv()`, Flask's CLI) walks up from the module or working folder to the first `.env`
 * it finds, so an existing `.env` above the project folder is the one a Python program reads; a
 * second one nearer the file would hide it. Node reads the `.env` of its working folder, the
 * project's own.
 */
export function dotenvDir(workspace: Workspace, file: string): string {
  const existing = file.endsWith(".py") ? workspace.findUp(file, [".env"]) : undefined;
  return existing ? path.dirname(existing) : projectDir(workspace, file);
}

/**
 * A value as a dotenv line writes it so that python-dotenv, Node's dotenv and compose all read
 * back exactly the value: bare when it is plain, else in single quotes (none of them expands `$`
 * there), else in double quotes with `\\n` for line breaks. The readers disagree on backslashes
 * and escaped quotes, so a value that needs them has no safe form: undefined, and the fix that
 * would write it is not offered.
 */
export function dotenvValue(value: string): string | undefined {
  if (/^[\w@%+=:,./-]*$/.test(value)) return value;
  if (/\\/.test(value)) return undefined;
  if (!/['\n\r]/.test(value)) return `'${value}'`;
  if (/["$\r]/.test(value)) return undefined;
  return `"${value.replace(/\n/g, "\\n")}"`;
}

/** Whether a value can be written to `.env` and read back the same by every reader. */
export function writableInDotenv(value: string | undefined): boolean {
  return value === undefined || dotenvValue(value) !== undefined;
}

const nameOf = (line: string): string =>
  line
    .split("=")[0]
    .replace(/^export\s+/, "")
    .trim();

export interface EnvVariable {
  name: string;
  /** The value the app used until now; written to `.env` so it keeps working locally. */
  value?: string;
  /** The value `.env.example` documents; empty by default. */
  example?: string;
}

/**
 * The changes that move values out of code: `.env` gets the values, `.gitignore` ignores
 * `.env`, the `.dockerignore` of every build context that holds it keeps it out of images,
 * `.env.example` documents the names. Nothing is written twice. `dir` overrides the folder
 * (compose reads the `.env` beside the compose file).
 */
export function envFileChanges(
  workspace: Workspace,
  file: string,
  variables: EnvVariable[],
  options: { dir?: string } = {},
): FileChange[] {
  const dir = options.dir ?? dotenvDir(workspace, file);
  const changes: FileChange[] = [];
  const withValues = variables.filter((v) => v.value !== undefined);
  if (withValues.length > 0) {
    const dotenv = path.join(dir, ".env");
    const defined = dotenvNames(new SourceText(workspace.readText(dotenv) ?? ""));
    const lines = withValues
      .filter((v) => !defined.has(v.name))
      .map((v) => `${v.name}=${dotenvValue(v.value ?? "") ?? ""}`);
    push(changes, appendLines(workspace, dotenv, lines, nameOf));
    push(changes, ignoreDotenv(workspace, dir));
    changes.push(...dockerignoreChanges(workspace, dotenv));
  }
  const example = variables.map((v) => `${v.name}=${v.example ?? ""}`);
  push(changes, appendLines(workspace, path.join(dir, ".env.example"), example, nameOf));
  return changes;
}

/** Adds `.env` to the project's `.gitignore` unless git already ignores the folder's `.env`. */
export function ignoreDotenv(workspace: Workspace, dir: string): FileChange | undefined {
  if (isGitIgnored(workspace, path.join(dir, ".env"))) return undefined;
  return appendLines(workspace, path.join(dir, ".gitignore"), [".env"]);
}

function push(changes: FileChange[], change: FileChange | undefined): void {
  if (change) changes.push(change);
}
