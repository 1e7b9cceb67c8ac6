/** Reads of the `twelveFactor` settings, in one place. */
import * as vscode from "vscode";

import { CONFIG_SECTION } from "./ids";

/** Off only when no workspace folder turns the checks on; the server honours each folder. */
export function isEnabled(): boolean {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const scopes = folders.length > 0 ? folders.map((folder) => folder.uri) : [undefined];

  return scopes.some((scope) =>
    vscode.workspace.getConfiguration(CONFIG_SECTION, scope).get<boolean>("enable", true),
  );
}

/** The settings as plain data, the shape the server normalises. */
export function currentSettings(): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration(CONFIG_SECTION);

  return {
    enable: config.get<boolean>("enable", true),
    rules: config.get<Record<string, string>>("rules", {}),
    exclude: config.get<string[]>("exclude", []),
  };
}
