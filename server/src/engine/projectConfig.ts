import * as path from "node:path";
import { parseDocument } from "yaml";
import type { Workspace } from "../workspace/workspace";
import { normalizeSettings, type Settings } from "./settings";

export const PROJECT_CONFIG = ".twelve-factor.yaml";

/** What a project file says, what was wrong with it as a whole, and what was mistyped in it. */
export interface ProjectSettings {
  settings?: Settings;
  /** The file could not be read as YAML: it is ignored. */
  error?: string;
  /** Entries that were skipped: unknown rules, severities or keys. */
  warnings?: string[];
}

const KEYS = new Set(["rules", "ignore"]);

/**
 * Reads `.twelve-factor.yaml` at a root: `rules` (id → severity or off) and `ignore` (globs).
 * A broken file yields no settings and an error message, never an exception: the caller logs
 * it and goes on with the defaults. Entries it cannot use are skipped with a warning each, so a
 * typo does not silently leave a rule on; rule ids are checked when `knownRules` is given.
 */
export function readProjectSettings(
  workspace: Workspace,
  root: string,
  knownRules?: ReadonlySet<string>,
): ProjectSettings {
  const text = workspace.readText(path.join(root, PROJECT_CONFIG));
  if (text === undefined) return {};
  try {
    const document = parseDocument(text);
    if (document.errors.length > 0) return { error: problem(document.errors[0].message) };
    // Expanding aliases throws on an alias bomb (and on an alias to a missing anchor).
    const data = (document.toJS() ?? {}) as Record<string, unknown>;
    const settings = normalizeSettings({ rules: data.rules, exclude: data.ignore });
    const warnings = mistakes(data, settings, knownRules);
    for (const id of Object.keys(settings.rules)) {
      if (knownRules && !knownRules.has(id)) delete settings.rules[id];
    }
    return warnings.length > 0 ? { settings, warnings } : { settings };
  } catch (error) {
    return { error: problem(error instanceof Error ? error.message : String(error)) };
  }
}

function mistakes(
  data: Record<string, unknown>,
  settings: Settings,
  knownRules: ReadonlySet<string> | undefined,
): string[] {
  const warnings: string[] = [];
  if (typeof data !== "object" || Array.isArray(data)) {
    return [`${PROJECT_CONFIG}: expected a map with rules and ignore (ignored)`];
  }
  if (data.rules !== undefined && data.rules !== null && !isMap(data.rules)) {
    warnings.push(`${PROJECT_CONFIG}: rules must map rule ids to severities (ignored)`);
  }
  const rules = isMap(data.rules) ? data.rules : {};
  for (const [id, value] of Object.entries(rules as Record<string, unknown>)) {
    if (knownRules && !knownRules.has(id)) {
      warnings.push(`${PROJECT_CONFIG}: unknown rule "${id}" (ignored)`);
    } else if (!(id in settings.rules)) {
      warnings.push(
        `${PROJECT_CONFIG}: ${JSON.stringify(value)} is not a severity for ${id} ` +
          "(use error, warning, info, hint or off; ignored)",
      );
    }
  }
  if (data.ignore !== undefined && !Array.isArray(data.ignore)) {
    warnings.push(`${PROJECT_CONFIG}: ignore must be a list of globs (ignored)`);
  }
  for (const glob of Array.isArray(data.ignore) ? data.ignore : []) {
    if (typeof glob !== "string") {
      warnings.push(
        `${PROJECT_CONFIG}: ignore entry ${JSON.stringify(glob)} is not a glob (ignored)`,
      );
    }
  }
  for (const key of Object.keys(data)) {
    if (!KEYS.has(key)) {
      warnings.push(`${PROJECT_CONFIG}: unknown key "${key}" (use rules and ignore; ignored)`);
    }
  }
  return warnings;
}

const isMap = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function problem(message: string): string {
  return `${PROJECT_CONFIG}: ${message}; the file is ignored`;
}
