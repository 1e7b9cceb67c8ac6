import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from "yaml";
import type { ParsedFile } from "../../engine/parse";
import type { FileChange, Localized, TextEdit } from "../../engine/types";
import { containersOf, podSpec, type KubeObject } from "../../languages/kubernetes";
import { scalarString } from "../../languages/yamlFile";
import { mapItems, pairOf } from "../../languages/yamlSyntax";
import { namespaceOf, sameNamespace, type KubeEntry } from "./kubeWorkloads";
import type { Workspace } from "../../workspace/workspace";
import { readSecretFile, secretFileChanges, secretFileOf } from "./secretFile";
import {
  insertItemAfter,
  removePairs,
  replaceNode,
  yamlEditor,
  yamlScalar,
  type YamlValue,
} from "./yamlEdits";

/** What moving one ConfigMap key to a Secret takes, or why it cannot be done safely. */
export type MovePlan =
  | { changes: FileChange[]; secret: string; secretFile: string }
  | { reason: Localized };

export interface MoveRequest {
  file: ParsedFile;
  configMap: KubeObject;
  data: YAMLMap;
  pair: Pair;
  key: string;
  entries: KubeEntry[];
  workspace: Workspace;
}

const NO_READER: Localized = {
  en: "No workload in the workspace reads this ConfigMap, so a fix cannot tell what would lose the value: move the key to a Secret and point its reader at secretKeyRef/secretRef by hand.",
  zh: "工作区中没有工作负载读取这个 ConfigMap，无法确定移动后谁会丢失该值：请手动把这个键移到 Secret，并把读取方改为 secretKeyRef/secretRef。",
};

const MOUNTED: Localized = {
  en: "The ConfigMap is mounted as a volume (or read by a Helm template), and moving the key would remove its file: move it to a Secret volume by hand.",
  zh: "该 ConfigMap 以卷的形式挂载（或被 Helm 模板读取），移动这个键会让对应文件消失：请手动改为 Secret 卷。",
};

interface Edits {
  byFile: Map<string, TextEdit[]>;
  readers: number;
  unsafe: boolean;
}

function push(edits: Edits, file: string, edit: TextEdit | undefined): void {
  if (!edit) {
    edits.unsafe = true;
    return;
  }
  edits.byFile.set(file, [...(edits.byFile.get(file) ?? []), edit]);
}

/** Whether a pod mounts the ConfigMap with this key among its files. */
function mountsKey(pod: YAMLMap, configMap: string, key: string): boolean {
  for (const volume of mapItems(pod.get("volumes", true))) {
    const sources = [volume.get("configMap", true)];
    const projected = volume.get("projected", true);
    if (isMap(projected)) {
      sources.push(
        ...mapItems(projected.get("sources", true)).map((s) => s.get("configMap", true)),
      );
    }
    for (const source of sources) {
      if (!isMap(source) || scalarString(source.get("name", true)) !== configMap) continue;
      const items = mapItems(source.get("items", true));
      if (items.length === 0 || items.some((i) => scalarString(i.get("key", true)) === key)) {
        return true;
      }
    }
  }
  return false;
}

/** What rewriting the readers of one key shares: the request, the Secret, the edits so far. */
interface Rewrite {
  edits: Edits;
  request: MoveRequest;
  secret: string;
}

function rewriteKeyRefs({ edits, request, secret }: Rewrite, entry: KubeEntry, container: YAMLMap) {
  const editor = yamlEditor(entry.file.source);
  for (const env of mapItems(container.get("env", true))) {
    const valueFrom = env.get("valueFrom", true);
    const refPair = isMap(valueFrom) ? pairOf(valueFrom, "configMapKeyRef") : undefined;
    const ref = refPair?.value;
    if (!refPair || !isMap(ref) || scalarString(ref.get("name", true)) !== request.configMap.name) {
      continue;
    }
    if (scalarString(ref.get("key", true)) !== request.key) continue;
    edits.readers++;
    push(edits, entry.file.path, replaceNode(editor, refPair.key as Node, "secretKeyRef"));
    push(
      edits,
      entry.file.path,
      replaceNode(editor, ref.get("name", true) as Node, yamlScalar(secret)),
    );
  }
}

