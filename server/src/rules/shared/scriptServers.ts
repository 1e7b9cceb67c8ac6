import { ts, walkScript } from "../../languages/script";
import { scriptCallee, scriptString } from "../../languages/scriptSyntax";
import { isRequireOf, moduleBinding } from "./scriptCode";
import { localModuleOf } from "./scriptImportedValues";
import { constInitializer, objectProperty, unwrapScript } from "./scriptValues";
import { isScriptWebModule } from "./webApps";

/** What a `listen` belongs to; decides how a graceful shutdown is written. */
export type ScriptServerKind = "http" | "fastify" | "nest" | "hapi";

/** An argument of a server call: the whole argument (`port: 3000`) and its value (`3000`). */
export interface ScriptSite {
  argument: ts.Node;
  value: ts.Expression;
}

/** The app a project module creates (`./app` of `require("./app")`), when it creates one. */
export type AppModuleKind = (specifier: string) => ScriptServerKind | undefined;

export interface ScriptServerOptions {
  /** Follows `app.listen()` on an app imported from another module of the project. */
  appModule?: AppModuleKind;
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

/** An options object written in the call or held by a constant (`listen(options)`). */
function optionsObject(
  source: ts.SourceFile,
  argument: ts.Expression | undefined,
): ts.ObjectLiteralExpression | undefined {
  let value = argument ? unwrapScript(argument) : undefined;
  if (value && ts.isIdentifier(value)) {
    const init = constInitializer(source, value.text);
    value = init ? unwrapScript(init) : undefined;
  }
  return value && ts.isObjectLiteralExpression(value) ? value : undefined;
}

function listenSites(
  source: ts.SourceFile,
  call: ts.CallExpression,
): Pick<ScriptServerCall, "host" | "port"> {
  const options = optionsObject(source, call.arguments[0]);
  if (options) return { port: propertySite(options, "port"), host: propertySite(options, "host") };
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

/** Modules whose export, called or constructed, creates an app (`express()`, `new Koa()`). */
const APP_FACTORIES = ["express", "koa", "polka", "restify"];

interface AppFactories {
  fastify?: string;
  others: Set<string>;
}

/** What a call or `new` creates, when it creates an app or an HTTP server. */
function createdKind(node: ts.Node, factories: AppFactories): ScriptServerKind | undefined {
  if (!ts.isCallExpression(node) && !ts.isNewExpression(node)) return undefined;
  const callee = node.expression.getText();
  if (/^NestFactory\.create/.test(callee)) return "nest";
  if (/(^|\.)createServer$/.test(callee)) return "http";
  if (callee === factories.fastify || isRequireOf(node.expression, "fastify")) return "fastify";
  const required = APP_FACTORIES.some((m) => isRequireOf(node.expression, m));
  return required || factories.others.has(callee) ? "http" : undefined;
}

/**
 * The kind of app a module creates (`const app = express()`, `Fastify()`,
 * `NestFactory.create()`, `http.createServer()`), or undefined when it creates none.
 */
export function scriptAppKind(source: ts.SourceFile): ScriptServerKind | undefined {
  if (!isScriptWebModule(source)) return undefined;
  const factories: AppFactories = {
    fastify: moduleBinding(source, "fastify"),
    others: new Set(APP_FACTORIES.flatMap((m) => moduleBinding(source, m) ?? [])),
  };
  const kinds = new Set<ScriptServerKind>();
  for (const node of walkScript(source)) {
    const kind = createdKind(node, factories);
    if (kind) kinds.add(kind);
  }
  return (["nest", "fastify", "http"] as const).find((k) => kinds.has(k));
}

/** The kind of app a `listen` receiver is, when a module of the project created it. */
function importedKind(
  source: ts.SourceFile,
  receiver: ts.Expression,
  options: ScriptServerOptions,
): ScriptServerKind | undefined {
  if (!options.appModule) return undefined;
  const specifier = localModuleOf(source, receiver);
  return specifier === undefined ? undefined : options.appModule(specifier);
}

/** The calls of a file that start a server (`listen`, Hapi's `server({…})`), with host and port. */
export function scriptServerCalls(
  source: ts.SourceFile,
  options: ScriptServerOptions = {},
): ScriptServerCall[] {
  const web = isScriptWebModule(source);
  const hapi = moduleBinding(source, "@hapi/hapi");
  const calls: ScriptServerCall[] = [];
  for (const node of walkScript(source)) {
    const hapiServer = hapiCall(node, hapi);
    if (hapiServer) calls.push(hapiServer);
    if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) continue;
    if (node.expression.name.text !== "listen") continue;
    const receiver = node.expression.expression;
    const imported = importedKind(source, receiver, options);
    if (!web && !imported && !isCreateServer(receiver)) continue;
    calls.push({
      call: node,
      kind: imported ?? receiverKind(source, receiver),
      receiver,
      ...listenSites(source, node),
    });
  }
  return calls;
}
