import * as path from "node:path";
import { isMap, isScalar, isSeq, type Node, type Pair } from "yaml";
import type { Fix, TextEdit } from "../../engine/types";
import { scalarString } from "../../languages/yamlFile";
import type { FixContext } from "./codeEnvFix";
import type { ConfigEntry } from "./configEntries";
import { envFileChanges, projectDir, writableInDotenv } from "./envFiles";
import { envName, isEnvName, isGenericSecretName } from "./secretNames";
import { envNameFor, qualifiedNames } from "./secretEnvNames";
import { namespaceOf } from "./kubeWorkloads";
import { readSecretFile, secretFileChanges, secretFileOf } from "./secretFile";
import { yamlEditor, yamlScalar } from "./yamlEdits";

/**
 * Fixes that take a value out of a configuration file: compose interpolates `${NAME}` from the
 * `.env` beside it, Kubernetes reads a Secret, and plain YAML/JSON files get `${NAME}` only when
 * the file already relies on its loader expanding such references.
 */
export function configEnvFix(context: FixContext, entry: ConfigEntry): Fix | undefined {
  const { file } = context;
  if (entry.style === "k8s-env") return kubeSecretFix(context, entry);
  if (!writableInDotenv(entry.value)) return undefined;
  if (file.kind === "compose") return interpolationFix(context, entry, path.dirname(file.path));
  if (/\$\{[A-Za-z_]/.test(file.source.text)) return interpolationFix(context, entry);
  return undefined;
}

function interpolationFix(context: FixContext, entry: ConfigEntry, dir?: string): Fix {
  const { file, workspace } = context;
  const envDir = dir ?? projectDir(workspace, file.path);
  const base = isEnvName(entry.name) ? entry.name : envName(qualifiedName(entry));
  const name = envNameFor(workspace, {
    dir: envDir,
    value: entry.value,
    names: [base, ...qualifiedNames(base, [entry.service])],
  });
  const quote = entry.style === "list-item" ? "" : quoteAt(file.source.text, entry.start);
  const edit: TextEdit = {
    range: file.source.range(entry.start, entry.end),
    newText: `${quote}\${${name}}${quote}`,
  };
  return {
    title: {
      en: `Use \${${name}} and move the value to .env`,
      zh: `改为 \${${name}}，并把值移到 .env`,
    },
    changes: [
      { file: file.path, edits: [edit] },
      ...envFileChanges(workspace, file.path, [{ name, value: entry.value }], { dir: envDir }),
    ],
    preferred: true,
    movesValue: true,
  };
}

/** `database.password` → `database_password`: a bare `password` says too little. */
function qualifiedName(entry: ConfigEntry): string {
  return isGenericSecretName(entry.name) && entry.parent
    ? `${entry.parent}_${entry.name}`
    : entry.name;
}

function quoteAt(text: string, offset: number): string {
  return text[offset] === '"' || text[offset] === "'" ? text[offset] : "";
}

/** The Secret a container already reads from, else one named after its workload. */
export function secretNameFor(entry: ConfigEntry): string {
  const container = entry.container?.node;
  const env = container?.get("env", true);
  for (const item of isSeq(env) ? env.items : []) {
    const ref = isMap(item) ? item.get("valueFrom", true) : undefined;
    const secret = isMap(ref) ? ref.get("secretKeyRef", true) : undefined;
    const name = isMap(secret) ? scalarString(secret.get("name", true)) : undefined;
    if (name && !name.includes("{{")) return name;
  }
  const envFrom = container?.get("envFrom", true);
  for (const item of isSeq(envFrom) ? envFrom.items : []) {
    const ref = isMap(item) ? item.get("secretRef", true) : undefined;
    const name = isMap(ref) ? scalarString(ref.get("name", true)) : undefined;
    if (name && !name.includes("{{")) return name;
  }
  const workload =
    entry.object?.name && !entry.object.name.includes("{{") ? entry.object.name : "app";
  return `${workload}-secrets`;
}

function kubeSecretFix(context: FixContext, entry: ConfigEntry): Fix | undefined {
  const { file, workspace } = context;
  const map = entry.map;
  const pair = map?.items.find((p) => scalarString(p.key) === "value") as Pair | undefined;
  const key = pair?.key as Node | undefined;
  if (!map || !key?.range || !isScalar(pair?.value)) return undefined;
  const secret = secretNameFor(entry);
  const secretFile = secretFileOf(file.path);
  const slot = readSecretFile(workspace, secretFile).slot(secret);
  const held = slot.state === "present" ? slot.values : new Map<string, string>();
  const candidates = [entry.name, ...qualifiedNames(entry.name, [entry.object?.name])];
  const secretKey = candidates.find((n) => !held.has(n) || held.get(n) === entry.value);
  if (!secretKey) return undefined;
  const editor = yamlEditor(file.source);
  const keyStart = key.range[0];
  let newText: string;
  if (map.flow) {
    newText = `valueFrom: {secretKeyRef: {name: ${secret}, key: ${secretKey}}}`;
  } else {
    const column = file.source.positionAt(keyStart).character;
    const pad = (n: number) => " ".repeat(column + n * editor.unit);
    newText = [
      "valueFrom:",
      `${pad(1)}secretKeyRef:`,
      `${pad(2)}name: ${secret}`,
      `${pad(2)}key: ${secretKey}`,
    ].join(editor.eol);
  }
  const stored = secretFileChanges(workspace, secretFile, {
    name: secret,
    namespace: entry.object ? namespaceOf(entry.object) : undefined,
    key: secretKey,
    valueText: yamlScalar(entry.value),
    value: entry.value,
    unit: editor.unit,
  });
  if ("reason" in stored) return undefined;
  const where = path.basename(secretFile);
  return {
    title: {
      en: `Read ${entry.name} from Secret "${secret}" (value moved to ${where}, which git ignores)`,
      zh: `改为从 Secret "${secret}" 读取 ${entry.name}（值移到 git 忽略的 ${where}）`,
    },
    changes: [
      { file: file.path, edits: [{ range: file.source.range(keyStart, entry.end), newText }] },
      ...stored.changes,
    ],
    preferred: true,
  };
}
