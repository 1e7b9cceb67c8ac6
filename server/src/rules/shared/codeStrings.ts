import type { Node } from "web-tree-sitter";
import type { ParsedFile } from "../../engine/parse";
import { walkPython } from "../../languages/python";
import {
  pythonEnvNames,
  pythonString,
  readsPythonEnv,
  type PythonEnvNames,
} from "../../languages/pythonSyntax";
import { ts, walkScript } from "../../languages/script";
import { envAliases, isProcessEnv, readsScriptEnv } from "../../languages/scriptSyntax";

/** A string literal of a program, with what surrounds it. */
export interface CodeString {
  start: number;
  end: number;
  /** The literal as written, quotes and `{expr}` / `${expr}` included. */
  raw: string;
  /** Its value when it has no interpolation. */
  value?: string;
  /** The variable a call that receives the literal is assigned to (`engine = create_engine("…")`). */
  owner?: string;
  /** Set when the literal is only the fallback of an environment read. */
  envFallback: boolean;
}

const stringsOfFiles = new WeakMap<ParsedFile, readonly CodeString[]>();

/**
 * Every string literal of a Python, JavaScript or TypeScript file, docstrings and imports aside;
 * found once per analysis, since several rules read them.
 */
export function codeStrings(file: ParsedFile): readonly CodeString[] {
  const known = stringsOfFiles.get(file);
  if (known) return known;
  const found = file.python
    ? pythonStrings(file.python.root, pythonEnvNames(file.python.root))
    : file.script
      ? scriptStrings(file.script.source)
      : [];
  stringsOfFiles.set(file, found);
  return found;
}

function pythonStrings(root: Node, env: PythonEnvNames): CodeString[] {
  const libraries = pythonConfigReaders(root);
  const found: CodeString[] = [];
  for (const node of walkPython(root)) {
    if (node.type !== "string" && node.type !== "concatenated_string") continue;
    if (node.parent?.type === "concatenated_string") continue;
    const parent = node.parent;
    if (parent?.type === "expression_statement" && parent.namedChildren.length === 1) continue;
    found.push({
      start: node.startIndex,
      end: node.endIndex,
      raw: node.text,
      value: pythonString(node),
      owner: pythonOwner(node),
      envFallback: isPythonFallback(node, env) || isLibraryDefault(node, libraries),
    });
  }
  return found;
}

/** The assignment target of the call a literal is passed to. */
function pythonOwner(node: Node): string | undefined {
  let current: Node | null = node.parent;
  if (current?.type === "keyword_argument") current = current.parent;
  if (current?.type !== "argument_list") return undefined;
  const call = current.parent;
  const assignment = call?.parent;
  if (assignment?.type !== "assignment") return undefined;
  return assignment.childForFieldName("left")?.text;
}

/** `os.environ.get("X", "<literal>")`, `os.getenv("X", "<literal>")`, `os.getenv("X") or "<literal>"`. */
function isPythonFallback(node: Node, env: PythonEnvNames): boolean {
  const parent = node.parent;
  if (parent?.type === "argument_list") {
    const call = parent.parent;
    return !!call && isEnvGet(call, env) && parent.namedChildren[0]?.id !== node.id;
  }
  if (parent?.type === "boolean_operator") {
    const left = parent.childForFieldName("left");
    return !!left && left.id !== node.id && readsPythonEnv(left, env);
  }
  return false;
}

/** Names that read the environment through a config library. */
interface PythonConfigReaders {
  /** django-environ `Env()` instances: `env("X", default=…)`, `env.str("X", default=…)`. */
  environ: Set<string>;
  /** python-decouple's `config("X", default=…)` (or `config("X", "…")`). */
  decouple: Set<string>;
}

function pythonConfigReaders(root: Node): PythonConfigReaders {
  const readers: PythonConfigReaders = { environ: new Set(), decouple: new Set() };
  for (const statement of root.namedChildren) {
    if (statement.type === "import_from_statement") {
      if (statement.childForFieldName("module_name")?.text !== "decouple") continue;
      for (const name of statement.childrenForFieldName("name")) {
        const alias = name.type === "aliased_import" ? name.childForFieldName("alias") : name;
        const imported = name.type === "aliased_import" ? name.childForFieldName("name") : name;
        if (imported?.text === "config" && alias) readers.decouple.add(alias.text);
      }
    }
    const assignment = statement.type === "expression_statement" && statement.namedChildren[0];
    if (!assignment || assignment.type !== "assignment") continue;
    const callee = assignment.childForFieldName("right")?.childForFieldName("function")?.text;
    const left = assignment.childForFieldName("left");
    if (left?.type === "identifier" && /^(environ\.)?Env$/.test(callee ?? "")) {
      readers.environ.add(left.text);
    }
  }
  return readers;
}

/**
 * The default of a config library's read: django-environ and python-decouple calls, and the
 * field defaults of a pydantic `BaseSettings` class (`redis_url: str = "…"`, `Field("…")`),
 * which pydantic replaces with the environment variable of the same name.
 */
