import { ts, walkScript } from "../../languages/script";
import { declarationName, readsScriptEnv, scriptString } from "../../languages/scriptSyntax";

/** Where a value comes from: a literal (maybe through a constant), the environment, or unknown. */
export type ScriptValue =
  | { kind: "literal"; node: ts.Expression; via?: ts.Node }
  | { kind: "env" }
  | { kind: "unknown" };

const UNKNOWN: ScriptValue = { kind: "unknown" };

/** The declarations of a file by name, gathered in one walk; a parsed tree never changes. */
const declarationIndex = new WeakMap<ts.SourceFile, Map<string, ts.Node[]>>();

function declarationsByName(source: ts.SourceFile): Map<string, ts.Node[]> {
  const cached = declarationIndex.get(source);
  if (cached) return cached;
  const index = new Map<string, ts.Node[]>();
  for (const node of walkScript(source)) {
    const name = isDeclaration(node) ? declarationName(node) : undefined;
    if (name === undefined) continue;
    const list = index.get(name);
    if (list) list.push(node);
    else index.set(name, [node]);
  }
  declarationIndex.set(source, index);
  return index;
}

function isDeclaration(node: ts.Node): boolean {
  return (
    ts.isVariableDeclaration(node) ||
    ts.isParameter(node) ||
    ts.isFunctionDeclaration(node) ||
    ts.isClassDeclaration(node) ||
    ts.isBindingElement(node) ||
    ts.isImportSpecifier(node) ||
    ts.isImportClause(node)
  );
}

/** Every declaration of a name in a file: variables, parameters, functions, imports. */
export function declarationsOf(source: ts.SourceFile, name: string): ts.Node[] {
  return [...(declarationsByName(source).get(name) ?? [])];
}

/** The initializer of the only declaration of a name when it is a `const`. */
export function constInitializer(source: ts.SourceFile, name: string): ts.Expression | undefined {
  const declarations = declarationsOf(source, name);
  if (declarations.length !== 1) return undefined;
  const declaration = declarations[0];
  if (!ts.isVariableDeclaration(declaration) || !declaration.initializer) return undefined;
  const list = declaration.parent;
  if (!ts.isVariableDeclarationList(list) || !(list.flags & ts.NodeFlags.Const)) return undefined;
  return declaration.initializer;
}

/** Strips parentheses, `as`, `satisfies` and non-null assertions. */
export function unwrapScript(node: ts.Expression): ts.Expression {
  let current = node;
  while (
    ts.isParenthesizedExpression(current) ||
    ts.isAsExpression(current) ||
    ts.isSatisfiesExpression(current) ||
    ts.isNonNullExpression(current) ||
    ts.isTypeAssertionExpression(current)
  ) {
    current = current.expression;
  }
  return current;
}

/** The value node of a property of an object literal, by name. */
export function objectProperty(
  object: ts.ObjectLiteralExpression,
  name: string,
): ts.ObjectLiteralElementLike | undefined {
  return object.properties.find((p) => declarationName(p) === name);
}

/** Follows a value through constants and object literals to a literal. */
export function resolveScriptValue(
  source: ts.SourceFile,
  value: ts.Expression,
  env: Set<string>,
): ScriptValue {
  return resolve(source, value, env, 0);
}

function resolve(
  source: ts.SourceFile,
  value: ts.Expression,
  env: Set<string>,
  depth: number,
): ScriptValue {
  if (depth > 4) return UNKNOWN;
  const node = unwrapScript(value);
  if (readsScriptEnv(node, env)) return { kind: "env" };
  if (ts.isNumericLiteral(node) || scriptString(node) !== undefined) {
    return { kind: "literal", node };
  }
  if (ts.isIdentifier(node)) {
    const init = constInitializer(source, node.text);
    return init ? via(resolve(source, init, env, depth + 1), init) : UNKNOWN;
  }
  if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
    const object = objectLiteralOf(source, node.expression, depth);
    const key = ts.isPropertyAccessExpression(node)
      ? node.name.text
      : scriptString(node.argumentExpression);
    const property = object && key !== undefined ? objectProperty(object, key) : undefined;
    if (property && ts.isPropertyAssignment(property)) {
      return via(resolve(source, property.initializer, env, depth + 1), property);
    }
  }
  return UNKNOWN;
}

function objectLiteralOf(
  source: ts.SourceFile,
  node: ts.Expression,
  depth: number,
): ts.ObjectLiteralExpression | undefined {
  const target = unwrapScript(node);
  if (ts.isObjectLiteralExpression(target)) return target;
  if (ts.isIdentifier(target)) {
    const init = constInitializer(source, target.text);
    return init && depth < 4 ? objectLiteralOf(source, init, depth + 1) : undefined;
  }
  if (ts.isPropertyAccessExpression(target)) {
    const parent = objectLiteralOf(source, target.expression, depth + 1);
    const property = parent ? objectProperty(parent, target.name.text) : undefined;
    return property && ts.isPropertyAssignment(property)
      ? objectLiteralOf(source, property.initializer, depth + 1)
      : undefined;
  }
  return undefined;
}

function via(result: ScriptValue, node: ts.Node): ScriptValue {
  return result.kind === "literal" ? { ...result, via: result.via ?? node } : result;
}

/** The port a literal holds (`3000`, `'3000'`), or undefined. */
export function scriptPort(node: ts.Expression): number | undefined {
  const text = ts.isNumericLiteral(node) ? node.text : scriptString(node);
  if (text === undefined || !/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port > 0 && port < 65536 ? port : undefined;
}
