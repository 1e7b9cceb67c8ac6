import * as vscode from "vscode";

import { registerCommands } from "./commands";
import { FaultIndexTreeProvider } from "./faultIndexTree";
import { CONFIG_SECTION, FAULT_INDEX_VIEW_ID } from "./ids";
import { createLanguageClient, createWatchers } from "./languageClient";
import { displayLocale } from "./locale";
import { ServerController, type ServerState } from "./serverController";
import { StatusItem } from "./statusItem";

/** What `activate` hands to other extensions and to tests. */
export interface ExtensionApi {
  faultIndexProvider: FaultIndexTreeProvider;
}

let server: ServerController | undefined;

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const output = vscode.window.createOutputChannel("Twelve-Factor Doctor", { log: true });
  const status = new StatusItem();
  const tree = new FaultIndexTreeProvider({
    fetch: () => controller.requestFaultIndex(),
    locale: displayLocale(),
  });
  const watchers = createWatchers(context);
  const controller = new ServerController(
    () => createLanguageClient({ context, outputChannel: output, watchers }),
    {
      onState: (state) => onServerState(state, status, tree),
      onStatus: (params) => status.showStatus(params),
      onFindingsChanged: () => tree.scheduleRefresh(),
    },
    output,
  );

  server = controller;
  context.subscriptions.push(output, status, controller, tree);
  context.subscriptions.push(
    vscode.window.registerTreeDataProvider(FAULT_INDEX_VIEW_ID, tree),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${CONFIG_SECTION}.enable`)) {
        void controller.start();
      }
    }),
  );
  registerCommands(context, { tree, server: controller, output });
  logStart(context, output);

  // The view waits for this start through the controller; activation does not.
  void controller.start();
  return { faultIndexProvider: tree };
}

export function deactivate(): Promise<void> | undefined {
  const stopping = server?.shutdown();

  server = undefined;
  return stopping;
}

function onServerState(state: ServerState, status: StatusItem, tree: FaultIndexTreeProvider): void {
  status.showState(state);
  if (state !== "starting") {
    tree.refresh();
  }
}

function logStart(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): void {
  const version = String(context.extension.packageJSON.version ?? "unknown");

  output.info(
    `Twelve-Factor Doctor ${version} in VS Code ${vscode.version} (${vscode.env.language})`,
  );
}
