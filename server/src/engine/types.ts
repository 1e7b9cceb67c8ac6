/** The vocabulary shared by the engine, the rules and every view of a finding. */

export type Severity = "error" | "warning" | "info" | "hint";

export const SEVERITY_ORDER: readonly Severity[] = ["hint", "info", "warning", "error"];

/** The handbook's six fault categories. */
export type Category = "startup" | "data-loss" | "parity" | "performance" | "security" | "scaling";

export const CATEGORIES: readonly Category[] = [
  "startup",
  "data-loss",
  "parity",
  "performance",
  "security",
  "scaling",
];

/** What a file is, decided from its name, language id and content. */
export type FileKind =
  | "python"
  | "javascript"
  | "typescript"
  | "dockerfile"
  | "compose"
  | "kubernetes"
  | "yaml"
  | "requirements"
  | "package-json"
  | "pyproject"
  | "dotenv"
  | "procfile"
  | "gitignore"
  | "text";

/** Text in English and Simplified Chinese. */
export interface Localized {
  en: string;
  zh: string;
}

export type Locale = keyof Localized;

/** 0-based line and UTF-16 character, as in LSP. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/** A command to run after a change, which a fix cannot run itself: it only edits files. */
export interface FollowUp {
  /** What to run, e.g. `npm install`. */
  command: string;
  /** Absolute path of the file the command brings up to date, e.g. the lock file. */
  updates: string;
}

/** Edits to one file; `create` makes the file first when it does not exist. */
export interface FileChange {
  file: string;
  edits: TextEdit[];
  create?: boolean;
  /** Set when the change leaves another file stale (a lock file after a manifest edit). */
  followUp?: FollowUp;
}

export interface Fix {
  title: Localized;
  changes: FileChange[];
  /** The fix the editor applies on "fix all" and offers first. */
  preferred?: boolean;
  /** Steps a fix cannot take and the user must, once it is applied (the CLI lists them). */
  byHand?: Localized[];
  /**
   * The fix moves a value the program already used into `.env`. Fixing everything applies such
   * fixes first, so a fix that only needs the variable (a Redis store wants `REDIS_URL`) finds
   * the program's own value instead of adding a local default under another name.
   */
  movesValue?: boolean;
}

export interface RelatedLocation {
  file: string;
  range: Range;
  message: Localized;
}

export interface Finding {
  rule: string;
  /** Absolute path of the file the finding sits in. */
  file: string;
  range: Range;
  message: Localized;
  /** Set when the rule lowers or raises its default for this one finding. */
  severity?: Severity;
  fixes: Fix[];
  related?: RelatedLocation[];
}

/** A finding after settings and suppressions have applied. */
export interface ResolvedFinding extends Finding {
  severity: Severity;
  factors: number[];
  categories: Category[];
}

export interface RuleMeta {
  id: string;
  /** Twelve-Factor numbers. */
  factors: number[];
  categories: Category[];
  severity: Severity;
  kinds: FileKind[];
  fixable: boolean;
  title: Localized;
  description: Localized;
  /** Section of the handbook the rule comes from, by category. */
  handbook: Category;
}
