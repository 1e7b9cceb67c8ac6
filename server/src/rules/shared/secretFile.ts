import * as path from "node:path";
import { isMap, type YAMLMap } from "yaml";
import type { FileChange, Localized } from "../../engine/types";
import { kubeObjects } from "../../languages/kubernetes";
import { SourceText } from "../../languages/sourceText";
import { parseYaml, scalarString } from "../../languages/yamlFile";
import type { Workspace } from "../../workspace/workspace";
import { projectDir } from "./envFiles";
import { ignoreFileChange, isGitIgnored } from "./gitignore";
import {
  addRawPair,
  appendDocument,
  blockLines,
  yamlEditor,
  yamlScalar,
  type YamlValue,
} from "./yamlEdits";

/**
 * Secrets taken out of a committed manifest go to a file beside it that git ignores:
 * `config.yaml` → `config.secret.yaml`, applied with the manifests but never committed.
 */
export function secretFileOf(manifest: string): string {
  const ext = /\.ya?ml$/i.exec(manifest)?.[0] ?? ".yaml";
  const stem = path.basename(manifest).slice(0, -ext.length || undefined);
  return path.join(path.dirname(manifest), `${stem}.secret${ext}`);
}

/** One `stringData` key the Secret file is to hold. */
export interface SecretEntry {
  /** The Secret's name and namespace. */
  name: string;
  namespace?: string;
  key: string;
  /** The value, as YAML text (a scalar on one line). */
  valueText: string;
  /** The value itself, to compare with what the file holds. */
  value: string;
  /** Indentation step for a new file. */
  unit: number;
}

/** What the Secret file holds under one Secret name. */
export type SecretSlot =
  | { state: "absent" }
  | { state: "present"; stringData?: YAMLMap; values: Map<string, string> };

interface ParsedSecretFile {
  text: string | undefined;
  slot(name: string): SecretSlot;
}

export function readSecretFile(workspace: Workspace, file: string): ParsedSecretFile {
  const text = workspace.readText(file);
  const objects = text === undefined ? [] : kubeObjects(parseYaml(file, text));
  return {
    text,
    slot(name) {
      const secret = objects.find((o) => o.kind === "Secret" && o.name === name);
      if (!secret) return { state: "absent" };
      const data = secret.node.get("stringData", true);
      const stringData = isMap(data) && !data.flow ? data : undefined;
      const values = new Map<string, string>();
      for (const pair of isMap(data) ? data.items : []) {
        const key = scalarString(pair.key);
        if (key !== undefined) values.set(key, scalarString(pair.value) ?? "");
      }
      return { state: "present", stringData, values };
    },
  };
}

const CONFLICT = (file: string): Localized => ({
  en: `${file} already holds this key with another value: move the value by hand and keep the one the app needs.`,
  zh: `${file} 中已有该键且值不同：请手动移动，并保留应用需要的那个值。`,
});

/**
 * The changes that put one key into the Secret file (created when missing, the key added once)
 * and make git ignore that file, or why they cannot be made.
 */
export function secretFileChanges(
  workspace: Workspace,
  file: string,
  entry: SecretEntry,
): { changes: FileChange[] } | { reason: Localized } {
  const parsed = readSecretFile(workspace, file);
  const slot = parsed.slot(entry.name);
  const changes: FileChange[] = [];
  if (slot.state === "present") {
    const existing = slot.values.get(entry.key);
    if (existing !== undefined && existing !== entry.value) {
      return { reason: CONFLICT(path.basename(file)) };
    }
    if (existing === undefined) {
      const editor = yamlEditor(new SourceText(parsed.text ?? ""));
      const edit =
        slot.stringData && addRawPair(editor, slot.stringData, entry.key, entry.valueText);
      if (!edit) return { reason: CONFLICT(path.basename(file)) };
      changes.push({ file, edits: [edit] });
    }
  } else {
    changes.push(newSecret(file, parsed.text, entry));
  }
  const ignored = isGitIgnored(workspace, file);
  const ignore = ignored
    ? undefined
    : ignoreFileChange(workspace, file, { root: projectDir(workspace, file) });
  if (ignore) changes.push(ignore);
  return { changes };
}

function newSecret(file: string, text: string | undefined, entry: SecretEntry): FileChange {
  const metadata: Record<string, YamlValue> = { name: entry.name };
  if (entry.namespace) metadata.namespace = entry.namespace;
  const lines = [
    "apiVersion: v1",
    "kind: Secret",
    ...blockLines("metadata", metadata, 0, entry.unit),
    "type: Opaque",
    "stringData:",
    `${" ".repeat(entry.unit)}${yamlScalar(entry.key)}: ${entry.valueText}`,
  ];
  if (text !== undefined && text.trim() !== "") {
    return { file, edits: [appendDocument(yamlEditor(new SourceText(text)), lines)] };
  }
  const start = { line: 0, character: 0 };
  const end = new SourceText(text ?? "").positionAt((text ?? "").length);
  const newText = `${lines.join("\n")}\n`;
  return { file, create: text === undefined, edits: [{ range: { start, end }, newText }] };
}
