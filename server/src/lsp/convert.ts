import * as path from "node:path";
import { pathToFileURL } from "node:url";
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

export function toWorkspaceEdit(fix: Fix, exists: (file: string) => boolean): WorkspaceEdit {
  const documentChanges: NonNullable<WorkspaceEdit["documentChanges"]> = [];
  for (const change of fix.changes) {
    const uri = fileUri(change.file);
    if (!exists(change.file)) {
      documentChanges.push({ kind: "create", uri, options: { ignoreIfExists: true } });
    }
    documentChanges.push({ textDocument: { uri, version: null }, edits: change.edits });
  }
  return { documentChanges };
}

export function toCodeAction(
  finding: ResolvedFinding,
  fix: Fix,
  diagnostic: Diagnostic,
  context: { locale: Locale; exists: (file: string) => boolean },
): CodeAction {
  return {
    title: fix.title[context.locale],
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: fix.preferred,
    edit: toWorkspaceEdit(fix, context.exists),
  };
}
