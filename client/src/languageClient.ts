import * as vscode from "vscode";
import {
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";

import { documentSelector, WATCHED_FILES } from "./documentSelector";
import { CLIENT_ID, CONFIG_SECTION } from "./ids";
import { currentSettings, isEnabled } from "./settings";

/** The inspector port of the server when the extension runs under a debugger. */
const DEBUG_PORT = 6011;

/** How the bundled server is started: Node IPC, with an inspector in debug sessions. */
export function serverOptions(context: vscode.ExtensionContext): ServerOptions {
  const module = context.asAbsolutePath("dist/server.js");

  return {
    run: { module, transport: TransportKind.ipc },
    debug: {
      module,
      transport: TransportKind.ipc,
      options: { execArgv: ["--nolazy", `--inspect=${DEBUG_PORT}`] },
    },
  };
}

/** File watchers whose events reach the server; they are disposed with the extension. */
export function createWatchers(context: vscode.ExtensionContext): vscode.FileSystemWatcher[] {
  const watchers = WATCHED_FILES.map((glob) => vscode.workspace.createFileSystemWatcher(glob));

  context.subscriptions.push(...watchers);
  return watchers;
}

export interface ClientParts {
  context: vscode.ExtensionContext;
  outputChannel: vscode.LogOutputChannel;
  watchers: vscode.FileSystemWatcher[];
}

export function createLanguageClient(parts: ClientParts): LanguageClient {
  const { context, outputChannel, watchers } = parts;
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    synchronize: {
      configurationSection: CONFIG_SECTION,
      fileEvents: watchers,
    },
    outputChannel,
    diagnosticCollectionName: CLIENT_ID,
    // Read on every (re)start, so a restart picks up the current settings.
    initializationOptions: () => ({ settings: currentSettings() }),
    middleware: {
      workspace: {
        // While the checks are being switched off the server is stopping: tell it nothing.
        didChangeConfiguration: (sections, next) =>
          isEnabled() ? next(sections) : Promise.resolve(),
      },
    },
  };

  return new LanguageClient(
    CLIENT_ID,
    "Twelve-Factor Doctor",
    serverOptions(context),
    clientOptions,
  );
}
