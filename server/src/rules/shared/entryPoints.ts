import type { Node } from "web-tree-sitter";
import { ts, walkScript } from "../../languages/script";
import { calleeName, enclosingFunction } from "./pythonCode";
import { enclosingScriptFunction } from "./scriptCode";

/** Names of functions a Python module calls outside any function (`main()` under `__main__`). */
function pythonTopLevelCalls(root: Node): Set<string> {
  const names = new Set<string>();
  for (const call of root.descendantsOfType("call")) {
    if (!enclosingFunction(call)) names.add(calleeName(call));
  }
  return names;
}

/**
 * Whether a call runs when the module is run: at module level, or inside module-level
 * functions that the module itself calls (`def main(): app.run()` … `main()`).
 */
export function isPythonEntry(root: Node, call: Node): boolean {
  let called: Set<string> | undefined;
  for (let fn = enclosingFunction(call); fn; fn = enclosingFunction(fn)) {
    if (fn.type === "lambda") continue;
    const holder = fn.parent?.type === "decorated_definition" ? fn.parent : fn;
    if (holder.parent?.type !== "module") return false;
    called ??= pythonTopLevelCalls(root);
    if (!called.has(fn.childForFieldName("name")?.text ?? "")) return false;
  }
  return true;
}

/** The name a function is declared or bound under (`function main`, `const start = () =>`). */
function functionName(fn: ts.FunctionLikeDeclaration): string | undefined {
  if (fn.name && ts.isIdentifier(fn.name)) return fn.name.text;
  const parent = fn.parent;
  return ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)
    ? parent.name.text
    : undefined;
}

function scriptTopLevelCalls(source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const node of walkScript(source)) {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      if (!enclosingScriptFunction(node)) names.add(node.expression.text);
    }
  }
  return names;
}

/**
 * Whether a call runs when the module is run: at top level, in callbacks of top-level calls
 * (`db.connect().then(() => app.listen())`), or in top-level functions the module calls
 * (`async function bootstrap() { … }` … `bootstrap()`).
 */
export function isScriptEntry(source: ts.SourceFile, call: ts.Node): boolean {
  let called: Set<string> | undefined;
  for (let fn = enclosingScriptFunction(call); fn; fn = enclosingScriptFunction(fn)) {
    const isCallback = ts.isCallExpression(fn.parent) || ts.isNewExpression(fn.parent);
    if (isCallback && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) continue;
    const name = functionName(fn);
    called ??= scriptTopLevelCalls(source);
    if (!name || !called.has(name)) return false;
  }
  return true;
}
