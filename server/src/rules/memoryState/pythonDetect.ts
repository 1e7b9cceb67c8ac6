import type { Node } from "web-tree-sitter";
import { calleeText, moduleAssignments } from "../../languages/pythonSyntax";
import { enclosingFunction, methodClass } from "../shared/pythonCode";
import { isPythonHandler, isPythonWebModule } from "../shared/webApps";
import { classifyUse, mutatedInPlace, type PythonUse } from "./pythonUses";
import { KEY_HINT, STATE_NAME } from "./stateNames";

export type ContainerKind = "dict" | "list" | "set";

/** A dict, list or set that outlives requests: module, class or singleton attribute. */
export interface PythonContainer {
  name: string;
  scope: "module" | "class" | "instance";
  /** The assignment that creates it. */
  definition: Node;
  value: Node;
  kind: ContainerKind;
  /** The factory of a `defaultdict(list)`. */
  defaultFactory?: string;
  empty: boolean;
  className?: string;
  uses: PythonUse[];
  /** The first use that changes it from inside a function. */
  mutation: PythonUse;
}

const CONSTRUCTORS: Record<string, ContainerKind> = {
  dict: "dict",
  OrderedDict: "dict",
  defaultdict: "dict",
  list: "list",
  set: "set",
};

function containerKind(
  value: Node,
): { kind: ContainerKind; empty: boolean; factory?: string } | undefined {
  if (value.type === "dictionary") return { kind: "dict", empty: value.namedChildCount === 0 };
  if (value.type === "list") return { kind: "list", empty: value.namedChildCount === 0 };
  if (value.type === "set") return { kind: "set", empty: false };
  if (value.type !== "call") return undefined;
  const callee = calleeText(value).replace(/^collections\./, "");
  const kind = CONSTRUCTORS[callee];
  if (!kind) return undefined;
  const args = value.childForFieldName("arguments")?.namedChildren ?? [];
  if (callee === "defaultdict") {
    return { kind, empty: args.length <= 1, factory: args[0]?.text };
  }
  return { kind, empty: args.length === 0 };
}

/** Whether a function binds the name itself (parameter, or assignment without `global`). */
function shadows(fn: Node, name: string): boolean {
  const declared = fn
    .descendantsOfType("global_statement")
    .some((g) => g.namedChildren.some((c) => c.text === name));
  if (declared) return false;
  const params = fn.childForFieldName("parameters")?.descendantsOfType("identifier") ?? [];
  if (params.some((p) => p.text === name)) return true;
  return fn
    .descendantsOfType(["assignment", "for_statement"])
    .some((a) => a.childForFieldName("left")?.text === name);
}

/** The identifiers of a tree grouped by name, found once per tree. */
const identifierIndexes = new WeakMap<Node["tree"], Map<string, Node[]>>();

function identifiersNamed(root: Node, name: string): Node[] {
  let index = identifierIndexes.get(root.tree);
  if (!index) {
    index = new Map();
    for (const id of root.tree.rootNode.descendantsOfType("identifier")) {
      const list = index.get(id.text);
      if (list) list.push(id);
      else index.set(id.text, [id]);
    }
    identifierIndexes.set(root.tree, index);
  }
  const within = (id: Node) => id.startIndex >= root.startIndex && id.endIndex <= root.endIndex;
  return (index.get(name) ?? []).filter(within);
}

function moduleRefs(root: Node, name: string, definition: Node): Node[] {
  const shadowing = new Map<number, boolean>();
  const shadowedIn = (fn: Node) => {
    let known = shadowing.get(fn.id);
    if (known === undefined) shadowing.set(fn.id, (known = shadows(fn, name)));
    return known;
  };
  return identifiersNamed(root, name).filter((id) => {
    if (id.text !== name || id.parent?.id === definition.id) return false;
    const parent = id.parent;
    if (parent?.type === "attribute" && parent.childForFieldName("attribute")?.id === id.id)
      return false;
    if (parent?.type === "keyword_argument" && parent.childForFieldName("name")?.id === id.id) {
      return false;
    }
    if (parent?.type === "global_statement") return false;
    for (let fn = enclosingFunction(id); fn; fn = enclosingFunction(fn)) {
      if (shadowedIn(fn)) return false;
    }
    return true;
  });
}

function attributeRefs(scope: Node, owners: string[], name: string, definition: Node): Node[] {
  return scope.descendantsOfType("attribute").filter((attribute) => {
    if (attribute.childForFieldName("attribute")?.text !== name) return false;
    if (definition.childForFieldName("left")?.id === attribute.id) return false;
    return owners.includes(attribute.childForFieldName("object")?.text ?? "");
  });
}

type Candidate = Omit<PythonContainer, "uses" | "mutation"> & { refs: () => Node[] };

/** Whether the text indexes a name by something that identifies a user or request. */
function keyedInText(text: string, name: string): boolean {
  return new RegExp(`\\b${name}\\s*${KEY_HINT.source}`).test(text);
}

