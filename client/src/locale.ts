import * as vscode from "vscode";

import type { Locale } from "../../server/src/engine/types";

/** The side of the server's bilingual texts to show: Chinese for any `zh*` display language. */
export function displayLocale(language: string = vscode.env.language): Locale {
  return language.toLowerCase().startsWith("zh") ? "zh" : "en";
}
