import { ts } from "../../languages/script";
import { changedInPlace, isWritten } from "./scriptDetect";

/** How one reference is rewritten into awaited store calls, or why it cannot be. */
export type ScriptRewrite =
  | { kind: "read"; node: ts.Expression; key: ts.Expression | string }
  | { kind: "call"; node: ts.CallExpression; method: "set" | "has" | "delete" | "clear" }
  | {
      kind: "assign";
      node: ts.Expression;
      key: ts.Expression | string;
      value?: ts.Expression;
      operator?: string;
    }
  | { kind: "delete"; node: ts.DeleteExpression; key: ts.Expression | string }
  | { kind: "has"; node: ts.BinaryExpression; key: ts.Expression }
  | { kind: "update"; node: ts.Expression; read: ts.Expression; key: ts.Expression | string }
  | { kind: "unsupported"; node: ts.Node };

/** The expression statement whose whole expression a node is, if any. */
export function wholeStatement(node: ts.Expression): ts.ExpressionStatement | undefined {
  return ts.isExpressionStatement(node.parent) ? node.parent : undefined;
}

/** The outermost expression of the statement a changed value sits in: `x[k].a.push(v)`. */
function mutationRoot(read: ts.Expression): ts.Expression | undefined {
  let node: ts.Node = read;
  while (node.parent && !ts.isExpressionStatement(node.parent)) {
    if (!ts.isExpression(node.parent)) return undefined;
    node = node.parent;
  }
  return ts.isExpressionStatement(node.parent) ? (node as ts.Expression) : undefined;
}

function accessKey(access: ts.Expression): ts.Expression | string | undefined {
  if (ts.isElementAccessExpression(access)) return access.argumentExpression;
  if (ts.isPropertyAccessExpression(access)) return access.name.text;
  return undefined;
}

function writeOf(access: ts.Expression, key: ts.Expression | string): ScriptRewrite {
  const parent = access.parent;
  if (ts.isDeleteExpression(parent)) return { kind: "delete", node: parent, key };
  if (ts.isBinaryExpression(parent) && wholeStatement(parent)) {
    const operator = parent.operatorToken.getText();
    const value = parent.right;
    return {
      kind: "assign",
      node: parent,
      key,
      value,
      operator: operator === "=" ? undefined : operator.slice(0, -1),
    };
  }
  if (
    (ts.isPostfixUnaryExpression(parent) || ts.isPrefixUnaryExpression(parent)) &&
    wholeStatement(parent)
  ) {
    const operator = parent.operator === ts.SyntaxKind.PlusPlusToken ? "+" : "-";
    return { kind: "assign", node: parent, key, operator };
  }
  return { kind: "unsupported", node: parent };
}

function objectUse(ref: ts.Expression): ScriptRewrite {
  const parent = ref.parent;
  if (
    ts.isBinaryExpression(parent) &&
    parent.right === ref &&
    parent.operatorToken.kind === ts.SyntaxKind.InKeyword
  ) {
    return { kind: "has", node: parent, key: parent.left };
  }
  const isAccess =
    (ts.isElementAccessExpression(parent) || ts.isPropertyAccessExpression(parent)) &&
    parent.expression === ref;
  const key = isAccess ? accessKey(parent) : undefined;
  if (!isAccess || key === undefined) return { kind: "unsupported", node: parent };
  const callee = ts.isCallExpression(parent.parent) && parent.parent.expression === parent;
  if (callee) return { kind: "unsupported", node: parent };
  if (isWritten(parent)) return writeOf(parent, key);
  if (changedInPlace(parent)) {
    const root = mutationRoot(parent);
    return root
      ? { kind: "update", node: root, read: parent, key }
      : { kind: "unsupported", node: parent };
  }
  return { kind: "read", node: parent, key };
}

function mapUse(ref: ts.Expression): ScriptRewrite {
  const access = ref.parent;
  const call = access.parent;
  if (
    !ts.isPropertyAccessExpression(access) ||
    access.expression !== ref ||
    !ts.isCallExpression(call) ||
    call.expression !== access
  ) {
    return { kind: "unsupported", node: access };
  }
  const method = access.name.text;
  const key = call.arguments[0];
  if (method === "get" && key) {
    if (!changedInPlace(call)) return { kind: "read", node: call, key };
    const root = mutationRoot(call);
    return root
      ? { kind: "update", node: root, read: call, key }
      : { kind: "unsupported", node: call };
  }
  if (method === "set" || method === "has" || method === "delete" || method === "clear") {
    if (method === "set" && !wholeStatement(call)) return { kind: "unsupported", node: call };
    return { kind: "call", node: call, method };
  }
  return { kind: "unsupported", node: call };
}

/** How a reference to a Map or plain-object container becomes a store call. */
export function scriptUse(ref: ts.Expression, kind: "map" | "object"): ScriptRewrite {
  return kind === "map" ? mapUse(ref) : objectUse(ref);
}