function candidates(root: Node): Candidate[] {
  const result: Candidate[] = [];
  for (const { name, value, node } of moduleAssignments(root)) {
    const kind = containerKind(value);
    if (kind)
      result.push({
        name,
        scope: "module",
        definition: node,
        value,
        ...kind,
        defaultFactory: kind.factory,
        refs: () => moduleRefs(root, name, node),
      });
  }
  for (const cls of root.descendantsOfType("class_definition")) {
    const className = cls.childForFieldName("name")?.text ?? "";
    const body = cls.childForFieldName("body");
    for (const statement of body?.namedChildren ?? []) {
      const assignment =
        statement.type === "expression_statement" ? statement.namedChildren[0] : undefined;
      const left = assignment?.childForFieldName("left");
      const value = assignment?.childForFieldName("right");
      const kind = value ? containerKind(value) : undefined;
      if (
        !assignment ||
        assignment.type !== "assignment" ||
        left?.type !== "identifier" ||
        !value ||
        !kind
      )
        continue;
      const refs = () => [
        ...attributeRefs(cls, ["self", "cls"], left.text, assignment),
        ...attributeRefs(root, [className], left.text, assignment),
      ];
      result.push({
        name: `${className}.${left.text}`,
        scope: "class",
        definition: assignment,
        value,
        ...kind,
        defaultFactory: kind.factory,
        className,
        refs,
      });
    }
    for (const assignment of initAssignments(cls)) {
      const left = assignment.childForFieldName("left");
      const value = assignment.childForFieldName("right");
      const attribute = left?.childForFieldName("attribute")?.text ?? "";
      const kind = value ? containerKind(value) : undefined;
      if (!value || !kind) continue;
      const refs = () => attributeRefs(cls, ["self"], attribute, assignment);
      result.push({
        name: `${className}.${attribute}`,
        scope: "instance",
        definition: assignment,
        value,
        ...kind,
        defaultFactory: kind.factory,
        className,
        refs,
      });
    }
  }
  return result;
}

/** `self.x = …` statements directly in a class's `__init__`. */
function initAssignments(cls: Node): Node[] {
  const init = cls
    .childForFieldName("body")
    ?.descendantsOfType("function_definition")
    .find((f) => f.childForFieldName("name")?.text === "__init__" && methodClass(f)?.id === cls.id);
  const statements = init?.childForFieldName("body")?.namedChildren ?? [];
  return statements
    .map((s) => (s.type === "expression_statement" ? s.namedChildren[0] : undefined))
    .filter((a): a is Node => a?.type === "assignment")
    .filter((a) => {
      const left = a.childForFieldName("left");
      return left?.type === "attribute" && left.childForFieldName("object")?.text === "self";
    });
}

function isSingleton(root: Node, className: string | undefined): boolean {
  if (!className) return false;
  if (/(Manager|Store|Registry|Service|Repository|Tracker|Storage)$/.test(className)) return true;
  return moduleAssignments(root).some(
    (a) => a.value.type === "call" && calleeText(a.value) === className,
  );
}

const attributeName = (name: string): string => name.split(".").pop() ?? name;

/** Whether the variable an alias use binds (`cart = carts[u]`) is changed in place later. */
function aliasChanged(use: PythonUse, fn: Node): boolean {
  if (use.kind !== "alias" || !use.read) return false;
  const alias = use.read.parent?.childForFieldName("left")?.text;
  return fn
    .descendantsOfType("identifier")
    .some((id) => id.text === alias && id.startIndex > use.read!.endIndex && mutatedInPlace(id));
}

/** Containers of a module that hold per-user state and are changed while handling requests. */
export function pythonContainers(root: Node): PythonContainer[] {
  const web = isPythonWebModule(root);
  const text = root.text;
  const result: PythonContainer[] = [];
  for (const candidate of candidates(root)) {
    const field = attributeName(candidate.name);
    if (!STATE_NAME.test(field) && !keyedInText(text, field)) continue;
    const uses = candidate.refs().map(classifyUse);
    const mutation = uses.find((use) => {
      const fn = enclosingFunction(use.ref);
      if (!fn || !(use.mutates || aliasChanged(use, fn))) return false;
      if (candidate.scope === "instance" && fn.childForFieldName("name")?.text === "__init__") {
        return false;
      }
      return web || isPythonHandler(fn) || !!methodClass(fn);
    });
    if (!mutation) continue;
    const keyed = uses.some((u) => u.mutates && KEY_HINT.test(u.ref.parent?.text ?? ""));
    if (!STATE_NAME.test(attributeName(candidate.name)) && !keyed) continue;
    if (candidate.scope === "instance" && !isSingleton(root, candidate.className)) continue;
    const { refs: _refs, ...rest } = candidate;
    result.push({ ...rest, uses, mutation });
  }
  return result;
}
