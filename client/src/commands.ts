import * as vscode from "vscode";

import type { FaultIndexTreeProvider } from "./faultIndexTree";
import { Commands, FAULT_INDEX_VIEW_ID } from "./ids";
import type { ServerController } from "./serverController";

export interface CommandTargets {
  tree: FaultIndexTreeProvider;
  server: ServerController;
  output: vscode.LogOutputChannel;
}

/** The extension's commands, registered for the lifetime of the extension. */
export function registerCommands(context: vscode.ExtensionContext, targets: CommandTargets): void {
  const { tree, server, output } = targets;

  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.showFaultIndex, () =>
      vscode.commands.executeCommand(`${FAULT_INDEX_VIEW_ID}.focus`),
    ),
    vscode.commands.registerCommand(Commands.refreshFaultIndex, () => tree.refresh()),
    vscode.commands.registerCommand(Commands.restartServer, () => server.restart()),
    vscode.commands.registerCommand(Commands.showOutput, () => output.show(true)),
  );
}
