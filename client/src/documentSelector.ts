/** The documents the server checks: by language id, and by file name for the rest. */

export interface FileFilter {
  scheme: "file";
  language?: string;
  pattern?: string;
}

const LANGUAGES = [
  "python",
  "javascript",
  "typescript",
  "javascriptreact",
  "typescriptreact",
  "yaml",
  "dockerfile",
  "json",
  "jsonc",
  "pip-requirements",
  "dotenv",
];

/** Files that VS Code may open as plain text or properties when no other extension claims them. */
const NAMED_PLAIN_FILES: [language: string, pattern: string][] = [
  ["properties", "**/.env*"],
  ["plaintext", "**/.env*"],
  ["plaintext", "**/Procfile"],
];

const PATTERNS = [
  "**/requirements*.txt",
  "**/requirements*.in",
  "**/requirements/*.txt",
  "**/pyproject.toml",
  "**/.gitignore",
  "**/Dockerfile*",
  "**/*.Dockerfile",
  "**/.env*",
  "**/Procfile",
];

/** A fresh array each call, so the language client and the status item never share one. */
export function documentSelector(): FileFilter[] {
  return [
    ...LANGUAGES.map((language): FileFilter => ({ scheme: "file", language })),
    ...NAMED_PLAIN_FILES.map(
      ([language, pattern]): FileFilter => ({
        scheme: "file",
        language,
        pattern,
      }),
    ),
    ...PATTERNS.map((pattern): FileFilter => ({ scheme: "file", pattern })),
  ];
}

/** Files whose changes on disk the server hears about, open in an editor or not. */
export const WATCHED_FILES = [
  "**/*.{py,js,mjs,cjs,jsx,ts,mts,cts,tsx,json,yaml,yml,toml,cfg,txt,lock}",
  "**/{Dockerfile*,*.Dockerfile,Procfile,Pipfile,.env*,.gitignore,.twelve-factor.yaml}",
];
