import type { Node } from "web-tree-sitter";
import { ts } from "../../languages/script";
import { scriptString } from "../../languages/scriptSyntax";
import { loadedModules } from "./scriptCode";

/** Python packages whose import makes a module part of a web process. */
const PYTHON_WEB = new Set([
  "flask",
  "fastapi",
  "django",
  "starlette",
  "aiohttp",
  "quart",
  "sanic",
  "bottle",
  "tornado",
  "falcon",
  "pyramid",
  "litestar",
  "werkzeug",
  "flask_restful",
  "flask_socketio",
  "rest_framework",
]);

/** The top-level packages a Python module imports. */
export function pythonImports(root: Node): Set<string> {
  const modules = new Set<string>();
  for (const node of root.descendantsOfType(["import_statement", "import_from_statement"])) {
    if (node.type === "import_from_statement") {
      const name = node.childForFieldName("module_name")?.text;
      if (name && !name.startsWith(".")) modules.add(name.split(".")[0]);
      continue;
    }
    for (const child of node.namedChildren) {
      const name = child.type === "aliased_import" ? child.childForFieldName("name") : child;
      if (name?.type === "dotted_name") modules.add(name.text.split(".")[0]);
    }
  }
  return modules;
}

export function isPythonWebModule(root: Node): boolean {
  return [...pythonImports(root)].some((m) => PYTHON_WEB.has(m));
}

const ROUTE_DECORATOR =
  /^@\s*[\w.]+\.(route|get|post|put|patch|delete|head|options|api_route|websocket|view|add_route)\s*\(/;
const VIEW_DECORATOR =
  /^@\s*(api_view|login_required|require_(GET|POST|http_methods)|csrf_exempt)\b/;

/** Whether a function definition is a request handler: a route decorator or `request` first. */
export function isPythonHandler(fn: Node): boolean {
  const holder = fn.parent?.type === "decorated_definition" ? fn.parent : undefined;
  const decorators = holder?.namedChildren.filter((c) => c.type === "decorator") ?? [];
  if (decorators.some((d) => ROUTE_DECORATOR.test(d.text) || VIEW_DECORATOR.test(d.text))) {
    return true;
  }
  const first = fn.childForFieldName("parameters")?.namedChildren[0];
  const name = first?.type === "typed_parameter" ? first.namedChildren[0] : first;
  return name?.text === "request" || name?.text === "req";
}

/** JavaScript packages whose import makes a file part of a web server. */
const SCRIPT_WEB =
  /^(node:)?(http|https|http2|net)$|^(express|koa|fastify|restify|polka|hono|@hapi\/hapi|@nestjs\/(core|common)|socket\.io|@koa\/router|koa-router|express-session)$/;

export function isScriptWebModule(source: ts.SourceFile): boolean {
  return [...loadedModules(source)].some((m) => SCRIPT_WEB.test(m));
}

const ROUTE_METHODS = new Set([
  "get",
  "post",
  "put",
  "patch",
  "delete",
  "del",
  "all",
  "use",
  "head",
  "options",
  "route",
]);

/**
 * Whether a function is passed to a route registration: `app.get("/x", fn)`,
 * `router.post(path, mw, fn)`, `app.use(fn)`, `fastify.route({ handler: fn })`.
 */
export function isScriptRouteCallback(fn: ts.Node): boolean {
  if (!ts.isFunctionExpression(fn) && !ts.isArrowFunction(fn)) return false;
  const parent = fn.parent;
  if (ts.isPropertyAssignment(parent) && parent.name.getText() === "handler") return true;
  if (!ts.isCallExpression(parent) || !parent.arguments.includes(fn as ts.Expression)) {
    return false;
  }
  const callee = parent.expression;
  if (!ts.isPropertyAccessExpression(callee) || !ROUTE_METHODS.has(callee.name.text)) return false;
  const first = parent.arguments[0];
  if (callee.name.text === "use") return true;
  return (
    first !== fn &&
    (scriptString(first) !== undefined ||
      ts.isTemplateExpression(first) ||
      ts.isRegularExpressionLiteral(first) ||
      ts.isArrayLiteralExpression(first) ||
      ts.isIdentifier(first))
  );
}

/** Decorators of NestJS (and routing-controllers) methods that answer an HTTP route. */
const DECORATED_ROUTE = /^@(Get|Post|Put|Patch|Delete|All|Options|Head|Sse)\s*\(/;

/** Whether a function is a controller method with a route decorator (`@Post("avatar")`). */
export function isDecoratedRouteMethod(fn: ts.Node): boolean {
  if (!ts.isMethodDeclaration(fn)) return false;
  return (ts.getDecorators(fn) ?? []).some((d) => DECORATED_ROUTE.test(d.getText()));
}
