import type { ParsedFile } from "../../engine/parse";
import type { Fix, TextEdit } from "../../engine/types";
import { ts } from "../../languages/script";
import { isEsModule, preferredQuote } from "../../languages/scriptSyntax";
import type { Workspace } from "../../workspace/workspace";
import { scriptDotenvEdit } from "../shared/dotenvLoading";
import { mergeChanges, redisSupport } from "../shared/redisBacking";
import {
  enclosingScriptFunction,
  freshScriptName,
  identifiersOf,
  importStatement,
  lastModuleLoad,
  moduleBinding,
  scriptLiteral,
  usesSemicolons,
} from "../shared/scriptCode";
import { isScriptRouteCallback } from "../shared/webApps";
import type { FixOutcome } from "./pythonFix";
import type { ScriptContainer } from "./scriptDetect";
import { redisMapClass, redisMapClassName } from "./scriptRedisMap";
import { outermost, StoreRenderer } from "./scriptRender";
import { problemOf, valueType } from "./scriptChecks";
import { scriptUse, type ScriptRewrite } from "./scriptUses";

const lineOf = (source: ts.SourceFile, node: ts.Node): number =>
  source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;

/** The functions that must become async, or the first use that sits where await cannot go. */
function asyncTargets(
  rewrites: ScriptRewrite[],
): { make: Set<ts.FunctionLikeDeclaration> } | { problem: ts.Node } {
  const make = new Set<ts.FunctionLikeDeclaration>();
  for (const rewrite of rewrites) {
    const fn = enclosingScriptFunction(rewrite.node);
    if (!fn) return { problem: rewrite.node };
    const isAsync = ts.getCombinedModifierFlags(fn as ts.Declaration) & ts.ModifierFlags.Async;
    if (isAsync) continue;
    if (!isScriptRouteCallback(fn)) return { problem: rewrite.node };
    make.add(fn);
  }
  return { make };
}

function asyncEdit(
  file: ParsedFile,
  source: ts.SourceFile,
  fn: ts.FunctionLikeDeclaration,
): TextEdit {
  const at = file.source.positionAt(fn.getStart(source));
  return { range: { start: at, end: at }, newText: "async " };
}

interface Header {
  store: string;
  client: string;
  edits: TextEdit[];
}

/** The store class, ioredis import and client, added once per file after its imports. */
function header(
  workspace: Workspace,
  file: ParsedFile,
  definition: ts.Node,
  dotenv: boolean,
): Header | undefined {
  const source = file.script?.source as ts.SourceFile;
  const existing = redisMapClassName(source.text);
  const clientMatch = /^const (\w+) = new \w+\(process\.env\.REDIS_URL( as string)?\);?$/m.exec(
    source.text,
  );
  if (existing && clientMatch) {
    const classAt = source.text.indexOf(`class ${existing}`);
    return classAt < definition.getStart(source)
      ? { store: existing, client: clientMatch[1], edits: [] }
      : undefined;
  }
  const typescript = /\.[cm]?tsx?$/.test(file.path);
  const style = {
    quote: preferredQuote(source),
    semi: usesSemicolons(source) ? ";" : "",
    typescript,
  };
  const used = identifiersOf(source);
  const bound = moduleBinding(source, "ioredis");
  const redisType = bound ?? freshScriptName(used, "Redis");
  const store = freshScriptName(used, "RedisMap");
  const client = freshScriptName(used, "redisClient");
  const url = `process.env.REDIS_URL${typescript ? " as string" : ""}`;
  const lines = [
    ...(bound ? [] : [importLine(source, redisType, style.semi)]),
    "",
    ...redisMapClass(store, redisType, style),
    "",
    `const ${client} = new ${redisType}(${url})${style.semi}`,
  ];
  const anchor = lastModuleLoad(source);
  const before = anchor === undefined || anchor.getEnd() > definition.getStart(source);
  const eol = file.source.eol;
  const edits: TextEdit[] = [];
  if (dotenv) edits.push(scriptDotenvEdit(file, isEsModule(source), style.quote));
  if (before) {
    const statement = statementOf(definition);
    const at = file.source.positionAt(statement.getStart(source));
    edits.push({
      range: { start: at, end: at },
      newText: lines.filter((l, i) => i > 0 || l !== "").join(eol) + eol + eol,
    });
  } else {
    const at = file.source.positionAt(anchor.getEnd());
    edits.push({ range: { start: at, end: at }, newText: lines.map((l) => eol + l).join("") });
  }
  return { store, client, edits };
}

