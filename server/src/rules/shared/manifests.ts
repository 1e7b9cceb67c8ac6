import * as path from "node:path";
import { applyEdits as applyJsonEdits, findNodeAtLocation, modify, parseTree } from "jsonc-parser";
import type { FileChange } from "../../engine/types";
import { SourceText } from "../../languages/sourceText";
import type { Workspace } from "../../workspace/workspace";
import { npmLockFollowUp } from "./npmPackages";
import { appendLines } from "./textFiles";

/** Versions a fix pins when it adds a package the project did not have. */
export const KNOWN_VERSIONS: Record<string, string> = {
  redis: "5.2.1",
  "python-dotenv": "1.0.1",
  boto3: "1.35.99",
  gunicorn: "23.0.0",
  ioredis: "5.4.2",
  dotenv: "16.4.7",
  "connect-redis": "7.1.1",
  "@aws-sdk/client-s3": "3.723.0",
};

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

/** Adds a pinned requirement to the nearest requirements.txt (created when missing). */
export function addPythonRequirement(
  workspace: Workspace,
  file: string,
  distribution: string,
): FileChange | undefined {
  const version = KNOWN_VERSIONS[distribution];
  const line = version ? `${distribution}==${version}` : distribution;
  return appendLines(workspace, pythonManifest(workspace, file), [line], distributionKey);
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
