import * as path from "node:path";
import type { FileChange } from "../../engine/types";
import { normalizeName, parsePep508 } from "../../languages/pep508";
import { parsePyproject } from "../../languages/pyproject";
import { SourceText } from "../../languages/sourceText";
import type { Workspace } from "../../workspace/workspace";
import { KNOWN_VERSIONS } from "./knownVersions";
import type { PythonManifests } from "./pythonManifests";
import { knownPythonVersion } from "./pythonEnvironment";
import { appendLines } from "./textFiles";

/** A requirement line for a distribution, pinned when a version is known. */
export interface PythonRequirement {
  line: string;
  /** Where the version comes from, when there is one. */
  source?: "environment" | "lock" | "workspace" | "known";
}

/**
 * Pins to the workspace virtualenv's or lock file's version, else to the version another
 * requirements file of the workspace pins (the nearest one), else to a known release.
 */
export function requirementFor(
  workspace: Workspace,
  file: string,
  distribution: string,
): PythonRequirement {
  const known = knownPythonVersion(workspace, file, distribution);
  if (known) return { line: `${distribution}==${known.version}`, source: known.source };
  const pinned = workspacePin(workspace, file, distribution);
  if (pinned) return { line: `${distribution}==${pinned}`, source: "workspace" };
  const fallback = KNOWN_VERSIONS[distribution];
  if (fallback) return { line: `${distribution}==${fallback}`, source: "known" };
  return { line: distribution };
}

/** The exact `==` version the requirements file nearest to the file pins, if any pins one. */
function workspacePin(
  workspace: Workspace,
  file: string,
  distribution: string,
): string | undefined {
  const name = normalizeName(distribution);
  const from = path.dirname(file);
  const distance = (other: string) => path.relative(from, other).split(path.sep).length;
  const pins: Array<{ version: string; distance: number }> = [];
  for (const manifest of workspace.model.filesOfKind("requirements")) {
    for (const entry of manifest.requirements?.entries ?? []) {
      if (entry.type !== "requirement" || normalizeName(entry.name) !== name) continue;
      const version = /^==\s*([\w.!+-]+)$/.exec(entry.specifier)?.[1];
      if (version) pins.push({ version, distance: distance(manifest.path) });
    }
  }
  return pins.sort((a, b) => a.distance - b.distance)[0]?.version;
}

const requirementKey = (line: string): string =>
  normalizeName(parsePep508(line)?.name ?? line.trim());

/** Adds a requirement to the manifests' requirements file or PEP 621 dependencies. */
export function addPythonDependency(
  workspace: Workspace,
  manifests: PythonManifests,
  requirement: string,
): FileChange | undefined {
  if (manifests.requirements)
    return appendLines(workspace, manifests.requirements, [requirement], requirementKey);
  if (manifests.pyproject) return addToPyproject(workspace, manifests.pyproject, requirement);
  return undefined;
}

/** Inserts a string into `[project].dependencies`, after the last entry, keeping its layout. */
function addToPyproject(
  workspace: Workspace,
  file: string,
  requirement: string,
): FileChange | undefined {
  const text = workspace.readText(file);
  if (text === undefined) return undefined;
  const source = new SourceText(text);
  const entries = parsePyproject(text).dependencies.filter((d) => d.group === "dependencies");
  const last = entries[entries.length - 1];
  if (!last) return insertIntoEmpty(source, file, requirement);
  const afterQuote = last.end + 1;
  const comma = /^[ \t]*,/.exec(text.slice(afterQuote));
  const lineStart = source.lineStart(source.positionAt(last.start).line);
  const multiline = text.slice(lineStart, last.start - 1).trim() === "";
  const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? "";
  const quoted = `"${requirement}"`;
  let at = afterQuote;
  let newText = `, ${quoted}`;
  if (multiline && comma) {
    at = afterQuote + comma[0].length;
    newText = `${source.eol}${indent}${quoted},`;
  } else if (multiline) {
    newText = `,${source.eol}${indent}${quoted}`;
  }
  const position = source.positionAt(at);
  return { file, edits: [{ range: { start: position, end: position }, newText }] };
}

function insertIntoEmpty(source: SourceText, file: string, requirement: string) {
  const project = /^\[project\][ \t]*(#.*)?$/m.exec(source.text);
  if (!project) return undefined;
  const rest = source.text.slice(project.index);
  const next = /^\[/m.exec(rest.slice(project[0].length));
  const table = next ? rest.slice(0, project[0].length + next.index) : rest;
  const array = /^[ \t]*dependencies[ \t]*=[ \t]*\[/m.exec(table);
  if (!array) return undefined;
  const position = source.positionAt(project.index + array.index + array[0].length);
  return {
    file,
    edits: [{ range: { start: position, end: position }, newText: `"${requirement}"` }],
  };
}
