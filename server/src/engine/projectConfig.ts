import * as path from "node:path";
import { parseDocument } from "yaml";
import type { Workspace } from "../workspace/workspace";
import { normalizeSettings, type Settings } from "./settings";

export const PROJECT_CONFIG = ".twelve-factor.yaml";

/**
 * Reads `.twelve-factor.yaml` at a root: `rules` (id → severity or off) and `ignore` (globs).
 * A broken file yields no settings and an error message, never an exception: the caller logs
 * it and goes on with the defaults.
 */
export function readProjectSettings(
  workspace: Workspace,
  root: string,
): { settings?: Settings; error?: string } {
  const text = workspace.readText(path.join(root, PROJECT_CONFIG));
  if (text === undefined) return {};
  try {
    const document = parseDocument(text);
    if (document.errors.length > 0) return { error: problem(document.errors[0].message) };
    // Expanding aliases throws on an alias bomb (and on an alias to a missing anchor).
    const data = (document.toJS() ?? {}) as Record<string, unknown>;
    return { settings: normalizeSettings({ rules: data.rules, exclude: data.ignore }) };
  } catch (error) {
    return { error: problem(error instanceof Error ? error.message : String(error)) };
  }
}

function problem(message: string): string {
  return `${PROJECT_CONFIG}: ${message}; the file is ignored`;
}