function importLine(source: ts.SourceFile, name: string, semi: string): string {
  const line = importStatement(source, { name, module: "ioredis", quote: preferredQuote(source) });
  return semi ? line : line.replace(/;$/, "");
}

function statementOf(node: ts.Node): ts.Node {
  let current = node;
  while (current.parent && !ts.isSourceFile(current.parent)) current = current.parent;
  return current;
}

function definitionEdits(
  file: ParsedFile,
  container: ScriptContainer,
  names: Header,
  valueTypeText: string | undefined,
): TextEdit[] {
  const source = file.script?.source as ts.SourceFile;
  const quote = preferredQuote(source);
  const typeArgs = valueTypeText ? `<${valueTypeText}>` : "";
  const value = `new ${names.store}${typeArgs}(${names.client}, ${scriptLiteral(container.name, quote)})`;
  const edits: TextEdit[] = [
    {
      range: file.source.range(container.value.getStart(source), container.value.getEnd()),
      newText: value,
    },
  ];
  const annotation = container.declaration?.type;
  if (annotation) {
    edits.push({
      range: file.source.range(container.declaration!.name.getEnd(), annotation.getEnd()),
      newText: "",
    });
  }
  return edits;
}

/**
 * The fix that turns a module-level Map or object into a Redis-backed store: every use becomes
 * an awaited store call, route handlers that use it become async.
 */
export function scriptStoreFix(
  workspace: Workspace,
  file: ParsedFile,
  container: ScriptContainer,
): FixOutcome {
  const source = file.script?.source;
  if (!source) return {};
  const refuse = (line: number | undefined, en: string, zh: string): FixOutcome => ({
    reason: line
      ? { en: `Line ${line}: ${en}`, zh: `第 ${line} 行：${zh}` }
      : { en: en.charAt(0).toUpperCase() + en.slice(1), zh },
  });
  if (container.scope !== "module" || (container.kind !== "map" && container.kind !== "object")) {
    return refuse(
      undefined,
      "move it to Redis by hand (ioredis, JSON values with a TTL) and make the code that uses it await the store.",
      "请手动迁移到 Redis（ioredis，JSON 值并设置过期时间），并让使用它的代码 await 存储操作。",
    );
  }
  const typed = valueType(container);
  if (typed.problem) return refuse(undefined, typed.problem.en, typed.problem.zh);
  const rewrites = container.refs.map((ref) => scriptUse(ref, container.kind as "map" | "object"));
  const problem = problemOf(source, container, rewrites);
  if (problem) return refuse(lineOf(source, problem.node), problem.en, problem.zh);
  const targets = asyncTargets(rewrites);
  if ("problem" in targets) {
    return refuse(
      lineOf(source, targets.problem),
      "this use is outside an async function or route handler, where the store cannot be awaited; move it to Redis by hand.",
      "此处不在 async 函数或路由处理函数中，无法 await 存储操作；请手动迁移到 Redis。",
    );
  }
  const support = redisSupport(workspace, file, ["ioredis"]);
  const names = header(workspace, file, container.definition, support.scriptNeedsDotenv);
  if (!names)
    return refuse(
      undefined,
      "the store class of an earlier fix is defined below this container; move the definition below it.",
      "之前修复添加的存储类定义在该容器之后；请把容器定义移到它下面。",
    );
  const local = freshScriptName(identifiersOf(source), "value");
  const renderer = new StoreRenderer(source, container.name, rewrites, local);
  const outer = outermost(rewrites, (node) => renderer.startOf(node));
  const edits: TextEdit[] = [
    ...names.edits,
    ...definitionEdits(file, container, names, typed.text),
    ...[...targets.make].map((fn) => asyncEdit(file, source, fn)),
    ...outer.map((r) => ({
      range: file.source.range(r.node.getStart(source), r.node.getEnd()),
      newText: renderer.render(r),
    })),
  ];
  return {
    fix: {
      title: {
        en: `Keep "${container.name}" in Redis, shared by every process`,
        zh: `把 "${container.name}" 存到 Redis，由所有进程共享`,
      },
      changes: mergeChanges([{ file: file.path, edits }, ...support.changes]),
      preferred: true,
      byHand: support.byHand,
    },
  };
}
