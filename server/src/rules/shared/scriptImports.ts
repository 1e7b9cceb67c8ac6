import { builtinModules } from "node:module";
import { ts, walkScript } from "../../languages/script";

/** One module a JavaScript/TypeScript file loads at run time. */
export interface ScriptImport {
  specifier: string;
  /** The string literal naming the module. */
  node: ts.StringLiteralLike;
  /** Inside `try { … } catch`: the program copes without it. */
  optional: boolean;
}

const BUILTINS = new Set(builtinModules.map((m) => m.replace(/^node:/, "").split("/")[0]));

/** `import`, `export … from`, `require()`, `import()` and `import x = require()`, type-only left out. */
export function scriptImports(source: ts.SourceFile): ScriptImport[] {
  const result: ScriptImport[] = [];
  const add = (node: ts.Node | undefined, statement: ts.Node) => {
    if (node && ts.isStringLiteralLike(node))
      result.push({ specifier: node.text, node, optional: insideTry(statement) });
  };
  for (const node of walkScript(source)) {
    if (ts.isImportDeclaration(node) && !isTypeOnlyImport(node)) add(node.moduleSpecifier, node);
    else if (ts.isExportDeclaration(node) && !node.isTypeOnly && !allTypeExports(node))
      add(node.moduleSpecifier, node);
    else if (ts.isImportEqualsDeclaration(node) && !node.isTypeOnly) {
      const reference = node.moduleReference;
      if (ts.isExternalModuleReference(reference)) add(reference.expression, node);
    } else if (ts.isCallExpression(node) && isModuleLoad(node)) add(node.arguments[0], node);
  }
  return result;
}

function isModuleLoad(call: ts.CallExpression): boolean {
  if (call.arguments.length !== 1) return false;
  if (call.expression.kind === ts.SyntaxKind.ImportKeyword) return true;
  return ts.isIdentifier(call.expression) && call.expression.text === "require";
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false;
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return (
    !clause.name &&
    bindings !== undefined &&
    ts.isNamedImports(bindings) &&
    bindings.elements.length > 0 &&
    bindings.elements.every((e) => e.isTypeOnly)
  );
}

function allTypeExports(node: ts.ExportDeclaration): boolean {
  const clause = node.exportClause;
  return (
    clause !== undefined &&
    ts.isNamedExports(clause) &&
    clause.elements.length > 0 &&
    clause.elements.every((e) => e.isTypeOnly)
  );
}

function insideTry(node: ts.Node): boolean {
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isTryStatement(parent) && parent.tryBlock === child && parent.catchClause) return true;
    if (ts.isFunctionLike(parent)) return false;
  }
  return false;
}

const PACKAGE_NAME = /^(@[A-Za-z0-9~-][\w.~-]*\/)?[A-Za-z0-9~-][\w.~-]*$/;

/**
 * The npm package a bare specifier names (`lodash/merge` → `lodash`, `@sentry/node/x` →
 * `@sentry/node`), or undefined for relative paths, URLs, schemes, aliases and builtins.
 */
export function packageOf(specifier: string): string | undefined {
  if (/^[./]/.test(specifier) || /^[A-Za-z][\w+.-]*:/.test(specifier)) return undefined;
  if (/^[#~]/.test(specifier) || specifier.startsWith("@/") || specifier.includes("!"))
    return undefined;
  const parts = specifier.split("/");
  const name = specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
  if (!PACKAGE_NAME.test(name) || (!name.startsWith("@") && BUILTINS.has(name))) return undefined;
  return name;
}
