import * as vscode from "vscode";

import type { StatusParams } from "../../server/src/protocol";
import { documentSelector } from "./documentSelector";
import { Commands, STATUS_ITEM_ID } from "./ids";
import type { ServerState } from "./serverController";

/** The language status entry: whether the server is indexing or ready, and what it found. */
export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem(
    STATUS_ITEM_ID,
    documentSelector(),
  );

  constructor() {
    this.item.name = "Twelve-Factor Doctor";
    this.showState("starting");
  }

  showState(state: ServerState): void {
    this.item.busy = state === "starting";
    this.item.severity =
      state === "failed"
        ? vscode.LanguageStatusSeverity.Error
        : vscode.LanguageStatusSeverity.Information;
    this.item.text = stateText(state);
    this.item.detail = undefined;
    this.item.command = {
      title: vscode.l10n.t("Show Output"),
      command: Commands.showOutput,
    };
  }

  showStatus(status: StatusParams): void {
    const indexing = status.state === "indexing";

    this.item.busy = indexing;
    this.item.severity = vscode.LanguageStatusSeverity.Information;
    this.item.text = indexing
      ? vscode.l10n.t("Twelve-Factor: indexing…")
      : findingsText(status.findings);
    this.item.detail = indexing ? filesSoFarText(status.files) : filesCheckedText(status.files);
    this.item.command = {
      title: vscode.l10n.t("Show Fault Index"),
      command: Commands.showFaultIndex,
    };
  }

  dispose(): void {
    this.item.dispose();
  }
}

function findingsText(count: number): string {
  return count === 1
    ? vscode.l10n.t("Twelve-Factor: 1 finding")
    : vscode.l10n.t("Twelve-Factor: {0} findings", count);
}

function filesSoFarText(count: number): string {
  return count === 1 ? vscode.l10n.t("1 file so far") : vscode.l10n.t("{0} files so far", count);
}

function filesCheckedText(count: number): string {
  return count === 1 ? vscode.l10n.t("1 file checked") : vscode.l10n.t("{0} files checked", count);
}

function stateText(state: ServerState): string {
  switch (state) {
    case "starting":
      return vscode.l10n.t("Twelve-Factor: starting…");
    case "running":
      return vscode.l10n.t("Twelve-Factor: ready");
    case "stopped":
      return vscode.l10n.t("Twelve-Factor: stopped");
    case "failed":
      return vscode.l10n.t("Twelve-Factor: server failed");
    case "disabled":
      return vscode.l10n.t("Twelve-Factor: disabled");
  }
}
