import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  CodeActionKind,
  DiagnosticSeverity,
  type CodeAction,
  type Diagnostic,
  type WorkspaceEdit,
} from "vscode-languageserver/node";
import { ruleDocPath } from "../engine/rule";
import type { Fix, Locale, ResolvedFinding, Severity } from "../engine/types";

export const DIAGNOSTIC_SOURCE = "12-factor";

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function fileUri(file: string): string {
  return pathToFileURL(file).toString();
}

/**
 * The local path of a `file:` URI; undefined for other schemes (untitled documents, notebook
 * cells) and for file URIs that name no local path (another host, malformed percent-encoding).
 */
export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith("file:")) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** Rule documentation ships in the package, one folder above the bundle. */
export function ruleDocUri(rule: string): string {
  return fileUri(path.join(__dirname, "..", ruleDocPath(rule)));
}

export function toDiagnostic(finding: ResolvedFinding, locale: Locale): Diagnostic {
  return {
    range: finding.range,
    severity: SEVERITIES[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.rule,
    codeDescription: { href: ruleDocUri(finding.rule) },
    message: finding.message[locale],
    relatedInformation: finding.related?.map((r) => ({
      location: { uri: fileUri(r.file), range: r.range },
      message: r.message[locale],
    })),
    data: { rule: finding.rule },
  };
}

/** What an edit needs to know of the files it touches. */
export interface EditTargets {
  exists(file: string): boolean;
  /** The URI the editor knows a file by. */
  uriOf(file: string): string;
  /** The version of an open document; null for a file that is not open. */
  versionOf(file: string): number | null;
}

/**
 * Edits of open documents carry the version they were computed for, so an editor refuses them
 * once the document has changed.
 */
export function toWorkspaceEdit(fix: Fix, targets: EditTargets): WorkspaceEdit {
  const documentChanges: NonNullable<WorkspaceEdit["documentChanges"]> = [];
  for (const change of fix.changes) {
    const uri = targets.uriOf(change.file);
    if (!targets.exists(change.file)) {
      documentChanges.push({ kind: "create", uri, options: { ignoreIfExists: true } });
    }
    const textDocument = { uri, version: targets.versionOf(change.file) };
    documentChanges.push({ textDocument, edits: change.edits });
  }
  return { documentChanges };
}

export function toCodeAction(
  finding: ResolvedFinding,
  fix: Fix,
  diagnostic: Diagnostic,
  context: { locale: Locale; targets: EditTargets },
): CodeAction {
  const steps = (fix.byHand ?? []).map((step) => step[context.locale]);
  return {
    title: fix.title[context.locale],
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: fix.preferred,
    edit: toWorkspaceEdit(fix, context.targets),
    command:
      steps.length > 0
        ? { title: fix.title[context.locale], command: SHOW_STEPS_COMMAND, arguments: steps }
        : undefined,
  };
}

/** Run by the editor after a fix's edit: tells what the fix left to the user. */
export const SHOW_STEPS_COMMAND = "twelveFactor.server.showStepsByHand";

/** The message that command shows. */
export function stepsMessage(steps: unknown[], locale: Locale): string {
  const lines = steps.filter((s): s is string => typeof s === "string");
  return `${locale === "zh" ? "还需手动处理：" : "Still to do by hand: "}${lines.join(" ")}`;
}
