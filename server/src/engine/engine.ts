import * as path from "node:path";
import picomatch from "picomatch";
import { PythonTreeCache } from "../languages/pythonIncremental";
import { ScriptTreeCache } from "../languages/scriptIncremental";
import type { Workspace } from "../workspace/workspace";
import { withFollowUpTitle } from "./followUps";
import { fileKindOf } from "./fileKind";
import { disposeParsed, isHelmTemplatePath, parseFile, type ParsedFile } from "./parse";
import type { Rule, RuleContext } from "./rule";
import type { Settings } from "./settings";
import { isSuppressed, suppressionsOf } from "./suppression";
import type { Finding, ResolvedFinding } from "./types";

export interface EngineLogger {
  error(message: string): void;
}

export interface AnalysisResult {
  findings: ResolvedFinding[];
  /** Set when the file could not be read at all; the message says why. */
  failure?: string;
}

/** Runs the rules of a file's kind, isolates a crashing rule, applies settings. */
export class Engine {
  private readonly reportedCrashes = new Set<string>();
  private readonly trees = { python: new PythonTreeCache(), script: new ScriptTreeCache() };

  constructor(
    readonly rules: readonly Rule[],
    private readonly workspace: Workspace,
    private readonly logger: EngineLogger,
  ) {}

  isExcluded(file: string, settings: Settings): boolean {
    if (settings.exclude.length === 0) return false;
    const relative = path.relative(this.workspace.rootOf(file), file).split(path.sep).join("/");
    return picomatch.isMatch(relative, settings.exclude, { dot: true });
  }

  /**
   * Analyses one file. With `incremental`, the file's syntax tree is kept and the next call
   * re-parses only what changed (for documents open in an editor).
   */
  analyse(file: string, text: string, settings: Settings, incremental = false): AnalysisResult {
    if (!settings.enable || this.isExcluded(file, settings)) return { findings: [] };
    let parsed: ParsedFile | undefined;
    try {
      const helmChart = isHelmTemplatePath(file, (p) => this.workspace.exists(p));
      parsed = parseFile(file, text, {
        helmChart,
        root: this.workspace.rootOf(file),
        kind: fileKindOf(file) ? undefined : this.workspace.model.includedKind(file),
        incremental: incremental ? this.trees : undefined,
      });
    } catch (error) {
      this.logger.error(`Could not parse ${file}: ${describe(error)}`);
      return { findings: [], failure: describe(error) };
    }
    if (!parsed) return { findings: [] };
    try {
      return { findings: this.runRules(parsed, settings) };
    } finally {
      disposeParsed(parsed);
    }
  }

  /** Drops the kept syntax tree of a file that was closed. */
  forgetTree(file: string): void {
    this.trees.python.forget(file);
    this.trees.script.forget(file);
  }

  private runRules(parsed: ParsedFile, settings: Settings): ResolvedFinding[] {
    const raw: Finding[] = [];
    for (const rule of this.rules) {
      if (!rule.meta.kinds.includes(parsed.kind) || settings.rules[rule.meta.id] === "off")
        continue;
      const context: RuleContext = {
        file: parsed,
        workspace: this.workspace,
        report: (r) => raw.push({ fixes: [], ...r, rule: rule.meta.id, file: parsed.path }),
      };
      try {
        rule.check(context);
      } catch (error) {
        this.reportCrash(rule.meta.id, parsed.path, error);
      }
    }
    return this.resolve(parsed, raw, settings);
  }

  private resolve(parsed: ParsedFile, raw: Finding[], settings: Settings): ResolvedFinding[] {
    const suppressed = suppressionsOf(parsed.source);
    const byId = new Map(this.rules.map((r) => [r.meta.id, r.meta]));
    const editable = this.editableFiles();
    const resolved: ResolvedFinding[] = [];
    for (const finding of raw) {
      const meta = byId.get(finding.rule);
      if (!meta || isSuppressed(suppressed, finding.range.start.line, finding.rule)) continue;
      const configured = settings.rules[finding.rule];
      let severity = finding.severity ?? meta.severity;
      if (configured && configured !== "off") severity = configured;
      if (parsed.isTest && finding.rule !== "secret-known-format") severity = "hint";
      resolved.push({
        ...finding,
        severity,
        factors: meta.factors,
        categories: meta.categories,
        fixes: finding.fixes
          .filter((fix) => fix.changes.every((change) => editable(change.file)))
          .map(withFollowUpTitle),
      });
    }
    return resolved.sort(
      (a, b) =>
        a.range.start.line - b.range.start.line ||
        a.range.start.character - b.range.start.character,
    );
  }

  /**
   * Whether a fix may edit a file: it is missing (the fix creates it) or readable as text. Edits
   * computed for a file that exists but cannot be read (binary, too large, not a file) would
   * treat it as empty and overwrite it.
   */
  private editableFiles(): (file: string) => boolean {
    const known = new Map<string, boolean>();
    return (file) => {
      let editable = known.get(file);
      if (editable === undefined) {
        editable = this.workspace.readText(file) !== undefined || !this.workspace.exists(file);
        known.set(file, editable);
      }
      return editable;
    };
  }

  private reportCrash(rule: string, file: string, error: unknown): void {
    const key = `${rule}\0${file}`;
    if (this.reportedCrashes.has(key)) return;
    this.reportedCrashes.add(key);
    const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.logger.error(`Rule ${rule} failed on ${file}; the other rules still ran.\n${stack}`);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