function addSecretRefs({ edits, request, secret }: Rewrite, entry: KubeEntry, container: YAMLMap) {
  const envFrom = container.get("envFrom", true);
  if (!isSeq(envFrom)) return;
  const items = mapItems(envFrom);
  const hasSecret = items.some((i) => {
    const ref = i.get("secretRef", true);
    return isMap(ref) && scalarString(ref.get("name", true)) === secret;
  });
  for (const item of items) {
    const ref = item.get("configMapRef", true);
    if (!isMap(ref) || scalarString(ref.get("name", true)) !== request.configMap.name) continue;
    edits.readers++;
    if (hasSecret) continue;
    const value: Record<string, YamlValue> = { secretRef: { name: secret } };
    const prefix = scalarString(item.get("prefix", true));
    if (prefix !== undefined) value.prefix = prefix;
    push(
      edits,
      entry.file.path,
      insertItemAfter(yamlEditor(entry.file.source), envFrom, item, value),
    );
  }
}

function readerEdits(request: MoveRequest, secret: string): Edits {
  const edits: Edits = { byFile: new Map(), readers: 0, unsafe: false };
  const namespace = namespaceOf(request.configMap);
  for (const entry of request.entries) {
    const pod = podSpec(entry.object);
    if (!pod || !sameNamespace(namespace, namespaceOf(entry.object))) continue;
    const before = edits.readers;
    if (mountsKey(pod, request.configMap.name, request.key)) edits.unsafe = true;
    for (const container of containersOf(entry.object)) {
      rewriteKeyRefs({ edits, request, secret }, entry, container.node);
      addSecretRefs({ edits, request, secret }, entry, container.node);
    }
    if (entry.file.yaml?.helm && edits.readers > before) edits.unsafe = true;
  }
  return edits;
}

/** A Secret name the Secret file holds already, else one no Secret of the workspace uses. */
function secretTarget(request: MoveRequest, secretFile: string): string {
  const parsed = readSecretFile(request.workspace, secretFile);
  const base = `${request.configMap.name}-secret`;
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base}-${n}`;
    if (parsed.slot(name).state === "present") return name;
    const taken = request.entries.some((e) => e.object.kind === "Secret" && e.object.name === name);
    if (!taken) return name;
  }
}

/** The value as the Secret writes it: the scalar's own text when it fits on one line. */
function valueText(request: MoveRequest): string {
  const node = request.pair.value as Node;
  const [start, end] = node.range ?? [0, 0];
  const text = request.file.source.text.slice(start, end);
  if (!/[\r\n]/.test(text) && isScalar(node) && node.type !== "BLOCK_LITERAL") return text;
  return JSON.stringify(scalarString(node) ?? "");
}

/** Removes the key from the ConfigMap, leaving `data: {}` when it was the last one. */
function configMapEdits(request: MoveRequest): TextEdit[] {
  const editor = yamlEditor(request.file.source);
  const { data } = request;
  const edits = removePairs(editor, data, [request.pair]) ?? [];
  const dataKey = (request.configMap.node.items as Pair[]).find((p) => p.value === data)
    ?.key as Node;
  const colon = dataKey?.range ? dataKey.range[1] : -1;
  if (!data.flow && data.items.length === 1 && request.file.source.text[colon] === ":") {
    const at = request.file.source.positionAt(colon + 1);
    edits.push({ range: { start: at, end: at }, newText: " {}" });
  }
  return edits;
}

/**
 * Plans moving a ConfigMap key to a Secret in the git-ignored file beside the manifest and
 * switching every reader of it.
 */
export function planMove(request: MoveRequest): MovePlan {
  const secretFile = secretFileOf(request.file.path);
  const secret = secretTarget(request, secretFile);
  const readers = readerEdits(request, secret);
  if (readers.unsafe || request.file.yaml?.helm) return { reason: MOUNTED };
  if (readers.readers === 0) return { reason: NO_READER };
  const stored = secretFileChanges(request.workspace, secretFile, {
    name: secret,
    namespace: namespaceOf(request.configMap),
    key: request.key,
    valueText: valueText(request),
    value: scalarString(request.pair.value) ?? "",
    unit: yamlEditor(request.file.source).unit,
  });
  if ("reason" in stored) return { reason: stored.reason };
  const own = configMapEdits(request);
  readers.byFile.set(request.file.path, [...own, ...(readers.byFile.get(request.file.path) ?? [])]);
  const changes = [...readers.byFile].map(([file, edits]) => ({ file, edits }));
  return { changes: [...changes, ...stored.changes], secret, secretFile };
}
