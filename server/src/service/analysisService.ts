import * as path from "node:path";
import { Engine, type EngineLogger } from "../engine/engine";
import { readProjectSettings } from "../engine/projectConfig";
import { DEFAULT_SETTINGS, mergeSettings, type Settings } from "../engine/settings";
import type { ResolvedFinding } from "../engine/types";
import { RULES } from "../rules";
import { MAX_FILE_BYTES, Workspace } from "../workspace/workspace";

const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((rule) => rule.meta.id));

export interface ServiceLogger extends EngineLogger {
  info(message: string): void;
  debug(message: string): void;
  warn(message: string): void;
}

/**
 * Analysis of one file over this many milliseconds is logged, as information: the first file of
 * a workspace also pays for reading the manifests the cross-file rules compare.
 */
const SLOW_FILE_MS = 250;

/** Names whose change can alter the findings of other files. */
const WORKSPACE_MODEL_FILE =
  /(^|[\\/])(\.env[^\\/]*|\.gitignore|\.twelve-factor\.yaml|package(-lock)?\.json|requirements[^\\/]*\.(txt|in)|requirements[\\/][^\\/]*\.txt|pyproject\.toml|Procfile|[^\\/]*\.ya?ml|Dockerfile[^\\/]*|npm-shrinkwrap\.json|yarn\.lock|bun\.lockb?|(poetry|uv|pdm|Pipfile)\.lock|Pipfile|setup\.(cfg|py)|[tj]sconfig\.json)$/i;

/**
 * The findings of the whole workspace, kept current as files change. Knows nothing of LSP:
 * the server wires it to a connection, the CLI and tests call it directly.
 */
export class AnalysisService {
  readonly workspace: Workspace;
  readonly engine: Engine;
  private readonly findings = new Map<string, ResolvedFinding[]>();
  private readonly indexed = new Set<string>();
  /** Open files whose text is over the size limit, left unanalysed as large files on disk are. */
  private readonly tooLarge = new Set<string>();
  private editorSettings: Settings = DEFAULT_SETTINGS;
  /** The last error logged for each root's `.twelve-factor.yaml`, so it is logged once. */
  private readonly projectErrors = new Map<string, string>();

  constructor(
    roots: string[],
    private readonly logger: ServiceLogger,
  ) {
    const warn = (message: string) => logger.warn(message);
    this.workspace = new Workspace(
      roots.map((r) => path.resolve(r)),
      warn,
    );
    this.engine = new Engine(RULES, this.workspace, logger);
  }

  setEditorSettings(settings: Settings): void {
    this.editorSettings = settings;
  }

  /** Effective settings of a file: the editor's, then its root's `.twelve-factor.yaml`. */
  settingsFor(file: string): Settings {
    const root = this.workspace.rootOf(file);
    const project = readProjectSettings(this.workspace, root, RULE_IDS);
    const problems = project.error ? [project.error] : (project.warnings ?? []);
    const said = problems.join("\n");
    if (said && this.projectErrors.get(root) !== said) {
      for (const problem of problems) this.logger.warn(problem);
    }
    if (said) this.projectErrors.set(root, said);
    else this.projectErrors.delete(root);
    return project.settings
      ? mergeSettings(this.editorSettings, project.settings)
      : this.editorSettings;
  }

  /**
   * Sets the editor's text of an open file, or clears it (undefined) when the file is closed.
   * Text over the size limit of files on disk is not analysed: rules then see the file on disk.
   */
  setOpenText(file: string, text: string | undefined): void {
    if (text !== undefined && isTooLarge(text)) {
      if (!this.tooLarge.has(file)) {
        const megabytes = (Buffer.byteLength(text) / 1024 / 1024).toFixed(1);
        const limit = MAX_FILE_BYTES / 1024 / 1024;
        this.logger.info(`Not analysing ${file}: too large (${megabytes} MB, limit ${limit} MB)`);
      }
      this.tooLarge.add(file);
      this.workspace.setOverlay(file, undefined);
      return;
    }
    this.tooLarge.delete(file);
    this.workspace.setOverlay(file, text);
  }

  /** Lists the workspace's files; returns them for analysis. */
  index(): string[] {
    const exclude = this.workspace.roots.flatMap(
      (root) => this.settingsFor(path.join(root, "x")).exclude,
    );
    this.workspace.model.exclude = exclude;
    this.workspace.model.invalidateFiles();
    const files = this.workspace.model.files();
    files.forEach((f) => this.indexed.add(f));
    return files;
  }

  /** Files known to the service: indexed or opened. */
  knownFiles(): string[] {
    return [...new Set([...this.indexed, ...this.findings.keys()])];
  }

  analyse(file: string): ResolvedFinding[] {
    const text = this.tooLarge.has(file) ? undefined : this.workspace.readText(file);
    if (text === undefined) {
      this.findings.delete(file);
      return [];
    }
    const started = performance.now();
    const open = this.workspace.isOpen(file);
    if (!open) this.engine.forgetTree(file);
    const result = this.engine.analyse(file, text, this.settingsFor(file), open);
    const elapsed = performance.now() - started;
    this.logger.debug(`Analysed ${file} in ${elapsed.toFixed(1)} ms`);
    if (elapsed > SLOW_FILE_MS)
      this.logger.info(`Analysis of ${file} took ${elapsed.toFixed(0)} ms`);
    this.findings.set(file, result.findings);
    return result.findings;
  }

  /** A file was created or deleted on disk. */
  filesChanged(): void {
    this.workspace.model.invalidateFiles();
  }

  forget(file: string): void {
    this.findings.delete(file);
    this.indexed.delete(file);
  }

  findingsOf(file: string): ResolvedFinding[] {
    return this.findings.get(file) ?? [];
  }

  allFindings(): ResolvedFinding[] {
    return [...this.findings.values()].flat();
  }

  /** Whether a change to this file can change other files' findings. */
  affectsOthers(file: string): boolean {
    return WORKSPACE_MODEL_FILE.test(file);
  }
}

/** Whether a text takes more bytes in UTF-8 than a file the service analyses may. */
function isTooLarge(text: string): boolean {
  if (text.length > MAX_FILE_BYTES) return true;
  return text.length * 3 > MAX_FILE_BYTES && Buffer.byteLength(text) > MAX_FILE_BYTES;
}
