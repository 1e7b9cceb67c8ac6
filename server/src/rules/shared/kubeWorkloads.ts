import { isMap, isScalar, type Node, type YAMLMap } from "yaml";
import type { ParsedFile } from "../../engine/parse";
import type { RuleContext } from "../../engine/rule";
import type { RelatedLocation } from "../../engine/types";
import { kubeObjects, type KubeContainer, type KubeObject } from "../../languages/kubernetes";
import { nodeOffsets, scalarString } from "../../languages/yamlFile";
import { blockHasHelmLines, isTemplated } from "../../languages/yamlSyntax";

/** A Kubernetes object with the file it sits in. */
export interface KubeEntry {
  file: ParsedFile;
  object: KubeObject;
}

/** Every Kubernetes object of the workspace; the file under analysis as the rule sees it. */
export function workspaceObjects(context: Pick<RuleContext, "file" | "workspace">): KubeEntry[] {
  const files = context.workspace.model.relatedFilesOfKind(context.file.path, "kubernetes");
  if (context.file.yaml && context.file.kind === "kubernetes") files.unshift(context.file);
  return files.flatMap((file) =>
    file.yaml ? kubeObjects(file.yaml).map((object) => ({ file, object })) : [],
  );
}

export function namespaceOf(object: KubeObject): string | undefined {
  const metadata = object.node.get("metadata", true);
  return isMap(metadata) ? scalarString(metadata.get("namespace", true)) : undefined;
}

/** Two objects may live in one namespace unless both name different ones. */
export function sameNamespace(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

export function containerName(container: KubeContainer): string {
  return scalarString(container.node.get("name", true)) ?? "";
}

/** Where a finding about a container sits: its name, else its first key. */
export function containerAnchor(container: KubeContainer): Node {
  const name = container.node.get("name", true) as Node | undefined;
  if (name?.range) return name;
  return (container.node.items[0]?.key as Node | undefined) ?? container.node;
}

export function rangeOf(file: ParsedFile, node: Node) {
  const [start, end] = nodeOffsets(node);
  return file.source.range(start, end);
}

/**
 * Whether what a container declares cannot be known: a YAML merge key (`<<: *defaults`) or a
 * Helm directive line inside it may add any key.
 */
export function isUnknownBlock(file: ParsedFile, node: YAMLMap): boolean {
  if (node.items.some((p) => isScalar(p.key) && p.key.value === "<<")) return true;
  if (!file.yaml?.helm) return false;
  return blockHasHelmLines(file.source, node);
}

/** Whether the value at a key is a template (Helm, `${}`), never a finding. */
export function templatedAt(file: ParsedFile, map: YAMLMap, key: string): boolean {
  return isTemplated(file.source, map.get(key, true));
}

/** A related location pointing at a container of another object. */
export function containerRelated(
  entry: KubeEntry,
  container: KubeContainer,
  message: RelatedLocation["message"],
): RelatedLocation {
  return {
    file: entry.file.path,
    range: rangeOf(entry.file, containerAnchor(container)),
    message,
  };
}

/** The workload an autoscaler (HPA or KEDA ScaledObject) scales. */
export interface ScaleTarget {
  kind: string;
  name: string;
  namespace: string | undefined;
  entry: KubeEntry;
}

export function scaleTargetOf(entry: KubeEntry): ScaleTarget | undefined {
  const { object } = entry;
  if (object.kind !== "HorizontalPodAutoscaler" && object.kind !== "ScaledObject") return undefined;
  const spec = object.node.get("spec", true);
  const ref = isMap(spec) ? spec.get("scaleTargetRef", true) : undefined;
  if (!isMap(ref)) return undefined;
  const name = scalarString(ref.get("name", true));
  if (!name || isTemplated(entry.file.source, ref.get("name", true))) return undefined;
  const kind = scalarString(ref.get("kind", true)) ?? "Deployment";
  return { kind, name, namespace: namespaceOf(object), entry };
}

/** Whether a target refers to an object. */
export function targets(target: ScaleTarget, object: KubeObject): boolean {
  return (
    target.kind === object.kind &&
    target.name === object.name &&
    sameNamespace(target.namespace, namespaceOf(object))
  );
}
