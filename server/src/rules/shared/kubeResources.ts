import { isMap, isScalar, type Pair, type YAMLMap } from "yaml";
import type { ParsedFile } from "../../engine/parse";
import type { TextEdit } from "../../engine/types";
import { isTemplated, mapItems, pairOf } from "../../languages/yamlSyntax";
import { namespaceOf, sameNamespace, type KubeEntry } from "./kubeWorkloads";
import { addPairs, fillEmptyPair, type YamlEditor, type YamlValue } from "./yamlEdits";

export type ResourceName = "cpu" | "memory";

export const RESOURCE_NAMES: readonly ResourceName[] = ["cpu", "memory"];

/** What a fix requests when the project gave no figure: small, so the pod still schedules. */
export const DEFAULT_REQUESTS: Record<ResourceName, string> = { cpu: "100m", memory: "128Mi" };

export interface RequestState {
  missing: ResourceName[];
  /** A templated `resources`/`requests` block: nothing can be said. */
  unknown: boolean;
}

/**
 * The requests a container lacks. A limit without a request counts as the request, because
 * Kubernetes copies the limit into the request.
 */
export function requestState(
  file: ParsedFile,
  container: YAMLMap,
  names: readonly ResourceName[] = RESOURCE_NAMES,
): RequestState {
  const resources = container.get("resources", true);
  if (isTemplated(file.source, resources)) return { missing: [], unknown: true };
  if (!isMap(resources)) return { missing: [...names], unknown: false };
  const requests = resources.get("requests", true);
  const limits = resources.get("limits", true);
  if (isTemplated(file.source, requests) || isTemplated(file.source, limits)) {
    return { missing: [], unknown: true };
  }
  const has = (section: unknown, name: string) =>
    isMap(section) && section.get(name, true) !== undefined && !isNull(section.get(name, true));
  const missing = names.filter((n) => !has(requests, n) && !has(limits, n));
  return { missing, unknown: false };
}

function isNull(node: unknown): boolean {
  return isScalar(node) && (node.value === null || node.value === "");
}

/**
 * Resources for which a LimitRange of the namespace gives containers a default request, so a
 * container without its own request still gets one.
 */
export function namespaceDefaults(
  entries: KubeEntry[],
  namespace: string | undefined,
): Set<ResourceName> {
  const defaults = new Set<ResourceName>();
  for (const { object } of entries) {
    if (object.kind !== "LimitRange" || !sameNamespace(namespaceOf(object), namespace)) continue;
    const spec = object.node.get("spec", true);
    for (const limit of mapItems(isMap(spec) ? spec.get("limits", true) : undefined)) {
      const type = limit.get("type");
      if (type !== undefined && type !== "Container") continue;
      for (const key of ["defaultRequest", "default"]) {
        const section = limit.get(key, true);
        for (const name of RESOURCE_NAMES) {
          if (isMap(section) && section.has(name)) defaults.add(name);
        }
      }
    }
  }
  return defaults;
}

/** The edit that adds the missing requests to a container, in the file's own layout. */
export function addRequestsEdit(
  editor: YamlEditor,
  container: YAMLMap,
  missing: readonly ResourceName[],
): TextEdit | undefined {
  const wanted: Record<string, YamlValue> = {};
  for (const name of missing) wanted[name] = DEFAULT_REQUESTS[name];
  const resourcesPair = pairOf(container, "resources");
  if (!resourcesPair) return addPairs(editor, container, { resources: { requests: wanted } });
  if (!isMap(resourcesPair.value)) {
    return fillEmptyPair(editor, resourcesPair as Pair, { requests: wanted });
  }
  const resources = resourcesPair.value;
  const requestsPair = pairOf(resources, "requests");
  if (!requestsPair) return addPairs(editor, resources, { requests: wanted });
  if (!isMap(requestsPair.value)) return fillEmptyPair(editor, requestsPair as Pair, wanted);
  return addPairs(editor, requestsPair.value, wanted);
}
