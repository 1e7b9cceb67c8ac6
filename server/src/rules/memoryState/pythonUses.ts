import type { Node } from "web-tree-sitter";

/** How code uses a container, as far as moving it to a dict-like Redis store is concerned. */
export type PythonUseKind =
  /** `x[k]`, `x[k] = v`, `del x[k]`, `x[k] += 1`, `k in x`, `for k in x`, `len(x)`… */
  | "plain"
  /** `x.get(k)`, `x.pop(k)`, `x.update(…)` and the other dict methods the store has. */
  | "method"
  /** `x[k].append(v)`, `x[k][j] = v`, `x.setdefault(k, []).append(v)`: changes a value in place. */
  | "nested"
  /** `cart = x[k]` / `x.get(k)` / `x.setdefault(k, d)`: a value held under another name. */
  | "alias"
  /** Anything else: passed whole to a function, returned, compared, rebound. */
  | "other";

export interface PythonUse {
  kind: PythonUseKind;
  /** The reference (`x`, `self.x`). */
  ref: Node;
  /** The expression that reads one value (`x[k]`, `x.get(k)`), for nested and alias uses. */
  read?: Node;
  /** Whether the use changes the container or a value in it. */
  mutates: boolean;
}

/** Dict methods that a Redis-backed store implements with the same meaning. */
export const STORE_METHODS = new Set([
  "get",
  "pop",
  "setdefault",
  "update",
  "keys",
  "values",
  "items",
  "clear",
]);

/** Methods that change a container or value in place. */
export const MUTATORS = new Set([
  "append",
  "extend",
  "insert",
  "remove",
  "pop",
  "popitem",
  "clear",
  "update",
  "setdefault",
  "add",
  "discard",
  "sort",
  "reverse",
]);

/** Functions that only read a container they are given. */
const READERS = new Set([
  "len",
  "dict",
  "list",
  "sorted",
  "set",
  "tuple",
  "any",
  "all",
  "sum",
  "bool",
  "iter",
]);

const READ_METHODS = new Set(["get", "setdefault", "pop"]);

function methodCall(ref: Node): { name: string; call: Node } | undefined {
  const attribute = ref.parent;
  if (attribute?.type !== "attribute" || attribute.childForFieldName("object")?.id !== ref.id) {
    return undefined;
  }
  const call = attribute.parent;
  if (call?.type !== "call" || call.childForFieldName("function")?.id !== attribute.id)
    return undefined;
  return { name: attribute.childForFieldName("attribute")?.text ?? "", call };
}

/** Whether an expression's value is changed in place by the code around it. */
export function mutatedInPlace(value: Node): boolean {
  const parent = value.parent;
  if (!parent) return false;
  if (parent.type === "subscript" && parent.childForFieldName("value")?.id === value.id) {
    return isTarget(parent) || mutatedInPlace(parent);
  }
  if (parent.type === "attribute" && parent.childForFieldName("object")?.id === value.id) {
    if (isTarget(parent)) return true;
    const call = parent.parent;
    const method = parent.childForFieldName("attribute")?.text ?? "";
    return call?.type === "call" && MUTATORS.has(method);
  }
  return false;
}

/** Whether a subscript or attribute is assigned, augmented or deleted. */
export function isTarget(node: Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === "assignment" || parent.type === "augmented_assignment") {
    return parent.childForFieldName("left")?.id === node.id;
  }
  if (parent.type === "delete_statement") return true;
  return parent.type === "expression_list" && parent.parent?.type === "delete_statement";
}

function isInOperand(ref: Node): boolean {
  const parent = ref.parent;
  if (parent?.type !== "comparison_operator") return false;
  const operator = ref.previousSibling?.type;
  return operator === "in" || operator === "not in";
}

function isIterated(ref: Node): boolean {
  const parent = ref.parent;
  if (parent?.type === "for_statement" || parent?.type === "for_in_clause") {
    return parent.childForFieldName("right")?.id === ref.id;
  }
  if (parent?.type !== "argument_list") return false;
  const fn = parent.parent?.childForFieldName("function");
  return fn?.type === "identifier" && READERS.has(fn.text);
}

/** An assignment `name = <read>` whose whole statement holds the read. */
function aliasOf(read: Node): boolean {
  const parent = read.parent;
  return (
    parent?.type === "assignment" &&
    parent.childForFieldName("right")?.id === read.id &&
    parent.childForFieldName("left")?.type === "identifier" &&
    parent.parent?.type === "expression_statement"
  );
}

/** Classifies one reference to a container. */
export function classifyUse(ref: Node): PythonUse {
  const parent = ref.parent;
  if (parent?.type === "subscript" && parent.childForFieldName("value")?.id === ref.id) {
    if (isTarget(parent)) return { kind: "plain", ref, mutates: true };
    if (mutatedInPlace(parent)) return { kind: "nested", ref, read: parent, mutates: true };
    if (aliasOf(parent)) return { kind: "alias", ref, read: parent, mutates: false };
    return { kind: "plain", ref, mutates: false };
  }
  const method = methodCall(ref);
  if (method) {
    const read = READ_METHODS.has(method.name) ? method.call : undefined;
    const mutates = MUTATORS.has(method.name);
    if (!STORE_METHODS.has(method.name)) return { kind: "other", ref, mutates };
    if (read && mutatedInPlace(read)) return { kind: "nested", ref, read, mutates: true };
    if (read && aliasOf(read)) return { kind: "alias", ref, read, mutates };
    return { kind: "method", ref, mutates };
  }
  if (isInOperand(ref) || isIterated(ref)) return { kind: "plain", ref, mutates: false };
  return { kind: "other", ref, mutates: false };
}
