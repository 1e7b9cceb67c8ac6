import { ts, walkScript } from "../../languages/script";
import { scriptCallee, scriptString } from "../../languages/scriptSyntax";
import { isRequireOf, moduleBinding } from "./scriptCode";
import { constInitializer, objectProperty, unwrapScript } from "./scriptValues";
import { isScriptWebModule } from "./webApps";

/** What a `listen` belongs to; decides how a graceful shutdown is written. */
export type ScriptServerKind = "http" | "fastify" | "nest" | "hapi";

/** An argument of a server call: the whole argument (`port: 3000`) and its value (`3000`). */
export interface ScriptSite {
  argument: ts.Node;
  value: ts.Expression;
}

export interface ScriptServerCall {
  call: ts.CallExpression | ts.NewExpression;
  kind: ScriptServerKind;
  /** The object `listen` is called on. */
  receiver?: ts.Expression;
  host?: ScriptSite;
  port?: ScriptSite;
}

function propertySite(object: ts.ObjectLiteralExpression, name: string): ScriptSite | undefined {
  const property = objectProperty(object, name);
  if (property && ts.isPropertyAssignment(property)) {
    return { argument: property, value: property.initializer };
  }
  if (property && ts.isShorthandPropertyAssignment(property)) {
    return { argument: property, value: property.name };
  }
  return undefined;
}

const isCallback = (node: ts.Node | undefined): boolean =>
  !!node && (ts.isFunctionExpression(node) || ts.isArrowFunction(node));

function positionalSites(args: readonly ts.Expression[]): Pick<ScriptServerCall, "host" | "port"> {
  const [first, second] = args;
  const result: Pick<ScriptServerCall, "host" | "port"> = {};
  const firstText = scriptString(first);
  const socketPath = firstText !== undefined && !/^\d+$/.test(firstText);
  if (first && !isCallback(first) && !socketPath) result.port = { argument: first, value: first };
  if (second && !isCallback(second) && !ts.isNumericLiteral(unwrapScript(second))) {
    result.host = { argument: second, value: second };
  }
  return result;
}

function listenSites(call: ts.CallExpression): Pick<ScriptServerCall, "host" | "port"> {
  const first = call.arguments[0] ? unwrapScript(call.arguments[0]) : undefined;
  if (first && ts.isObjectLiteralExpression(first)) {
    return { port: propertySite(first, "port"), host: propertySite(first, "host") };
  }
  return positionalSites(call.arguments);
}

/** What the receiver of `.listen` was created by: `Fastify()`, `NestFactory.create()`. */
function receiverKind(source: ts.SourceFile, receiver: ts.Expression): ScriptServerKind {
  let init: ts.Expression | undefined = unwrapScript(receiver);
  if (ts.isIdentifier(init)) init = constInitializer(source, init.text);
  while (init && ts.isAwaitExpression(init)) init = unwrapScript(init.expression);
  if (!init || !ts.isCallExpression(init)) return "http";
  const callee = scriptCallee(init);
  if (/^NestFactory\.create/.test(callee)) return "nest";
  const fastify = moduleBinding(source, "fastify");
  if (callee === fastify || /^(fastify|Fastify)$/.test(callee)) return "fastify";
  if (isRequireOf(init.expression, "fastify")) return "fastify";
  return "http";
}

function isCreateServer(node: ts.Expression): boolean {
  const target = unwrapScript(node);
  return ts.isCallExpression(target) && /(^|\.)createServer$/.test(scriptCallee(target));
}

function hapiCall(node: ts.Node, hapi: string | undefined): ScriptServerCall | undefined {
  if (!hapi || (!ts.isCallExpression(node) && !ts.isNewExpression(node))) return undefined;
  const callee = node.expression.getText();
  if (callee !== `${hapi}.server` && callee !== `${hapi}.Server`) return undefined;
  const options = node.arguments?.[0] ? unwrapScript(node.arguments[0]) : undefined;
  if (!options || !ts.isObjectLiteralExpression(options)) return { call: node, kind: "hapi" };
  return {
    call: node,
    kind: "hapi",
    port: propertySite(options, "port"),
    host: propertySite(options, "host"),
  };
}

/** The calls of a file that start a server (`listen`, Hapi's `server({…})`), with host and port. */
export function scriptServerCalls(source: ts.SourceFile): ScriptServerCall[] {
  const web = isScriptWebModule(source);
  const hapi = moduleBinding(source, "@hapi/hapi");
  const calls: ScriptServerCall[] = [];
  for (const node of walkScript(source)) {
    const hapiServer = hapiCall(node, hapi);
    if (hapiServer) calls.push(hapiServer);
    if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) continue;
    if (node.expression.name.text !== "listen") continue;
    const receiver = node.expression.expression;
    if (!web && !isCreateServer(receiver)) continue;
    calls.push({
      call: node,
      kind: receiverKind(source, receiver),
      receiver,
      ...listenSites(node),
    });
  }
  return calls;
}
