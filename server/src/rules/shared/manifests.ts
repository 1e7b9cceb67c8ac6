import * as path from "node:path";
import { applyEdits as applyJsonEdits, findNodeAtLocation, modify, parseTree } from "jsonc-parser";
import type { FileChange } from "../../engine/types";
import { SourceText } from "../../languages/sourceText";
import type { Workspace } from "../../workspace/workspace";
import { npmLockFollowUp } from "./npmPackages";
import { KNOWN_VERSIONS } from "./knownVersions";
import { requirementFor } from "./pythonManifestEdits";
import { appendLines } from "./textFiles";

export const PYTHON_MANIFESTS = ["requirements.txt", "pyproject.toml", "Pipfile", "setup.cfg"];

/** The nearest requirements.txt, or where a new one would go (beside the source). */
export function pythonManifest(workspace: Workspace, file: string): string {
  return (
    workspace.findUp(file, ["requirements.txt"]) ??
    path.join(path.dirname(file), "requirements.txt")
  );
}

export function npmManifest(workspace: Workspace, file: string): string | undefined {
  return workspace.findUp(file, ["package.json"]);
}

const distributionKey = (line: string): string =>
  line
    .trim()
    .toLowerCase()
    .replace(/_/g, "-")
    .split(/[\s=<>~!;[@]/)[0];

/**
 * Adds a requirement to the nearest requirements.txt (created when missing), pinned to the
 * version the project's environment, lock or other manifests use, else to a known release.
 */
export function addPythonRequirement(
  workspace: Workspace,
  file: string,
  distribution: string,
): FileChange | undefined {
  const manifest = pythonManifest(workspace, file);
  const { line } = requirementFor(workspace, manifest, distribution);
  return appendLines(workspace, manifest, [line], distributionKey);
}

/** Adds a dependency to the nearest package.json, keeping its formatting. */
export function addNpmDependency(
  workspace: Workspace,
  file: string,
  name: string,
  version?: string,
): FileChange | undefined {
  const manifest = npmManifest(workspace, file);
  if (!manifest) return undefined;
  const text = workspace.readText(manifest) ?? "";
  const root = parseTree(text);
  if (!root) return undefined;
  for (const section of [
    "dependencies",
    "devDependencies",
    "peerDependencies",
    "optionalDependencies",
  ]) {
    if (findNodeAtLocation(root, [section, name])) return undefined;
  }
  const insertSpaces = !/^\t/m.test(text);
  const tabSize = /^( +)"/m.exec(text)?.[1].length ?? 2;
  const edits = modify(text, ["dependencies", name], version ?? KNOWN_VERSIONS[name] ?? "*", {
    formattingOptions: { insertSpaces, tabSize, eol: text.includes("\r\n") ? "\r\n" : "\n" },
  });
  const updated = applyJsonEdits(text, edits);
  const source = new SourceText(text);
  return {
    file: manifest,
    edits: [{ range: source.range(0, text.length), newText: updated }],
    followUp: npmLockFollowUp(workspace, manifest),
  };
}
