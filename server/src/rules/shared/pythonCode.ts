import type { Node } from "web-tree-sitter";
import type { TextEdit } from "../../engine/types";
import { ensurePythonImport, pythonEnvNames } from "../../languages/pythonSyntax";
import { leadingImportAnchor, pythonImportBlockEdit } from "./pythonImportBlock";
import type { SourceText } from "../../languages/sourceText";

/** The quote a Python file uses most, for the string literals a fix writes. */
export function pythonPreferredQuote(source: SourceText): string {
  const single = (source.text.match(/'/g) ?? []).length;
  const double = (source.text.match(/"/g) ?? []).length;
  return single > double ? "'" : '"';
}

/** A string literal in a file's quote style. */
export function pythonLiteral(value: string, quote: string): string {
  const escaped = value.replace(/\\/g, "\\\\").replace(new RegExp(quote, "g"), `\\${quote}`);
  return `${quote}${escaped}${quote}`;
}

/** Whether the module binds the name `os` (`import os`, `import os.path`). */
function importsOs(root: Node): boolean {
  return root.namedChildren.some(
    (s) =>
      s.type === "import_statement" &&
      s.namedChildren.some((c) => c.type === "dotted_name" && /^os(\.|$)/.test(c.text)),
  );
}

/**
 * How the file reaches `os.environ` (its own alias when it has one) and the import edit
 * needed when it has none.
 */
export function pythonEnviron(root: Node, source: SourceText): { text: string; edits: TextEdit[] } {
  const names = pythonEnvNames(root);
  const alias = [...names.os].find((n) => n !== "os") ?? (names.os.has("os") ? "os" : undefined);
  if (alias) return { text: `${alias}.environ`, edits: [] };
  if (importsOs(root)) return { text: "os.environ", edits: [] };
  const environ = [...names.environ][0];
  if (environ) return { text: environ, edits: [] };
  return { text: "os.environ", edits: ensurePythonImport(root, source, "os") };
}

/** The edit adding `import <module>` unless the module is imported already (aliases too). */
export function ensureModuleImport(root: Node, source: SourceText, module: string): TextEdit[] {
  const imported = root.namedChildren.some(
    (s) =>
      s.type === "import_statement" &&
      s.namedChildren.some(
        (c) =>
          (c.type === "dotted_name" && (c.text === module || c.text.startsWith(`${module}.`))) ||
          (c.type === "aliased_import" &&
            c.childForFieldName("name")?.text === module &&
            c.childForFieldName("alias")?.text === module),
      ),
  );
  return imported ? [] : ensurePythonImport(root, source, module);
}

/** The statement (a direct child of a block or the module) that holds a node. */
export function enclosingStatement(node: Node): Node {
  let current = node;
  while (current.parent && !["block", "module"].includes(current.parent.type)) {
    current = current.parent;
  }
  return current;
}

/** The white space before the first character of a node's line. */
export function indentOf(source: SourceText, node: Node): string {
  const line = source.lineText(node.startPosition.row);
  return /^[ \t]*/.exec(line)?.[0] ?? "";
}

/** Whether a statement starts its own line (not after `if x:` or `;`). */
export function startsLine(source: SourceText, statement: Node): boolean {
  const line = source.lineText(statement.startPosition.row);
  return line.slice(0, statement.startPosition.column).trim() === "";
}

/** An edit that puts lines after a statement, at the statement's indentation. */
export function linesAfter(source: SourceText, statement: Node, lines: string[]): TextEdit {
  const indent = indentOf(source, statement);
  const at = source.positionAt(statement.endIndex);
  const text = lines.map((l) => `${source.eol}${l ? indent + l : ""}`).join("");
  return { range: { start: at, end: at }, newText: text };
}

/** An edit that puts lines before a statement that starts its own line. */
export function linesBefore(source: SourceText, statement: Node, lines: string[]): TextEdit {
  const indent = indentOf(source, statement);
  const at = source.positionAt(statement.startIndex);
  const text = lines.map((l) => `${l}${source.eol}${indent}`).join("");
  return { range: { start: at, end: at }, newText: text };
}

/** The function definition a node sits in, or undefined at module level. */
export function enclosingFunction(node: Node): Node | undefined {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === "function_definition" || p.type === "lambda") return p;
  }
  return undefined;
}

/** The class a function is defined in directly (a method), or undefined. */
export function methodClass(fn: Node): Node | undefined {
  const holder = fn.parent?.type === "decorated_definition" ? fn.parent : fn;
  const block = holder.parent;
  return block?.type === "block" && block.parent?.type === "class_definition"
    ? block.parent
    : undefined;
}

/** The edit that replaces a node's text. */
export function replaceNode(source: SourceText, node: Node, newText: string): TextEdit {
  return { range: source.range(node.startIndex, node.endIndex), newText };
}

const namesOfTrees = new WeakMap<Node["tree"], Set<string>>();

/** Every identifier spelled anywhere in the file, found once per syntax tree. */
export function moduleNames(root: Node): ReadonlySet<string> {
  const known = namesOfTrees.get(root.tree);
  if (known) return known;
  const names = new Set<string>();
  for (const node of root.tree.rootNode.descendantsOfType("identifier")) names.add(node.text);
  namesOfTrees.set(root.tree, names);
  return names;
}

/** A name not used in the file: `base`, else `base_2`, `base_3`… */
export function freshPythonName(root: Node, base: string): string {
  const used = moduleNames(root);
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}_${i}`)) return `${base}_${i}`;
}

/** The last name of a call's callee (`run` of `app.run(...)`), cheap to compare. */
export function calleeName(call: Node): string {
  const fn = call.childForFieldName("function");
  if (fn?.type === "attribute") return fn.childForFieldName("attribute")?.text ?? "";
  return fn?.type === "identifier" ? fn.text : "";
}

/** The last module-level statement that loads `.env` (`load_dotenv()`, `env.read_env()`). */
export function dotenvLoadCall(root: Node): Node | undefined {
  const calls = root.namedChildren.filter(
    (s) => s.type === "expression_statement" && /^(\w+\.)?(load_dotenv|read_env)\s*\(/.test(s.text),
  );
  return calls[calls.length - 1];
}

/** The names a module-level import statement binds (`os` of `import os.path`, aliases). */
function importedNames(statement: Node): string[] {
  return statement.childrenForFieldName("name").map((name) => {
    const alias = name.type === "aliased_import" ? name.childForFieldName("alias") : undefined;
    return alias ? alias.text : name.text.split(".")[0];
  });
}

/** The last module-level import of a name that lines of code refer to. */
function lastImportUsedBy(root: Node, code: string[]): Node | undefined {
  const words = new Set(code.join("\n").match(/[A-Za-z_]\w*/g) ?? []);
  const imports = root.namedChildren.filter(
    (s) =>
      (s.type === "import_statement" || s.type === "import_from_statement") &&
      importedNames(s).some((name) => words.has(name)),
  );
  return imports[imports.length - 1];
}

/**
 * Edits that add imports after the module's imports and module-level code after its `.env`
 * loading and after the imports of the modules it uses (right after the imports when those
 * all sit in the leading import block), so the code sees the variables and the names.
 */
export function moduleCodeEdits(
  root: Node,
  source: SourceText,
  imports: string[],
  code: string[],
): TextEdit[] {
  const anchor = leadingImportAnchor(root);
  const after = [dotenvLoadCall(root), lastImportUsedBy(root, code)]
    .filter((n): n is Node => !!n && (!anchor || n.startIndex > anchor.startIndex))
    .sort((a, b) => b.startIndex - a.startIndex)[0];
  if (!after) return [pythonImportBlockEdit(root, source, [...imports, ...code])];
  const blankFollows = /^[ \t]*(?:#.*)?\r?\n[ \t]*\r?\n/.test(source.text.slice(after.endIndex));
  const edits = [linesAfter(source, after, blankFollows ? code : [...code, ""])];
  if (imports.length > 0) edits.unshift(pythonImportBlockEdit(root, source, imports));
  return edits;
}
