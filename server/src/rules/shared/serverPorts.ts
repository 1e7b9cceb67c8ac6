import type { ParsedFile } from "../../engine/parse";
import type { Range } from "../../engine/types";
import { pythonEnvNames } from "../../languages/pythonSyntax";
import { ts } from "../../languages/script";
import { envAliases } from "../../languages/scriptSyntax";
import type { Workspace } from "../../workspace/workspace";
import { appModules } from "./appModules";
import { pythonServerCalls, type ArgumentSite } from "./pythonServers";
import { portNumber, resolvePythonValue } from "./pythonValues";
import { scriptServerCalls, type ScriptSite } from "./scriptServers";
import { resolveScriptValue, scriptPort } from "./scriptValues";

/** A literal port a server listens on, wherever it is written (argument or constant). */
export interface PortLiteral {
  port: number;
  /** What a finding underlines: the `port=5000` argument, else the literal. */
  range: Range;
  /** The literal itself with its `as const` assertion, if any, which fixes replace. */
  literal: Range;
  /** The server call that uses it, when the literal sits elsewhere (a constant). */
  call?: Range;
  /** A JavaScript literal in a position where an `a || b` replacement needs parentheses. */
  needsParentheses: boolean;
}

/** An argument-like site whose value is the literal itself. */
const directRange = (file: ParsedFile, start: number, end: number) => file.source.range(start, end);

function pythonPorts(file: ParsedFile): PortLiteral[] {
  const root = file.python?.root;
  if (!root) return [];
  const env = pythonEnvNames(root);
  const result: PortLiteral[] = [];
  for (const server of pythonServerCalls(root)) {
    const site: ArgumentSite | undefined = server.port;
    if (!site || site.combined) continue;
    const value = resolvePythonValue(root, site.value, env);
    if (value.kind !== "literal") continue;
    const port = portNumber(value.node);
    if (port === undefined) continue;
    const literal = directRange(file, value.node.startIndex, value.node.endIndex);
    const pair = value.via?.parent?.type === "pair" ? value.via.parent : undefined;
    const argument = value.via ? (pair ?? value.node) : site.argument;
    const whole = directRange(file, argument.startIndex, argument.endIndex);
    const call = value.via
      ? directRange(file, server.call.startIndex, server.call.endIndex)
      : undefined;
    result.push({ port, range: whole, literal, call, needsParentheses: false });
  }
  return result;
}

const BARE_CONTEXTS = [
  ts.SyntaxKind.CallExpression,
  ts.SyntaxKind.NewExpression,
  ts.SyntaxKind.PropertyAssignment,
  ts.SyntaxKind.VariableDeclaration,
  ts.SyntaxKind.ArrayLiteralExpression,
  ts.SyntaxKind.ParenthesizedExpression,
  ts.SyntaxKind.ReturnStatement,
];

/** `3000 as const`: a computed port may not keep a const assertion, so fixes replace both. */
function constAsserted(node: ts.Expression): ts.Expression {
  const parent = node.parent;
  const asserted =
    (ts.isAsExpression(parent) || ts.isTypeAssertionExpression(parent)) &&
    ts.isConstTypeReference(parent.type);
  return asserted ? parent : node;
}

function scriptPorts(file: ParsedFile, workspace?: Workspace): PortLiteral[] {
  const source = file.script?.source;
  if (!source) return [];
  const env = envAliases(source);
  const result: PortLiteral[] = [];
  const appModule = workspace && appModules(workspace, file.path);
  for (const server of scriptServerCalls(source, { appModule })) {
    const site: ScriptSite | undefined = server.port;
    if (!site) continue;
    const value = resolveScriptValue(source, site.value, env);
    if (value.kind !== "literal") continue;
    const port = scriptPort(value.node);
    if (port === undefined) continue;
    const node = value.node;
    const replaced = constAsserted(node);
    const literal = directRange(file, replaced.getStart(source), replaced.getEnd());
    const viaProperty = value.via && ts.isPropertyAssignment(value.via) ? value.via : undefined;
    const argument = value.via ? (viaProperty ?? node) : site.argument;
    const range = directRange(file, argument.getStart(source), argument.getEnd());
    const call = value.via
      ? directRange(file, server.call.getStart(source), server.call.getEnd())
      : undefined;
    const needsParentheses = !BARE_CONTEXTS.includes(replaced.parent.kind);
    result.push({ port, range, literal, call, needsParentheses });
  }
  return result;
}

/**
 * Literal ports of the servers a source file starts, each literal once. With the workspace, an
 * app imported from another module of the project counts (`require("./app").listen(3000)`).
 */
export function serverPorts(file: ParsedFile, workspace?: Workspace): PortLiteral[] {
  const all = file.python ? pythonPorts(file) : scriptPorts(file, workspace);
  const seen = new Set<string>();
  return all.filter((p) => {
    const key = `${p.literal.start.line}:${p.literal.start.character}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