function isLibraryDefault(node: Node, readers: PythonConfigReaders): boolean {
  const argument = node.parent?.type === "keyword_argument" ? node.parent : node;
  const keyword = argument !== node ? argument.childForFieldName("name")?.text : undefined;
  const list = argument.parent;
  if (list?.type !== "argument_list") return isSettingsField(node);
  if (keyword !== undefined && keyword !== "default") return false;
  const index = list.namedChildren.findIndex((c) => c.id === argument.id);
  const call = list.parent;
  const fn = call?.childForFieldName("function");
  if (!call || !fn) return false;
  if (fn.text === "Field" || fn.text.endsWith(".Field")) {
    return (keyword === "default" || index === 0) && isSettingsField(call);
  }
  if (list.namedChildren[0]?.type !== "string" || index === 0) return false;
  const object = fn.type === "attribute" ? fn.childForFieldName("object")?.text : fn.text;
  if (readers.environ.has(object ?? "")) return keyword === "default";
  return fn.type === "identifier" && readers.decouple.has(fn.text) && index <= 1;
}

/** The value of an annotated field in a class deriving from pydantic's `BaseSettings`. */
function isSettingsField(value: Node): boolean {
  const assignment = value.parent;
  if (assignment?.type !== "assignment" || assignment.childForFieldName("right")?.id !== value.id)
    return false;
  const block = assignment.parent?.parent;
  const klass = block?.type === "block" ? block.parent : undefined;
  if (klass?.type !== "class_definition") return false;
  const bases = klass.childForFieldName("superclasses")?.namedChildren ?? [];
  return bases.some((base) => /(^|\.)BaseSettings$/.test(base.text));
}

/** `os.environ.get(…)`, `os.getenv(…)`, `getenv(…)`, `environ.get(…)`. */
function isEnvGet(call: Node, env: PythonEnvNames): boolean {
  const fn = call.type === "call" ? call.childForFieldName("function") : null;
  if (!fn) return false;
  if (fn.type === "identifier") return env.getenv.has(fn.text);
  if (fn.type !== "attribute") return false;
  const attribute = fn.childForFieldName("attribute")?.text;
  const object = fn.childForFieldName("object");
  if (!object) return false;
  if (attribute === "getenv") return env.os.has(object.text);
  return attribute === "get" && readsPythonEnv(object, env);
}

function scriptStrings(source: ts.SourceFile): CodeString[] {
  const aliases = envAliases(source);
  const found: CodeString[] = [];
  for (const node of walkScript(source)) {
    const literal =
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateExpression(node);
    if (!literal || isModuleName(node)) continue;
    const start = node.getStart(source);
    found.push({
      start,
      end: node.getEnd(),
      raw: node.getText(source),
      value: ts.isTemplateExpression(node) ? undefined : (node as ts.StringLiteral).text,
      owner: scriptOwner(node),
      envFallback: isScriptFallback(node, aliases),
    });
  }
  return found;
}

function isModuleName(node: ts.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent)) return true;
  if (ts.isPropertyAssignment(parent) && parent.name === node) return true;
  return (
    ts.isCallExpression(parent) &&
    (parent.expression.kind === ts.SyntaxKind.ImportKeyword ||
      (ts.isIdentifier(parent.expression) && parent.expression.text === "require"))
  );
}

function scriptOwner(node: ts.Node): string | undefined {
  let current = node.parent;
  if (current && ts.isPropertyAssignment(current)) current = current.parent?.parent;
  if (!current || !(ts.isCallExpression(current) || ts.isNewExpression(current))) return undefined;
  let holder = current.parent;
  while (holder && (ts.isAwaitExpression(holder) || ts.isParenthesizedExpression(holder))) {
    holder = holder.parent;
  }
  if (holder && ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name))
    return holder.name.text;
  return undefined;
}

/** `process.env.X || "<literal>"`, `?? "<literal>"`, `const { X = "<literal>" } = process.env`. */
function isScriptFallback(node: ts.Node, aliases: Set<string>): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (ts.isBinaryExpression(parent) && parent.right === node) {
    const operator = parent.operatorToken.kind;
    const fallback =
      operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.QuestionQuestionToken;
    return fallback && readsScriptEnv(parent.left, aliases);
  }
  if (ts.isCallExpression(parent) && parent.arguments[1] === node) return isConfigGet(parent);
  if (ts.isBindingElement(parent) && parent.initializer === node) {
    const declaration = parent.parent?.parent;
    return (
      !!declaration &&
      ts.isVariableDeclaration(declaration) &&
      !!declaration.initializer &&
      (isProcessEnv(declaration.initializer, aliases) ||
        readsScriptEnv(declaration.initializer, aliases))
    );
  }
  return false;
}

/** NestJS `configService.get('X', '<literal>')`, `this.config.getOrThrow<string>('X', …)`. */
function isConfigGet(call: ts.CallExpression): boolean {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || !/^get(OrThrow)?$/.test(callee.name.text))
    return false;
  const object = callee.expression;
  const name = ts.isIdentifier(object)
    ? object.text
    : ts.isPropertyAccessExpression(object)
      ? object.name.text
      : "";
  const key = call.arguments[0];
  return /^(config|configuration)(service)?$/i.test(name) && !!key && ts.isStringLiteralLike(key);
}
