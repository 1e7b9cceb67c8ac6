import { ts } from "../../languages/script";
import { scriptString } from "../../languages/scriptSyntax";
import { declarationsOf, unwrapScript } from "./scriptValues";

/** How many constants and factory calls are followed back to an import. */
const MAX_STEPS = 4;

/** `./app`, `../app`: a module of the project rather than a package. */
export function isRelativeSpecifier(specifier: string): boolean {
  return /^\.\.?\//.test(specifier);
}

/** The module of `require("…")`, maybe read through a member (`require("./app").app`). */
function requiredModule(node: ts.Expression): string | undefined {
  let value = unwrapScript(node);
  while (ts.isPropertyAccessExpression(value)) value = unwrapScript(value.expression);
  if (!ts.isCallExpression(value) || !ts.isIdentifier(value.expression)) return undefined;
  return value.expression.text === "require" ? scriptString(value.arguments[0]) : undefined;
}

/** The module an import binding, or a name destructured from `require()`, comes from. */
function bindingModule(declaration: ts.Node): string | undefined {
  if (ts.isImportClause(declaration)) return scriptString(declaration.parent.moduleSpecifier);
  if (ts.isImportSpecifier(declaration)) {
    return scriptString(declaration.parent.parent.parent.moduleSpecifier);
  }
  if (!ts.isBindingElement(declaration)) return undefined;
  const holder = declaration.parent.parent;
  return ts.isVariableDeclaration(holder) && holder.initializer
    ? requiredModule(holder.initializer)
    : undefined;
}

function importedFrom(
  source: ts.SourceFile,
  node: ts.Expression,
  steps: number,
): string | undefined {
  if (steps > MAX_STEPS) return undefined;
  let value = unwrapScript(node);
  while (ts.isAwaitExpression(value)) value = unwrapScript(value.expression);
  const required = requiredModule(value);
  if (required !== undefined) return required;
  if (ts.isCallExpression(value)) return importedFrom(source, value.expression, steps + 1);
  if (!ts.isIdentifier(value)) return undefined;
  const declarations = declarationsOf(source, value.text);
  if (declarations.length !== 1) return undefined;
  const declaration = declarations[0];
  if (!ts.isVariableDeclaration(declaration)) return bindingModule(declaration);
  return declaration.initializer && importedFrom(source, declaration.initializer, steps + 1);
}

/**
 * The project module a value comes from: `app` of `import app from "./app"`,
 * `import { app } from "./app"` or `const app = require("./app")`, also when an imported
 * factory made it (`const app = await buildApp()`). Undefined for packages and local values.
 */
export function localModuleOf(source: ts.SourceFile, node: ts.Expression): string | undefined {
  const specifier = importedFrom(source, node, 0);
  return specifier !== undefined && isRelativeSpecifier(specifier) ? specifier : undefined;
}
