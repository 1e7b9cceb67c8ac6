import { ts, walkScript } from "./script";

/** The value of a string literal or a template without substitutions, else undefined. */
export function scriptString(node: ts.Node | undefined): string | undefined {
  if (!node) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isParenthesizedExpression(node)) return scriptString(node.expression);
  return undefined;
}

/** The quote character a file uses most, for code a fix writes. */
export function preferredQuote(source: ts.SourceFile): string {
  const text = source.text;
  const single = (text.match(/'/g) ?? []).length;
  const double = (text.match(/"/g) ?? []).length;
  return single > double ? "'" : '"';
}

/** Local names bound to `process.env` (`const { env } = process`, `import { env } from "process"`). */
export function envAliases(source: ts.SourceFile): Set<string> {
  const aliases = new Set<string>();
  for (const node of walkScript(source)) {
    if (ts.isVariableDeclaration(node) && ts.isObjectBindingPattern(node.name)) {
      const init = node.initializer;
      if (!init || !ts.isIdentifier(init) || init.text !== "process") continue;
      for (const element of node.name.elements) {
        const property = element.propertyName ?? element.name;
        if (ts.isIdentifier(property) && property.text === "env" && ts.isIdentifier(element.name)) {
          aliases.add(element.name.text);
        }
      }
    }
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      if (isProcessEnv(node.initializer, new Set())) aliases.add(node.name.text);
    }
    if (
      ts.isImportDeclaration(node) &&
      /^(node:)?process$/.test(scriptString(node.moduleSpecifier) ?? "")
    ) {
      const bindings = node.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          if ((element.propertyName ?? element.name).text === "env") aliases.add(element.name.text);
        }
      }
    }
  }
  return aliases;
}

/** `process.env` itself or one of its aliases. */
export function isProcessEnv(node: ts.Node, aliases: Set<string>): boolean {
  if (ts.isIdentifier(node)) return aliases.has(node.text);
  return (
    ts.isPropertyAccessExpression(node) &&
    node.name.text === "env" &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === "process"
  );
}

/** Whether an expression reads the environment anywhere inside it. */
export function readsScriptEnv(node: ts.Node, aliases: Set<string>): boolean {
  for (const child of walkScript(node)) {
    if (ts.isPropertyAccessExpression(child) || ts.isElementAccessExpression(child)) {
      if (isProcessEnv(child.expression, aliases)) return true;
    }
    if (ts.isIdentifier(child) && isProcessEnv(child, aliases)) return true;
  }
  return false;
}

/** The text of a callee without whitespace: `app.listen`, `server.listen`, `session`. */
export function scriptCallee(call: ts.CallExpression): string {
  return call.expression.getText().replace(/\s+/g, "");
}

/** The name of a property, variable or binding when it is a plain identifier or string. */
export function declarationName(node: ts.Node): string | undefined {
  const name = (node as { name?: ts.Node }).name;
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  return undefined;
}

/** The module-level `const x = <initializer>` declarations of a file. */
export function topLevelConstants(source: ts.SourceFile): Map<string, ts.Expression> {
  const result = new Map<string, ts.Expression>();
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.initializer) {
        result.set(declaration.name.text, declaration.initializer);
      }
    }
  }
  return result;
}

/** Whether a file is an ES module (import/export) rather than CommonJS. */
export function isEsModule(source: ts.SourceFile): boolean {
  return source.statements.some(
    (s) => ts.isImportDeclaration(s) || ts.isExportDeclaration(s) || ts.isExportAssignment(s),
  );
}
