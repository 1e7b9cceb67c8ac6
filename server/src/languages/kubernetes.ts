import { isMap, isSeq, type Document, type YAMLMap } from "yaml";
import type { YamlFile } from "./yamlFile";
import { scalarString } from "./yamlFile";

/** One Kubernetes object of a stream, items of a `kind: List` included. */
export interface KubeObject {
  kind: string;
  name: string;
  node: YAMLMap;
  document: Document.Parsed;
}

export function kubeObjects(file: YamlFile): KubeObject[] {
  const objects: KubeObject[] = [];
  for (const document of file.documents) {
    collect(document.contents, document, objects);
  }
  return objects;
}

function collect(node: unknown, document: Document.Parsed, into: KubeObject[]): void {
  if (!isMap(node)) return;
  const kind = scalarString(node.get("kind", true));
  if (!kind) return;
  if (kind === "List" || kind.endsWith("List")) {
    const items = node.get("items", true);
    if (isSeq(items)) items.items.forEach((item) => collect(item, document, into));
    return;
  }
  const metadata = node.get("metadata", true);
  const name = isMap(metadata) ? (scalarString(metadata.get("name", true)) ?? "") : "";
  into.push({ kind, name, node, document });
}

const POD_SPEC_PATHS: Record<string, string[]> = {
  Pod: ["spec"],
  Deployment: ["spec", "template", "spec"],
  StatefulSet: ["spec", "template", "spec"],
  DaemonSet: ["spec", "template", "spec"],
  ReplicaSet: ["spec", "template", "spec"],
  ReplicationController: ["spec", "template", "spec"],
  Job: ["spec", "template", "spec"],
  CronJob: ["spec", "jobTemplate", "spec", "template", "spec"],
};

/** The pod spec of a workload, or undefined for other kinds. */
export function podSpec(object: KubeObject): YAMLMap | undefined {
  const keys = POD_SPEC_PATHS[object.kind];
  if (!keys) return undefined;
  let current: unknown = object.node;
  for (const key of keys) current = isMap(current) ? current.get(key, true) : undefined;
  return isMap(current) ? current : undefined;
}

export interface KubeContainer {
  node: YAMLMap;
  init: boolean;
  pod: YAMLMap;
}

export function containersOf(object: KubeObject): KubeContainer[] {
  const pod = podSpec(object);
  if (!pod) return [];
  const result: KubeContainer[] = [];
  for (const [key, init] of [
    ["containers", false],
    ["initContainers", true],
  ] as const) {
    const list = pod.get(key, true);
    if (!isSeq(list)) continue;
    for (const item of list.items) if (isMap(item)) result.push({ node: item, init, pod });
  }
  return result;
}
