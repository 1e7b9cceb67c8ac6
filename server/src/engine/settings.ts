import { SEVERITY_ORDER, type Severity } from "./types";

export type RuleSetting = Severity | "off";

/** Analysis settings: the editor's `twelveFactor.*` merged with `.twelve-factor.yaml`. */
export interface Settings {
  enable: boolean;
  rules: Record<string, RuleSetting>;
  exclude: string[];
}

export const DEFAULT_SETTINGS: Settings = { enable: true, rules: {}, exclude: [] };

const RULE_SETTINGS = new Set<string>([...SEVERITY_ORDER, "off"]);

/** Accepts whatever the client or a config file sends and keeps only well-formed values. */
export function normalizeSettings(raw: unknown): Settings {
  const input = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
  const rules: Record<string, RuleSetting> = {};
  const rawRules = input.rules && typeof input.rules === "object" ? input.rules : {};
  for (const [id, value] of Object.entries(rawRules as Record<string, unknown>)) {
    const normalized = typeof value === "string" ? value.toLowerCase() : "";
    const mapped = normalized === "information" ? "info" : normalized;
    if (RULE_SETTINGS.has(mapped)) rules[id] = mapped as RuleSetting;
  }
  const exclude = Array.isArray(input.exclude)
    ? input.exclude.filter((g): g is string => typeof g === "string")
    : [];
  return { enable: input.enable !== false, rules, exclude };
}

/** Later settings win rule by rule; excludes add up. */
export function mergeSettings(base: Settings, override: Settings): Settings {
  return {
    enable: base.enable && override.enable,
    rules: { ...base.rules, ...override.rules },
    exclude: [...base.exclude, ...override.exclude],
  };
}
