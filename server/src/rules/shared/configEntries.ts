import { parseTree, type Node as JsonNode } from "jsonc-parser";
import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Node,
  type Scalar,
  type YAMLMap,
  type YAMLSeq,
} from "yaml";
import type { ParsedFile } from "../../engine/parse";
import {
  containersOf,
  kubeObjects,
  type KubeContainer,
  type KubeObject,
} from "../../languages/kubernetes";
import { scalarString } from "../../languages/yamlFile";

/**
 * Named values of configuration files: YAML keys, compose `environment` lists
 * (`- KEY=value`), Kubernetes container `env` entries and JSON properties.
 */
export interface ConfigEntry {
  name: string;
  value: string;
  /** Offsets of the value as written (quotes included for whole scalars). */
  start: number;
  end: number;
  style: "pair" | "list-item" | "k8s-env" | "json";
  /** The YAML map that holds the entry (the `env` item for Kubernetes). */
  map?: YAMLMap;
  /** The sequence a compose `KEY=value` item belongs to. */
  list?: YAMLSeq;
  /** The key of the mapping that holds the entry (`database` for `database.password`). */
  parent?: string;
  /** The compose service or Kubernetes object and container the entry belongs to. */
  service?: string;
  object?: KubeObject;
  container?: KubeContainer;
}

/** Kubernetes objects whose values are handled by other rules or hold secrets by design. */
const SKIPPED_KINDS = new Set(["ConfigMap", "Secret", "SealedSecret", "ExternalSecret"]);

export function yamlEntries(file: ParsedFile): ConfigEntry[] {
  if (!file.yaml) return [];
  const entries: ConfigEntry[] = [];
  if (file.kind === "kubernetes") {
    for (const object of kubeObjects(file.yaml)) {
      if (SKIPPED_KINDS.has(object.kind)) continue;
      walk(file, object.node, entries, {});
      for (const container of containersOf(object)) kubeEnv(object, container, entries);
    }
    const env = new Set(entries.filter((e) => e.style === "k8s-env").map((e) => e.start));
    return entries.filter((e) => e.style === "k8s-env" || !env.has(e.start));
  }
  for (const document of file.yaml.documents) walk(file, document.contents, entries, {});
  return entries;
}

interface Scope {
  key?: string;
  service?: string;
  depth?: number;
}

/** Walks maps and sequences without recursion: documents may nest thousands of levels deep. */
function walk(file: ParsedFile, root: unknown, into: ConfigEntry[], rootScope: Scope): void {
  const stack: Array<{ node: unknown; scope: Scope }> = [{ node: root, scope: rootScope }];
  while (stack.length > 0) {
    const { node, scope } = stack.pop() as { node: unknown; scope: Scope };
    const depth = scope.depth ?? 0;
    const children: Array<{ node: unknown; scope: Scope }> = [];
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = scalarString(pair.key);
        if (key === undefined) continue;
        const service =
          file.kind === "compose" && depth === 1 && scope.key === "services" ? key : scope.service;
        const value = pair.value;
        if (isScalar(value) && isValueScalar(value)) {
          const [start, end] = value.range ?? [0, 0];
          const name = key;
          into.push({
            name,
            value: String(value.value),
            start,
            end,
            style: "pair",
            map: node,
            parent: scope.key,
            service,
          });
        } else {
          children.push({ node: value, scope: { key, service, depth: depth + 1 } });
        }
      }
    } else if (isSeq(node)) {
      for (const item of node.items) {
        if (isScalar(item) && typeof item.value === "string" && isListed(scope.key)) {
          const entry = listItem(file, item, scope);
          if (entry) into.push({ ...entry, list: node });
        } else {
          children.push({ node: item, scope: { ...scope, depth: depth + 1 } });
        }
      }
    }
    stack.push(...children.reverse());
  }
}

function isValueScalar(node: Scalar): boolean {
  return typeof node.value === "string" || typeof node.value === "number";
}

/** Compose lists written as `KEY=value`. */
function isListed(key: string | undefined): boolean {
  return key === "environment" || key === "args";
}

function listItem(file: ParsedFile, item: Scalar, scope: Scope): ConfigEntry | undefined {
  const text = String(item.value);
  const eq = text.indexOf("=");
  if (eq <= 0) return undefined;
  const [start, end] = item.range ?? [0, 0];
  const raw = file.source.text.slice(start, end);
  const rawEq = raw.indexOf("=");
  if (rawEq < 0) return undefined;
  const quoted = /^["']/.test(raw);
  return {
    name: text.slice(0, eq).trim(),
    value: text.slice(eq + 1),
    start: start + rawEq + 1,
    end: end - (quoted ? 1 : 0),
    style: "list-item",
    parent: scope.key,
    service: scope.service,
  };
}

function kubeEnv(object: KubeObject, container: KubeContainer, into: ConfigEntry[]): void {
  const env = container.node.get("env", true);
  if (!isSeq(env)) return;
  for (const item of env.items) {
    if (!isMap(item)) continue;
    const name = scalarString(item.get("name", true));
    const value = item.get("value", true) as Node | undefined;
    if (!name || !isScalar(value) || !isValueScalar(value)) continue;
    const [start, end] = value.range ?? [0, 0];
    into.push({
      name,
      value: String(value.value),
      start,
      end,
      style: "k8s-env",
      map: item,
      object,
      container,
    });
  }
}

/** Every string scalar of a YAML stream with its offsets (keys aside). */
export function yamlScalars(
  file: ParsedFile,
): Array<{ start: number; end: number; value: string }> {
  const found: Array<{ start: number; end: number; value: string }> = [];
  const roots: unknown[] =
    file.kind === "kubernetes" && file.yaml
      ? kubeObjects(file.yaml)
          .filter((object) => !SKIPPED_KINDS.has(object.kind))
          .map((object) => object.node)
      : (file.yaml?.documents ?? []).map((document) => document.contents);
  const stack = [...roots].reverse();
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) stack.push(...node.items.map((pair) => pair.value).reverse());
    else if (isSeq(node)) stack.push(...[...node.items].reverse());
    else if (isScalar(node) && typeof node.value === "string" && node.range) {
      found.push({ start: node.range[0], end: node.range[1], value: node.value });
    }
  }
  return found;
}

/** The pair of a map whose value is a node, to rewrite the whole `key: value`. */
export function pairWithValue(map: YAMLMap, key: string) {
  return map.items.find((p) => isPair(p) && scalarString(p.key) === key);
}

/** String properties of a JSON file (lock files excluded by the caller). */
export function jsonEntries(text: string): ConfigEntry[] {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  const entries: ConfigEntry[] = [];
  const stack: Array<{ node: JsonNode; parent?: string }> = root ? [{ node: root }] : [];
  while (stack.length > 0) {
    const { node, parent } = stack.pop() as { node: JsonNode; parent?: string };
    if (node.type === "property" && node.children?.length === 2) {
      const [key, value] = node.children;
      const name = typeof key.value === "string" ? key.value : undefined;
      if (value.type === "string" && name !== undefined) {
        const end = value.offset + value.length;
        entries.push({
          name,
          value: String(value.value),
          start: value.offset,
          end,
          style: "json",
          parent,
        });
      } else {
        stack.push({ node: value, parent: name });
      }
      continue;
    }
    for (const child of [...(node.children ?? [])].reverse()) stack.push({ node: child, parent });
  }
  return entries;
}
