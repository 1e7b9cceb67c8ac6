import type { TextEdit } from "../../engine/types";
import { ts, walkScript } from "../../languages/script";
import { isEsModule, scriptString } from "../../languages/scriptSyntax";
import type { SourceText } from "../../languages/sourceText";

/** A string literal in the given quote. */
export function scriptLiteral(value: string, quote: string): string {
  const escaped = value.replace(/\\/g, "\\\\").replace(new RegExp(quote, "g"), `\\${quote}`);
  return `${quote}${escaped}${quote}`;
}

/** Whether an expression is `require("…")`, maybe called on (`require("dotenv").config()`). */
function isRequireExpression(node: ts.Expression): boolean {
  let current = node;
  while (ts.isCallExpression(current) || ts.isPropertyAccessExpression(current)) {
    if (ts.isCallExpression(current) && ts.isIdentifier(current.expression)) {
      return current.expression.text === "require";
    }
    current = current.expression;
  }
  return false;
}

/** `dotenv.config()`: loading `.env` belongs with the imports, before code that reads it. */
const DOTENV_CONFIG = /^\w*dotenv\w*\.config\s*\(/i;

/** Whether a statement loads a module: `import …`, `const x = require("…")`, `require("…")`. */
function isModuleLoad(statement: ts.Statement): boolean {
  if (ts.isImportDeclaration(statement) || ts.isImportEqualsDeclaration(statement)) return true;
  if (ts.isExpressionStatement(statement)) {
    return isRequireExpression(statement.expression) || DOTENV_CONFIG.test(statement.getText());
  }
  if (!ts.isVariableStatement(statement)) return false;
  return statement.declarationList.declarations.every((d) => {
    let init = d.initializer;
    while (init && ts.isPropertyAccessExpression(init)) init = init.expression;
    return (
      !!init &&
      ts.isCallExpression(init) &&
      ts.isIdentifier(init.expression) &&
      init.expression.text === "require"
    );
  });
}

/** The statement new imports and module-level code go after, or undefined for the top. */
export function lastModuleLoad(source: ts.SourceFile): ts.Statement | undefined {
  let last: ts.Statement | undefined;
  for (const statement of source.statements) {
    if (isModuleLoad(statement)) last = statement;
    else if (last || !isDirective(statement)) break;
  }
  return last;
}

function isDirective(statement: ts.Statement): boolean {
  return ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression);
}

/** The module names a file imports or requires. */
export function loadedModules(source: ts.SourceFile): Set<string> {
  const modules = new Set<string>();
  for (const node of walkScript(source)) {
    if (ts.isImportDeclaration(node)) {
      const name = scriptString(node.moduleSpecifier);
      if (name) modules.add(name);
    } else if (
      ts.isCallExpression(node) &&
      ((ts.isIdentifier(node.expression) && node.expression.text === "require") ||
        node.expression.kind === ts.SyntaxKind.ImportKeyword)
    ) {
      const name = scriptString(node.arguments[0]);
      if (name) modules.add(name);
    }
  }
  return modules;
}

/** The local name a module's default export (or CommonJS export) is bound to, if any. */
export function moduleBinding(source: ts.SourceFile, module: string): string | undefined {
  let bindings = moduleBindings.get(source);
  if (!bindings) moduleBindings.set(source, (bindings = new Map()));
  if (!bindings.has(module)) bindings.set(module, findModuleBinding(source, module));
  return bindings.get(module);
}

/** `moduleBinding` by file and module: rules ask it of the same modules again and again. */
const moduleBindings = new WeakMap<ts.SourceFile, Map<string, string | undefined>>();

function findModuleBinding(source: ts.SourceFile, module: string): string | undefined {
  for (const node of walkScript(source)) {
    if (ts.isImportDeclaration(node) && scriptString(node.moduleSpecifier) === module) {
      const clause = node.importClause;
      if (clause?.name) return clause.name.text;
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) return bindings.name.text;
    }
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      let init: ts.Expression = node.initializer;
      while (ts.isPropertyAccessExpression(init) && init.name.text === "default") {
        init = init.expression;
      }
      if (isRequireOf(init, module)) return node.name.text;
    }
  }
  return undefined;
}

/**
 * The local name of one export of a module taken by name: `import { diskStorage as disk } from
 * "multer"` or `const { diskStorage: disk } = require("multer")` → `disk`.
 */
