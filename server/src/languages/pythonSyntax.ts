import type { Node } from "web-tree-sitter";
import type { TextEdit } from "../engine/types";
import { walkPython } from "./python";
import type { SourceText } from "./sourceText";

/** The value of a plain string literal (no interpolation), else undefined. */
export function pythonString(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === "concatenated_string") {
    const parts = node.namedChildren.map((c) => pythonString(c));
    return parts.every((p) => p !== undefined) ? parts.join("") : undefined;
  }
  if (node.type !== "string") return undefined;
  if (node.namedChildren.some((c) => c.type === "interpolation")) return undefined;
  return node.namedChildren
    .filter((c) => c.type === "string_content" || c.type === "escape_sequence")
    .map((c) => c.text)
    .join("");
}

/** The prefix and quote of a string literal, e.g. `f"` or `'`, to write a sibling in the same style. */
export function pythonQuote(node: Node): string {
  const start = node.namedChildren.find((c) => c.type === "string_start")?.text ?? '"';
  return start.replace(/^[rbfuRBFU]*/, "");
}

/** Names that the module binds to `os` and to `os.environ` (aliases included). */
export interface PythonEnvNames {
  os: ReadonlySet<string>;
  environ: ReadonlySet<string>;
  getenv: ReadonlySet<string>;
}

const envNamesOfTrees = new WeakMap<Node["tree"], Readonly<PythonEnvNames>>();

/** The names of a module, found once per syntax tree (rules ask once per finding). */
export function pythonEnvNames(root: Node): Readonly<PythonEnvNames> {
  const whole = root.id === root.tree.rootNode.id;
  const known = whole ? envNamesOfTrees.get(root.tree) : undefined;
  if (known) return known;
  const names = findEnvNames(root);
  if (whole) envNamesOfTrees.set(root.tree, names);
  return names;
}

function findEnvNames(root: Node): PythonEnvNames {
  const names = { os: new Set<string>(), environ: new Set<string>(), getenv: new Set<string>() };
  for (const node of root.descendantsOfType(["import_statement", "import_from_statement"])) {
    if (node.type === "import_statement") {
      for (const child of node.namedChildren) {
        if (child.type === "dotted_name" && child.text === "os") names.os.add("os");
        if (child.type === "aliased_import" && child.childForFieldName("name")?.text === "os") {
          names.os.add(child.childForFieldName("alias")?.text ?? "os");
        }
      }
      continue;
    }
    if (node.childForFieldName("module_name")?.text !== "os") continue;
    for (const child of node.childrenForFieldName("name")) {
      const imported =
        child.type === "aliased_import" ? child.childForFieldName("name")?.text : child.text;
      const local =
        child.type === "aliased_import" ? child.childForFieldName("alias")?.text : child.text;
      if (imported === "environ" && local) names.environ.add(local);
      if (imported === "getenv" && local) names.getenv.add(local);
    }
  }
  return names;
}

/**
 * Whether an expression reads the environment: `os.environ[...]`, `os.environ.get(...)`,
 * `os.getenv(...)`, their aliases, or any expression containing one (`int(os.getenv("X"))`).
 */
export function readsPythonEnv(node: Node, names: PythonEnvNames): boolean {
  for (const child of walkPython(node)) {
    if (isEnvironRef(child, names)) return true;
    if (child.type === "call") {
      const fn = child.childForFieldName("function");
      if (fn?.type === "identifier" && names.getenv.has(fn.text)) return true;
      if (fn?.type === "attribute" && fn.childForFieldName("attribute")?.text === "getenv") {
        const object = fn.childForFieldName("object");
        if (object && names.os.has(object.text)) return true;
      }
    }
  }
  return false;
}

function isEnvironRef(node: Node, names: PythonEnvNames): boolean {
  if (node.type === "identifier" && names.environ.has(node.text)) return true;
  if (node.type !== "attribute" || node.childForFieldName("attribute")?.text !== "environ")
    return false;
  const object = node.childForFieldName("object");
  return !!object && names.os.has(object.text);
}

/** The argument of a call passed by keyword, or undefined. */
export function keywordArgument(call: Node, name: string): Node | undefined {
  const args = call.childForFieldName("arguments");
  return args?.namedChildren.find(
    (a) => a.type === "keyword_argument" && a.childForFieldName("name")?.text === name,
  );
}

/** Positional arguments of a call, in order. */
export function positionalArguments(call: Node): Node[] {
  const args = call.childForFieldName("arguments");
  return (args?.namedChildren ?? []).filter(
    (a) => !["keyword_argument", "comment", "list_splat", "dictionary_splat"].includes(a.type),
  );
}

/** The dotted text of a call's callee (`app.run`, `uvicorn.run`, `Flask`). */
export function calleeText(call: Node): string {
  return call.childForFieldName("function")?.text.replace(/\s+/g, "") ?? "";
}

/**
 * The edit that adds `import <module>` at module level when the file does not import it:
 * after the last top-level import, else after a docstring and `__future__` imports.
 */
export function ensurePythonImport(root: Node, source: SourceText, module: string): TextEdit[] {
  const statements = root.namedChildren;
  const present = statements.some(
    (s) =>
      s.type === "import_statement" &&
      s.namedChildren.some((c) => c.type === "dotted_name" && c.text === module),
  );
  if (present) return [];
  const imports = statements.filter(
    (s) =>
      s.type === "import_statement" ||
      s.type === "import_from_statement" ||
      s.type === "future_import_statement",
  );
  const eol = source.eol;
  if (imports.length > 0) {
    const last = imports[imports.length - 1];
    const at = source.positionAt(last.endIndex);
    return [{ range: { start: at, end: at }, newText: `${eol}import ${module}` }];
  }
  const first = statements.find((s) => s.type !== "comment");
  const docstring =
    first?.type === "expression_statement" && first.namedChildren[0]?.type === "string";
  if (first && docstring) {
    const at = source.positionAt(first.endIndex);
    return [{ range: { start: at, end: at }, newText: `${eol}${eol}import ${module}` }];
  }
  if (first) {
    const at = source.positionAt(first.startIndex);
    return [{ range: { start: at, end: at }, newText: `import ${module}${eol}` }];
  }
  const comments = statements.filter((s) => s.type === "comment");
  const last = comments[comments.length - 1];
  const at = source.positionAt(last ? last.endIndex : 0);
  return [
    {
      range: { start: at, end: at },
      newText: last ? `${eol}import ${module}` : `import ${module}${eol}`,
    },
  ];
}

/** The name a function-call result or class instance is bound to at module level. */
export function moduleAssignments(root: Node): Array<{ name: string; value: Node; node: Node }> {
  const result: Array<{ name: string; value: Node; node: Node }> = [];
  for (const statement of root.namedChildren) {
    const assignment =
      statement.type === "expression_statement" ? statement.namedChildren[0] : undefined;
    if (assignment?.type !== "assignment") continue;
    const left = assignment.childForFieldName("left");
    const right = assignment.childForFieldName("right");
    if (left?.type === "identifier" && right)
      result.push({ name: left.text, value: right, node: assignment });
  }
  return result;
}
