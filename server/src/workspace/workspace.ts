import * as fs from "node:fs";
import * as path from "node:path";
import ignore, { type Ignore } from "ignore";
import { fileKindOf, mayBeScript } from "../engine/fileKind";
import { decodeText } from "./decode";
import { WorkspaceModel } from "./model";

/** Files larger than this are not analysed. */
export const MAX_FILE_BYTES = 1024 * 1024;

type Warn = (message: string) => void;

const SKIPPED_DIRS = new Set([
  "node_modules",
  ".git",
  ".hg",
  ".svn",
  "__pycache__",
  ".venv",
  "venv",
  ".tox",
  ".mypy_cache",
  ".pytest_cache",
  "dist",
  "build",
  ".next",
  "out",
  "site-packages",
  ".tools",
]);

export interface WalkOptions {
  /** Extra ignore globs (settings, `.twelve-factor.yaml`). */
  exclude?: string[];
}

/**
 * The files of the workspace: open documents overlay the disk, so a rule reading `.env.example`
 * or a manifest sees what the user sees in the editor.
 */
export class Workspace {
  private readonly overlay = new Map<string, string>();
  /** Parsed files for rules that read more than one file. */
  readonly model: WorkspaceModel = new WorkspaceModel(this);

  private readonly warned = new Set<string>();

  /** `warn` hears, once each, about files the workspace had to leave out (ignore files). */
  constructor(
    readonly roots: string[],
    private readonly warn: Warn = () => undefined,
  ) {}

  /** Sets the editor's text of an open file; undefined when the file was closed. */
  setOverlay(file: string, text: string | undefined): void {
    if (text === undefined) this.overlay.delete(file);
    else this.overlay.set(file, text);
  }

  isOpen(file: string): boolean {
    return this.overlay.has(file);
  }

  readText(file: string): string | undefined {
    const open = this.overlay.get(file);
    if (open !== undefined) return open;
    try {
      const stat = fs.statSync(file);
      if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return undefined;
      return decodeText(fs.readFileSync(file));
    } catch {
      return undefined;
    }
  }

  /** The size of a file on disk that is not analysed because it is over the limit. */
  oversized(file: string): number | undefined {
    if (this.overlay.has(file)) return undefined;
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    return stat?.isFile() && stat.size > MAX_FILE_BYTES ? stat.size : undefined;
  }

  exists(file: string): boolean {
    return this.overlay.has(file) || fs.existsSync(file);
  }

  /** The workspace root that holds a file, or its folder when none does. */
  rootOf(file: string): string {
    const inside = this.roots.filter((r) => file === r || file.startsWith(r + path.sep));
    return inside.sort((a, b) => b.length - a.length)[0] ?? path.dirname(file);
  }

  /** The nearest file with one of the names, from the file's folder up to its root. */
  findUp(file: string, names: readonly string[]): string | undefined {
    const root = this.rootOf(file);
    let dir = path.dirname(file);
    for (;;) {
      for (const name of names) {
        const candidate = path.join(dir, name);
        if (this.exists(candidate)) return candidate;
      }
      if (dir === root || !dir.startsWith(root)) return undefined;
      const parent = path.dirname(dir);
      if (parent === dir) return undefined;
      dir = parent;
    }
  }

  /** Every analysable file under the roots, honouring `.gitignore` files on the way down. */
  listFiles(options: WalkOptions = {}): string[] {
    const files: string[] = [];
    const warn = (message: string) => {
      if (!this.warned.has(message)) this.warn(message);
      this.warned.add(message);
    };
    for (const root of this.roots) {
      const rules = ignore().add(options.exclude ?? []);
      walk(root, [{ base: root, rules }], { files, warn });
    }
    return files;
  }
}

interface IgnoreScope {
  base: string;
  rules: Ignore;
}

function isIgnored(file: string, isDir: boolean, scopes: IgnoreScope[]): boolean {
  return scopes.some((scope) => {
    const relative = path.relative(scope.base, file).split(path.sep).join("/");
    return relative !== "" && scope.rules.ignores(isDir ? `${relative}/` : relative);
  });
}

/**
 * The text of an ignore file, or undefined when there is none or it cannot be read: a folder,
 * a FIFO (reading it would block), a file the user may not read, binary content.
 */
function readIgnoreFile(file: string, warn: Warn): string | undefined {
  let problem: string;
  try {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat) return undefined;
    if (!stat.isFile()) problem = "not a regular file";
    else if (stat.size > MAX_FILE_BYTES) problem = "over the size limit";
    else {
      const text = decodeText(fs.readFileSync(file));
      if (text !== undefined) return text;
      problem = "binary content";
    }
  } catch (error) {
    problem = (error as Error).message;
  }
  warn(`Could not read ${file} (${problem}); its ignore rules are not applied`);
  return undefined;
}

interface WalkState {
  files: string[];
  warn: Warn;
}

function walk(dir: string, scopes: IgnoreScope[], state: WalkState): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  const gitignore = readIgnoreFile(path.join(dir, ".gitignore"), state.warn);
  const local =
    gitignore === undefined ? scopes : [...scopes, { base: dir, rules: ignore().add(gitignore) }];

  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (SKIPPED_DIRS.has(entry.name) || isIgnored(full, true, local)) continue;
      walk(full, local, state);
    } else if (
      entry.isFile() &&
      (fileKindOf(full) || mayBeScript(full)) &&
      !isIgnored(full, false, local)
    ) {
      state.files.push(full);
    }
  }
}