export function namedImportBinding(
  source: ts.SourceFile,
  module: string,
  name: string,
): string | undefined {
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      if (scriptString(statement.moduleSpecifier) !== module) continue;
      const bindings = statement.importClause?.namedBindings;
      if (!bindings || !ts.isNamedImports(bindings)) continue;
      const element = bindings.elements.find((e) => (e.propertyName ?? e.name).text === name);
      if (element) return element.name.text;
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const pattern = declaration.name;
        const init = declaration.initializer;
        if (!ts.isObjectBindingPattern(pattern) || !init || !isRequireOf(init, module)) continue;
        for (const element of pattern.elements) {
          const key = element.propertyName ?? element.name;
          const keyText = ts.isIdentifier(key) || ts.isStringLiteral(key) ? key.text : undefined;
          if (keyText === name && ts.isIdentifier(element.name)) return element.name.text;
        }
      }
    }
  }
  return undefined;
}

export function isRequireOf(node: ts.Node, module: string): boolean {
  return (
    ts.isCallExpression(node) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === "require" &&
    scriptString(node.arguments[0]) === module
  );
}

/** `import X from "m";` or `const X = require("m");` as the file's module style writes it. */
export function importStatement(
  source: ts.SourceFile,
  options: { name: string; module: string; quote: string; member?: string },
): string {
  const module = scriptLiteral(options.module, options.quote);
  if (isEsModule(source) || /\.(m?ts|tsx)$/.test(source.fileName)) {
    return `import ${options.name} from ${module};`;
  }
  const member = options.member ? `.${options.member}` : "";
  return `const ${options.name} = require(${module})${member};`;
}

/** An edit that adds lines after the file's imports (or at its top). */
export function insertAfterImports(
  source: ts.SourceFile,
  text: SourceText,
  lines: string[],
): TextEdit {
  const anchor = lastModuleLoad(source);
  const eol = text.eol;
  if (anchor) {
    const at = text.positionAt(anchor.getEnd());
    return { range: { start: at, end: at }, newText: lines.map((l) => eol + l).join("") };
  }
  const first = source.statements.find((s) => !isDirective(s));
  const offset = first ? first.getStart(source) : text.text.length;
  const at = text.positionAt(offset);
  return { range: { start: at, end: at }, newText: lines.map((l) => l + eol).join("") + eol };
}

/** Every identifier text of a file, to pick names that do not clash. */
export function identifiersOf(source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const node of walkScript(source)) if (ts.isIdentifier(node)) names.add(node.text);
  return names;
}

/** A name not used in the file: `base`, else `base2`, `base3`… */
export function freshScriptName(used: Set<string>, base: string): string {
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}${i}`)) return `${base}${i}`;
}

/** The white space at the start of a node's line. */
export function scriptIndent(text: SourceText, node: ts.Node, source: ts.SourceFile): string {
  const line = text.lineText(text.positionAt(node.getStart(source)).line);
  return /^[ \t]*/.exec(line)?.[0] ?? "";
}

/** The function (declaration, expression, arrow or method) a node sits in. */
export function enclosingScriptFunction(node: ts.Node): ts.FunctionLikeDeclaration | undefined {
  for (let p = node.parent; p; p = p.parent) {
    if (
      ts.isFunctionDeclaration(p) ||
      ts.isFunctionExpression(p) ||
      ts.isArrowFunction(p) ||
      ts.isMethodDeclaration(p) ||
      ts.isConstructorDeclaration(p) ||
      ts.isGetAccessor(p) ||
      ts.isSetAccessor(p)
    ) {
      return p;
    }
  }
  return undefined;
}

/** Whether a file has semicolons after its statements (most of them). */
export function usesSemicolons(source: ts.SourceFile): boolean {
  let withSemicolon = 0;
  let without = 0;
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) continue;
    if (statement.getText(source).trimEnd().endsWith(";")) withSemicolon++;
    else without++;
  }
  return withSemicolon >= without;
}

/** The edit that replaces a node's text. */
export function replaceScriptNode(
  text: SourceText,
  source: ts.SourceFile,
  node: ts.Node,
  newText: string,
): TextEdit {
  return { range: text.range(node.getStart(source), node.getEnd()), newText };
}
