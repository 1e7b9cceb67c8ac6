import type { ParsedFile } from "../../engine/parse";
import type { Fix, Range, TextEdit } from "../../engine/types";
import { ts, walkScript } from "../../languages/script";
import { declarationName, isEsModule, preferredQuote } from "../../languages/scriptSyntax";
import type { Workspace } from "../../workspace/workspace";
import { scriptDotenvEdit } from "../shared/dotenvLoading";
import { mergeChanges, redisSupport } from "../shared/redisBacking";
import {
  freshScriptName,
  identifiersOf,
  importStatement,
  insertAfterImports,
  moduleBinding,
  usesSemicolons,
} from "../shared/scriptCode";
import { constInitializer, unwrapScript } from "../shared/scriptValues";

/** A session middleware call that keeps sessions in the process (no `store`, or a MemoryStore). */
export interface MemorySession {
  /** What a finding underlines: the `session` callee. */
  range: Range;
  library: "express-session" | "@fastify/session";
  /** The object literal a `store` goes into, or the call to give one. */
  target: ts.ObjectLiteralExpression | ts.CallExpression;
  /** An explicit `store: new MemoryStore()` to replace. */
  memoryStore?: ts.Expression;
}

type StoreState = "store" | "memory" | "none" | "unknown";

/** Operators that pick one of two values. */
const CHOICE_OPERATORS = [
  ts.SyntaxKind.QuestionQuestionToken,
  ts.SyntaxKind.BarBarToken,
  ts.SyntaxKind.AmpersandAmpersandToken,
];

/**
 * Whether a store value is a MemoryStore. A choice (`test ? new MemoryStore() : redisStore`,
 * `custom ?? new MemoryStore()`) is one only when every branch is.
 */
function storeOfValue(node: ts.Expression): "memory" | "store" {
  const value = unwrapScript(node);
  const branches = ts.isConditionalExpression(value)
    ? [value.whenTrue, value.whenFalse]
    : ts.isBinaryExpression(value) && CHOICE_OPERATORS.includes(value.operatorToken.kind)
      ? [value.left, value.right]
      : undefined;
  if (branches) return branches.every((b) => storeOfValue(b) === "memory") ? "memory" : "store";
  return /\bMemoryStore\b/.test(value.getText()) ? "memory" : "store";
}

function storeOfProperty(property: ts.ObjectLiteralElementLike): StoreState | undefined {
  if (declarationName(property) !== "store") return undefined;
  return ts.isPropertyAssignment(property) ? storeOfValue(property.initializer) : "store";
}

/** Whether an options object literal carries a store, following spreads of local constants. */
function storeOf(object: ts.ObjectLiteralExpression, source: ts.SourceFile, depth = 0): StoreState {
  let state: StoreState = "none";
  for (const property of object.properties) {
    if (ts.isSpreadAssignment(property)) {
      const base = unwrapScript(property.expression);
      const init = ts.isIdentifier(base) ? constInitializer(source, base.text) : undefined;
      const inner = init ? unwrapScript(init) : undefined;
      if (!inner || !ts.isObjectLiteralExpression(inner) || depth > 2) return "unknown";
      const spread = storeOf(inner, source, depth + 1);
      if (spread !== "none") state = spread;
      continue;
    }
    state = storeOfProperty(property) ?? state;
  }
  return state;
}

/** Later `opts.store = …` or `Object.assign(opts, …)` in the module. */
function assignedLater(source: ts.SourceFile, name: string): boolean {
  for (const node of walkScript(source)) {
    const target = new RegExp(`^${name}(\\.store|\\[['"]store['"]\\])$`);
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      target.test(node.left.getText())
    ) {
      return true;
    }
    if (ts.isCallExpression(node) && node.expression.getText() === "Object.assign") {
      if (node.arguments[0]?.getText() === name) return true;
    }
  }
  return false;
}

function memoryStoreValue(object: ts.ObjectLiteralExpression): ts.Expression | undefined {
  const property = object.properties.find((p) => declarationName(p) === "store");
  return property && ts.isPropertyAssignment(property) ? property.initializer : undefined;
}

function judge(
  source: ts.SourceFile,
  options: ts.Expression | undefined,
  call: ts.CallExpression,
): Pick<MemorySession, "target" | "memoryStore"> | undefined {
  if (!options) return { target: call };
  const value = unwrapScript(options);
  let object: ts.ObjectLiteralExpression | undefined;
  if (ts.isObjectLiteralExpression(value)) object = value;
  else if (ts.isIdentifier(value)) {
    const init = constInitializer(source, value.text);
    const inner = init ? unwrapScript(init) : undefined;
    if (!inner || !ts.isObjectLiteralExpression(inner) || assignedLater(source, value.text)) {
      return undefined;
    }
    object = inner;
  }
  if (!object) return undefined;
  const state = storeOf(object, source);
  if (state === "none") return { target: object };
  if (state === "memory") return { target: object, memoryStore: memoryStoreValue(object) };
  return undefined;
}

