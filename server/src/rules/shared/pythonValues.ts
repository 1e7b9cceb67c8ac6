import type { Node } from "web-tree-sitter";
import { pythonString, readsPythonEnv, type PythonEnvNames } from "../../languages/pythonSyntax";
import { enclosingFunction } from "./pythonCode";

/** Where a value comes from: a literal (maybe through a module constant), the environment, or unknown. */
export type PythonValue =
  | { kind: "literal"; node: Node; via?: Node }
  | { kind: "env" }
  | { kind: "unknown" };

const UNKNOWN: PythonValue = { kind: "unknown" };

/** Module-level `NAME = value` statements by name (every assignment of the name). */
export function moduleBindings(root: Node): Map<string, Node[]> {
  const bindings = new Map<string, Node[]>();
  for (const statement of root.namedChildren) {
    const assignment =
      statement.type === "expression_statement" ? statement.namedChildren[0] : undefined;
    const left = assignment?.childForFieldName("left");
    if (assignment?.type !== "assignment" || left?.type !== "identifier") continue;
    bindings.set(left.text, [...(bindings.get(left.text) ?? []), assignment]);
  }
  return bindings;
}

/** Whether a function binds a name itself (parameter, assignment), shadowing the module's. */
function shadowed(fn: Node | undefined, name: string): boolean {
  if (!fn) return false;
  const params = fn.childForFieldName("parameters");
  for (const node of params?.descendantsOfType("identifier") ?? []) {
    if (node.text === name) return true;
  }
  for (const assignment of fn.descendantsOfType(["assignment", "augmented_assignment"])) {
    if (assignment.childForFieldName("left")?.text === name) return true;
  }
  return false;
}

/** Whether anything outside module level assigns the name through `global`. */
function reassigned(root: Node, name: string): boolean {
  return root
    .descendantsOfType("global_statement")
    .some((g) => g.namedChildren.some((c) => c.text === name));
}

function dictEntry(dict: Node, key: string): Node | undefined {
  for (const pair of dict.namedChildren) {
    if (pair.type !== "pair") continue;
    if (pythonString(pair.childForFieldName("key")) === key) {
      return pair.childForFieldName("value") ?? undefined;
    }
  }
  return undefined;
}

/** Follows a value one or two steps (module constants, dict literals) to a literal. */
export function resolvePythonValue(root: Node, value: Node, env: PythonEnvNames): PythonValue {
  return resolve(root, value, env, 0);
}

function resolve(root: Node, value: Node, env: PythonEnvNames, depth: number): PythonValue {
  if (depth > 3) return UNKNOWN;
  if (readsPythonEnv(value, env)) return { kind: "env" };
  if (value.type === "integer" || (value.type === "string" && pythonString(value) !== undefined)) {
    return { kind: "literal", node: value };
  }
  if (value.type === "parenthesized_expression" && value.namedChildren.length === 1) {
    return resolve(root, value.namedChildren[0], env, depth + 1);
  }
  if (value.type === "identifier") return resolveName(root, value, env, depth);
  if (value.type === "subscript") {
    const object = value.childForFieldName("value");
    const key = pythonString(value.childForFieldName("subscript"));
    if (object?.type !== "identifier" || key === undefined) return UNKNOWN;
    const dict = bindingValue(root, object);
    const entry = dict?.type === "dictionary" ? dictEntry(dict, key) : undefined;
    return entry ? withVia(resolve(root, entry, env, depth + 1), entry) : UNKNOWN;
  }
  return UNKNOWN;
}

function bindingValue(root: Node, name: Node): Node | undefined {
  if (shadowed(enclosingFunction(name), name.text) || reassigned(root, name.text)) {
    return undefined;
  }
  const assignments = moduleBindings(root).get(name.text) ?? [];
  return assignments.length === 1
    ? (assignments[0].childForFieldName("right") ?? undefined)
    : undefined;
}

function resolveName(root: Node, name: Node, env: PythonEnvNames, depth: number): PythonValue {
  const value = bindingValue(root, name);
  if (!value) return UNKNOWN;
  return withVia(resolve(root, value, env, depth + 1), value);
}

function withVia(result: PythonValue, via: Node): PythonValue {
  return result.kind === "literal" ? { ...result, via: result.via ?? via } : result;
}

/** The integer a literal holds (`5000`, `"5000"`), or undefined. */
export function portNumber(node: Node): number | undefined {
  const text = node.type === "integer" ? node.text.replace(/_/g, "") : pythonString(node);
  if (text === undefined || !/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port > 0 && port < 65536 ? port : undefined;
}
