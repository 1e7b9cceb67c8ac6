import * as path from "node:path";
import { disposeParsed, isHelmTemplatePath, parseFile, type ParsedFile } from "../engine/parse";
import { fileKindOf } from "../engine/fileKind";
import type { FileKind } from "../engine/types";
import type { Workspace } from "./workspace";

const PROJECT_MARKERS = [
  "docker-compose.yml",
  "docker-compose.yaml",
  "compose.yaml",
  "compose.yml",
  ".git",
  ".env.example",
];

interface CacheEntry {
  text: string;
  parsed: ParsedFile | undefined;
}

/**
 * What cross-file rules read: every file of the workspace, parsed once per content and kept
 * current because each read compares the text the workspace has now (open documents included).
 */
export class WorkspaceModel {
  private readonly cache = new Map<string, CacheEntry>();
  private fileList: string[] | undefined;
  private included = new Set<string>();
  exclude: string[] = [];

  constructor(private readonly workspace: Workspace) {}

  /** Forgets the file list after files were created or deleted. */
  invalidateFiles(): void {
    this.fileList = undefined;
  }

  files(): string[] {
    if (!this.fileList) {
      const listed = this.workspace.listFiles({ exclude: this.exclude });
      this.included = this.requirementIncludes(listed);
      const extra = [...this.included].filter((file) => !listed.includes(file));
      this.fileList = [...listed, ...extra];
    }
    return this.fileList;
  }

  /**
   * Files that a requirements file pulls in with `-r` whatever their name (`-r deps/common.txt`):
   * pip installs them as requirements, so they are read as requirements.
   */
  private requirementIncludes(listed: string[]): Set<string> {
    const found = new Set<string>();
    const queue = listed.filter((file) => fileKindOf(file) === "requirements");
    while (queue.length > 0) {
      const file = queue.pop() as string;
      const parsed = found.has(file) ? this.parsedAs(file, "requirements") : this.parsed(file);
      for (const entry of parsed?.requirements?.entries ?? []) {
        if (entry.type !== "include" || entry.option !== "-r") continue;
        const target = path.resolve(path.dirname(file), entry.target);
        if (found.has(target) || fileKindOf(target) || !this.workspace.exists(target)) continue;
        found.add(target);
        queue.push(target);
      }
    }
    return found;
  }

  /** A file parsed as the given kind, outside the cache (an include not yet known as one). */
  private parsedAs(file: string, kind: FileKind): ParsedFile | undefined {
    const text = this.workspace.readText(file);
    return text === undefined ? undefined : parseFile(file, text, { kind });
  }

  /** The kind a file has only because a requirements file includes it. */
  includedKind(file: string): FileKind | undefined {
    // Read again each time: an edit of a requirements file may have added the include.
    this.included = this.requirementIncludes(this.files());
    return this.included.has(file) ? "requirements" : undefined;
  }

  /** The parsed file as the workspace has it now, or undefined when it cannot be read. */
  parsed(file: string): ParsedFile | undefined {
    const text = this.workspace.readText(file);
    if (text === undefined) return undefined;
    const cached = this.cache.get(file);
    const stale = !cached?.parsed && this.included.has(file);
    if (cached && cached.text === text && !stale) return cached.parsed;
    if (cached?.parsed) disposeParsed(cached.parsed);
    let parsed: ParsedFile | undefined;
    try {
      const helmChart = isHelmTemplatePath(file, (p) => this.workspace.exists(p));
      const kind = this.included.has(file) ? "requirements" : undefined;
      parsed = parseFile(file, text, { helmChart, root: this.workspace.rootOf(file), kind });
    } catch {
      parsed = undefined;
    }
    this.cache.set(file, { text, parsed });
    return parsed;
  }

  /**
   * The folder of the project a file belongs to: the nearest folder above it with a compose
   * file, a `.git` folder or a `.env.example`, else the workspace root. Cross-file rules compare
   * files of one project only, so two services side by side in one workspace stay apart.
   */
  projectRootOf(file: string): string {
    const marker = this.workspace.findUp(file, PROJECT_MARKERS);
    return marker ? path.dirname(marker) : this.workspace.rootOf(file);
  }

  /** The files of the given kinds in the same project as `file`. */
  projectFilesOfKind(file: string, ...kinds: FileKind[]): ParsedFile[] {
    const root = this.projectRootOf(file);
    return this.filesOfKind(...kinds).filter((p) => p.path.startsWith(root + path.sep));
  }

  /**
   * The files of the given kinds a cross-file rule compares `file` with: those of its own
   * project when the project has any (so twin services in one workspace stay apart), else every
   * one of the workspace (a compose file in `dev/` beside manifests in `deploy/`).
   */
  relatedFilesOfKind(file: string, ...kinds: FileKind[]): ParsedFile[] {
    const own = this.projectFilesOfKind(file, ...kinds).filter((p) => p.path !== file);
    return own.length > 0 ? own : this.filesOfKind(...kinds).filter((p) => p.path !== file);
  }

  /** Every file of the given kinds (compose and Kubernetes are told apart by content). */
  filesOfKind(...kinds: FileKind[]): ParsedFile[] {
    const result: ParsedFile[] = [];
    for (const file of this.files()) {
      const parsed = this.parsed(file);
      if (parsed && kinds.includes(parsed.kind)) result.push(parsed);
    }
    return result;
  }
}
