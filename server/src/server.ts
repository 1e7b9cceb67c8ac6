import * as path from "node:path";
import { TextDocument } from "vscode-languageserver-textdocument";
import {
  CodeActionKind,
  createConnection,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type InitializeParams,
} from "vscode-languageserver/node";
import { normalizeSettings } from "./engine/settings";
import type { Locale } from "./engine/types";
import { buildFaultIndex } from "./handbook/faultIndex";
import { initPython } from "./languages/python";
import {
  filePathOf,
  SHOW_STEPS_COMMAND,
  stepsMessage,
  toCodeAction,
  toDiagnostic,
  type EditTargets,
} from "./lsp/convert";
import { OpenDocuments } from "./lsp/openDocuments";
import { Scheduler } from "./lsp/scheduler";
import {
  FAULT_INDEX_REQUEST,
  FINDINGS_CHANGED_NOTIFICATION,
  STATUS_NOTIFICATION,
  type StatusParams,
} from "./protocol";
import { AnalysisService } from "./service/analysisService";
import { PRODUCT } from "./product";

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const open = new OpenDocuments(documents);
let service: AnalysisService | undefined;
let locale: Locale = "en";
let pullsConfiguration = false;

const logger = {
  info: (m: string) => connection.console.info(m),
  warn: (m: string) => connection.console.warn(m),
  error: (m: string) => connection.console.error(m),
  debug: (m: string) => connection.console.debug(m),
};

function rootsOf(params: InitializeParams): string[] {
  const uris =
    params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  return uris.map(filePathOf).filter((root): root is string => root !== undefined);
}

connection.onInitialize(async (params) => {
  await initPython();
  locale = (params.locale ?? "en").toLowerCase().startsWith("zh") ? "zh" : "en";
  pullsConfiguration = !!params.capabilities.workspace?.configuration;
  service = new AnalysisService(rootsOf(params), logger);
  service.setEditorSettings(normalizeSettings(params.initializationOptions?.settings));
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      executeCommandProvider: { commands: [SHOW_STEPS_COMMAND] },
    },
    serverInfo: { name: PRODUCT.id, version: PRODUCT.version },
  };
});

const scheduler = new Scheduler({
  analyse: (file) => publish(file),
  everything: () => service?.knownFiles() ?? [],
  affectsOthers: (file) => service?.affectsOthers(file) ?? false,
  done: () => notifyFindingsChanged(),
  failed: (file, error) => logger.error(`Could not analyse ${file}: ${String(error)}`),
});

function publish(file: string): void {
  if (!service) return;
  const findings = service.analyse(file);
  open.analysed(file);
  const diagnostics = findings.map((f) => toDiagnostic(f, locale));
  const version = open.versionOf(file) ?? undefined;
  void connection.sendDiagnostics({ uri: open.uriOf(file), version, diagnostics });
}

function notifyFindingsChanged(): void {
  if (!service) return;
  const status: StatusParams = {
    state: "ready",
    files: service.knownFiles().length,
    findings: service.allFindings().length,
  };
  void connection.sendNotification(STATUS_NOTIFICATION, status);
  void connection.sendNotification(FINDINGS_CHANGED_NOTIFICATION);
}

let appliedSettings = "";

/** Reads the editor's settings; true when they differ from the ones in force. */
async function refreshSettings(pushed?: unknown): Promise<boolean> {
  if (!service || (!pullsConfiguration && pushed === undefined)) return false;
  const raw: unknown = pullsConfiguration
    ? await connection.workspace.getConfiguration("twelveFactor")
    : pushed;
  const settings = normalizeSettings(raw);
  const serialized = JSON.stringify(settings);
  if (serialized === appliedSettings) return false;
  appliedSettings = serialized;
  service.setEditorSettings(settings);
  logger.info(`Settings: ${serialized}`);
  return true;
}

connection.onInitialized(async () => {
  if (!service) return;
  logger.info(`${PRODUCT.name} ${PRODUCT.version}, roots: ${service.workspace.roots.join(", ")}`);
  await refreshSettings();
  void connection.sendNotification(STATUS_NOTIFICATION, {
    state: "indexing",
    files: 0,
    findings: 0,
  });
  const files = service.index();
  logger.info(`Indexed ${files.length} files`);
  scheduler.runAll(files);
});

connection.onDidChangeConfiguration(async (change) => {
  const pushed = (change.settings as { twelveFactor?: unknown } | undefined)?.twelveFactor;
  if (await refreshSettings(pushed)) scheduler.runAll(service?.knownFiles() ?? []);
});

documents.onDidChangeContent(({ document }) => {
  const file = open.track(document.uri);
  if (!file || !service) return;
  service.setOpenText(file, document.getText());
  scheduler.schedule(file);
});

documents.onDidClose(({ document }) => {
  const file = open.untrack(document.uri);
  if (!file || !service) return;
  service.setOpenText(file, undefined);
  scheduler.schedule(file);
});

connection.onDidChangeWatchedFiles(({ changes }) => {
  for (const change of changes) {
    const file = filePathOf(change.uri);
    if (!file || !service || documents.get(change.uri)) continue;
    if (change.type !== 2) {
      // A file appeared or went away: imports, manifests and cross-file findings may change.
      service.filesChanged();
      scheduler.scheduleAll();
    }
    if (change.type === 3) {
      service.forget(file);
      void connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
    }
    scheduler.schedule(file);
  }
});

connection.onExecuteCommand(({ command, arguments: steps }) => {
  if (command !== SHOW_STEPS_COMMAND || !steps?.length) return;
  const message = stepsMessage(steps, locale);
  void connection.sendNotification(ShowMessageNotification.type, {
    type: MessageType.Info,
    message,
  });
});

connection.onCodeAction(async ({ textDocument, range, context }, token) => {
  const file = filePathOf(textDocument.uri);
  if (!file || !service) return [];
  // Fixes come from the text the editor has now: wait for the analysis a change scheduled.
  if (open.isStale(file) && !(await scheduler.whenAnalysed(file))) publish(file);
  if (token.isCancellationRequested || open.isStale(file)) return [];
  const current = service;
  const targets: EditTargets = {
    exists: (f) => current.workspace.exists(f),
    uriOf: (f) => open.uriOf(f),
    versionOf: (f) => open.versionOf(f),
  };
  const actions: CodeAction[] = [];
  for (const finding of current.findingsOf(file)) {
    const touches =
      finding.range.start.line <= range.end.line && finding.range.end.line >= range.start.line;
    if (!touches) continue;
    const diagnostic =
      context.diagnostics.find(
        (d) => d.code === finding.rule && d.range.start.line === finding.range.start.line,
      ) ?? toDiagnostic(finding, locale);
    for (const fix of finding.fixes) {
      actions.push(toCodeAction(finding, fix, diagnostic, { locale, targets }));
    }
  }
  return actions;
});

connection.onRequest(FAULT_INDEX_REQUEST, () => {
  return buildFaultIndex(service?.allFindings() ?? []);
});

connection.onShutdown(() => scheduler.dispose());

documents.listen(connection);
connection.listen();

export const serverRoot = path.dirname(__filename);
