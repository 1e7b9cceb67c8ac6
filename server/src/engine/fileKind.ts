import * as path from "node:path";
import type { FileKind } from "./types";

const SCRIPT_EXTENSIONS: Record<string, FileKind> = {
  ".js": "javascript",
  ".mjs": "javascript",
  ".cjs": "javascript",
  ".jsx": "javascript",
  ".ts": "typescript",
  ".mts": "typescript",
  ".cts": "typescript",
  ".tsx": "typescript",
};

const TEXT_EXTENSIONS = new Set([".json", ".toml", ".ini", ".cfg", ".conf", ".sh", ".properties"]);

/**
 * The kind of a file from its path. YAML files start as `yaml`; the YAML adapter tells compose
 * and Kubernetes files apart by name and content.
 */
export function fileKindOf(file: string): FileKind | undefined {
  const base = path.basename(file);
  const lower = base.toLowerCase();
  const ext = path.extname(lower);

  if (ext === ".py" || ext === ".pyi") return "python";
  if (SCRIPT_EXTENSIONS[ext] && !lower.endsWith(".d.ts")) return SCRIPT_EXTENSIONS[ext];
  if (isDockerfileName(base)) return "dockerfile";
  if (ext === ".yml" || ext === ".yaml") return "yaml";
  if (lower === "package.json") return "package-json";
  if (lower === "pyproject.toml") return "pyproject";
  if (isRequirementsPath(file)) return "requirements";
  if (lower === ".env" || lower.startsWith(".env.") || ext === ".env") return "dotenv";
  if (base === "Procfile" || lower.startsWith("procfile.")) return "procfile";
  if (lower === ".gitignore") return "gitignore";
  if (TEXT_EXTENSIONS.has(ext)) return "text";
  return undefined;
}

/**
 * An extensionless file in a `bin/` folder may be a program (express-generator's `bin/www`):
 * the shebang of its first line tells the language.
 */
export function mayBeScript(file: string): boolean {
  return path.extname(file) === "" && path.basename(path.dirname(file)) === "bin";
}

/** The language a shebang line names: node or python. */
export function shebangKind(text: string): FileKind | undefined {
  const line = /^#!([^\n]*)/.exec(text)?.[1] ?? "";
  if (/(^|[\s/])node(\s|$)/.test(line)) return "javascript";
  if (/(^|[\s/])python[\d.]*(\s|$)/.test(line)) return "python";
  return undefined;
}

export function isDockerfileName(base: string): boolean {
  return /^(Dockerfile|Containerfile)(\.[\w.-]+)?$/i.test(base) || /\.dockerfile$/i.test(base);
}

function isRequirementsPath(file: string): boolean {
  const base = path.basename(file).toLowerCase();
  if (/^requirements.*\.(txt|in)$/.test(base)) return true;
  return (
    base.endsWith(".txt") && path.basename(path.dirname(file)).toLowerCase() === "requirements"
  );
}

/** Folders of tests, fixtures, mocks and end-to-end suites (Cypress, Playwright, RSpec). */
const TEST_DIRS = [
  "tests?",
  "testing",
  "__tests__",
  "__fixtures__",
  "__mocks__",
  "fixtures",
  "testdata",
  "specs?",
  "e2e",
  "cypress",
];
const TEST_DIR = new RegExp(`(^|[\\\\/])(${TEST_DIRS.join("|")})[\\\\/]`, "i");

/** `test_x.py`, `x.test.ts`, `x.cy.ts`, `x.e2e-spec.ts`, `x_spec.rb`, `X.stories.tsx`. */
const TEST_FILES = [
  "test_[^\\\\/]*\\.py",
  "[^\\\\/]*_test\\.py",
  "conftest\\.py",
  "[^\\\\/]*\\.(test|spec|cy|e2e|e2e-spec)\\.[cm]?[jt]sx?",
  "[^\\\\/]*_spec\\.(rb|[cm]?[jt]sx?)",
  "[^\\\\/]*\\.stories\\.([cm]?[jt]sx?|mdx)",
];
const TEST_FILE = new RegExp(`(^|[\\\\/])(${TEST_FILES.join("|")})$`, "i");

/** Test, fixture and story files report at hint severity. */
export function isTestPath(file: string): boolean {
  return TEST_DIR.test(file) || TEST_FILE.test(file);
}