/** `session({…})` of express-session and `register(fastifySession, {…})` without a real store. */
export function memorySessions(file: ParsedFile): MemorySession[] {
  const source = file.script?.source;
  if (!source) return [];
  const express = moduleBinding(source, "express-session");
  const fastify =
    moduleBinding(source, "@fastify/session") ?? moduleBinding(source, "fastify-session");
  const result: MemorySession[] = [];
  for (const node of walkScript(source)) {
    if (!ts.isCallExpression(node)) continue;
    const callee = node.expression;
    let options: ts.Expression | undefined;
    let library: MemorySession["library"];
    if (express && ts.isIdentifier(callee) && callee.text === express) {
      [options, library] = [node.arguments[0], "express-session"];
    } else if (
      fastify &&
      ts.isPropertyAccessExpression(callee) &&
      callee.name.text === "register" &&
      node.arguments[0]?.getText() === fastify
    ) {
      [options, library] = [node.arguments[1], "@fastify/session"];
    } else continue;
    const verdict = judge(source, options, node);
    if (!verdict) continue;
    const at = ts.isIdentifier(callee) ? callee : node.arguments[0];
    const range = file.source.range(at.getStart(source), at.getEnd());
    result.push({ range, library, ...verdict });
  }
  return result;
}

function storeEdit(file: ParsedFile, session: MemorySession, store: string): TextEdit {
  const source = file.script?.source as ts.SourceFile;
  const text = file.source;
  if (session.memoryStore) {
    const node = session.memoryStore;
    return { range: text.range(node.getStart(source), node.getEnd()), newText: store };
  }
  const target = session.target;
  if (ts.isCallExpression(target)) {
    const at = text.positionAt(target.arguments.end);
    const lead = session.library === "@fastify/session" ? ", " : "";
    return { range: { start: at, end: at }, newText: `${lead}{ store: ${store} }` };
  }
  const first = target.properties[0];
  if (!first) {
    return {
      range: text.range(target.getStart(source), target.getEnd()),
      newText: `{ store: ${store} }`,
    };
  }
  const start = first.getStart(source);
  const open = target.getStart(source);
  const multiline = text.positionAt(start).line !== text.positionAt(open).line;
  const indent = /^[ \t]*/.exec(text.lineText(text.positionAt(start).line))?.[0] ?? "";
  const at = text.positionAt(start);
  const newText = multiline ? `store: ${store},${text.eol}${indent}` : `store: ${store}, `;
  return { range: { start: at, end: at }, newText };
}

/** Gives the session middleware a Redis store (connect-redis with an ioredis client). */
export function scriptSessionFix(
  workspace: Workspace,
  file: ParsedFile,
  session: MemorySession,
): Fix {
  const source = file.script?.source as ts.SourceFile;
  const quote = preferredQuote(source);
  const semi = usesSemicolons(source) ? ";" : "";
  const used = identifiersOf(source);
  const typescript = /\.[cm]?tsx?$/.test(file.path);
  const support = redisSupport(workspace, file, ["connect-redis", "ioredis"]);
  const storeName = moduleBinding(source, "connect-redis") ?? freshScriptName(used, "RedisStore");
  const redisName = moduleBinding(source, "ioredis") ?? freshScriptName(used, "Redis");
  const client = freshScriptName(used, "redisClient");
  const strip = (line: string) => (semi ? line : line.replace(/;$/, ""));
  const lines: string[] = [];
  if (!moduleBinding(source, "connect-redis")) {
    lines.push(
      strip(
        importStatement(source, {
          name: storeName,
          module: "connect-redis",
          quote,
          member: "default",
        }),
      ),
    );
  }
  if (!moduleBinding(source, "ioredis")) {
    lines.push(strip(importStatement(source, { name: redisName, module: "ioredis", quote })));
  }
  lines.push(
    "",
    `const ${client} = new ${redisName}(process.env.REDIS_URL${typescript ? " as string" : ""})${semi}`,
  );
  const edits: TextEdit[] = [insertAfterImports(source, file.source, lines)];
  if (support.scriptNeedsDotenv) edits.unshift(scriptDotenvEdit(file, isEsModule(source), quote));
  edits.push(storeEdit(file, session, `new ${storeName}({ client: ${client} })`));
  return {
    title: {
      en: "Store sessions in Redis (connect-redis)",
      zh: "把会话存到 Redis（connect-redis）",
    },
    changes: mergeChanges([{ file: file.path, edits }, ...support.changes]),
    preferred: true,
    byHand: support.byHand,
  };
}
