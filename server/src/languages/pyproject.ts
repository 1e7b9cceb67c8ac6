import { tomlStrings } from "./tomlStrings";

/** The subset of smol-toml's interface the adapter uses (its typings are ESM-only). */
interface TomlLibrary {
  parse(text: string): Record<string, unknown>;
}

const toml = require("smol-toml") as TomlLibrary;

export type TomlTable = Record<string, unknown>;

/** One PEP 508 string of `[project]` dependencies or optional dependencies, where it sits. */
export interface PyprojectDependency {
  /** `dependencies`, or the optional-dependency group's name. */
  group: string;
  text: string;
  /** Offsets of the text between the quotes. */
  start: number;
  end: number;
  /** The source between the quotes equals `text`, so it can be edited in place. */
  literal: boolean;
}

export interface PyprojectFile {
  /** The document as data; undefined when it is not valid TOML. */
  data: TomlTable | undefined;
  dependencies: PyprojectDependency[];
}

/** Parses a TOML text, or returns undefined (never throws). */
export function parseToml(text: string): TomlTable | undefined {
  try {
    return toml.parse(text);
  } catch {
    return undefined;
  }
}

export function parsePyproject(text: string): PyprojectFile {
  const data = parseToml(text);
  if (!data) return { data, dependencies: [] };
  const dependencies: PyprojectDependency[] = [];
  for (const string of tomlStrings(text)) {
    const group = dependencyGroup(string.table, string.key);
    if (!group) continue;
    const { value: text, start, end, literal } = string;
    dependencies.push({ group, text, start, end, literal });
  }
  return { data, dependencies };
}

function dependencyGroup(table: string[], key: string[]): string | undefined {
  const path = [...table, ...key];
  if (path[0] !== "project") return undefined;
  if (path.length === 2 && path[1] === "dependencies") return "dependencies";
  if (path.length === 3 && path[1] === "optional-dependencies") return path[2];
  return undefined;
}

/** A nested table of parsed TOML, or undefined. */
export function tomlTable(data: unknown, ...keys: string[]): TomlTable | undefined {
  let current: unknown = data;
  for (const key of keys) {
    if (!current || typeof current !== "object" || Array.isArray(current)) return undefined;
    current = (current as TomlTable)[key];
  }
  return current && typeof current === "object" && !Array.isArray(current)
    ? (current as TomlTable)
    : undefined;
}

/** The strings of an array, ignoring anything else. */
export function tomlStringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}
