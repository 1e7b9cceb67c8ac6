import * as path from "node:path";
import type { Node } from "web-tree-sitter";
import type { ParsedFile } from "../../engine/parse";
import type { Fix, Localized, TextEdit } from "../../engine/types";
import type { Workspace } from "../../workspace/workspace";
import {
  enclosingFunction,
  freshPythonName,
  moduleCodeEdits,
  moduleNames,
  pythonEnviron,
  pythonLiteral,
  pythonPreferredQuote,
} from "../shared/pythonCode";
import { pythonImportMap } from "../shared/pythonServers";
import { moduleBindings } from "../shared/pythonValues";
import { mergeChanges, redisSupport } from "../shared/redisBacking";
import type { PythonContainer } from "./pythonDetect";
import { notJson } from "./pythonJson";
import { isRedisDictClass, redisDictClass } from "./pythonRedisDict";
import { rewriteAlias, rewriteNested, type Rewrite } from "./pythonRewrites";

export interface FixOutcome {
  fix?: Fix;
  /** Why no fix is offered, and what to do by hand. */
  reason?: Localized;
}

const FACTORIES = new Set(["list", "dict", "int", "float", "str", "bool"]);

const lineOf = (node: Node): number => node.startPosition.row + 1;

function refuse(en: string, zh: string): FixOutcome {
  return { reason: { en, zh } };
}

/** Values a plain or method use writes: `x[k] = v`, `x.update(…)`, `x.setdefault(k, d)`. */
function writtenBy(ref: Node): Node[] {
  const parent = ref.parent;
  if (parent?.type === "subscript" && parent.parent?.type === "assignment") {
    const right = parent.parent.childForFieldName("right");
    return right && parent.parent.childForFieldName("left")?.id === parent.id ? [right] : [];
  }
  const call = parent?.type === "attribute" ? parent.parent : undefined;
  if (call?.type !== "call") return [];
  return call.childForFieldName("arguments")?.namedChildren ?? [];
}

function blocked(container: PythonContainer): FixOutcome | undefined {
  if (container.kind !== "dict") {
    return refuse(
      `Move it to Redis by hand: a Redis list or set per user (RPUSH/SADD with EXPIRE) in place of the shared ${container.kind}.`,
      `请手动迁移到 Redis：用按用户区分的 Redis 列表或集合（RPUSH/SADD 加 EXPIRE）替代共享的 ${container.kind}。`,
    );
  }
  if (!container.empty) {
    return refuse(
      "It starts with entries: load them into Redis once, then use a Redis-backed dict.",
      "它在定义时就有初始数据：请先把这些数据写入 Redis，再改用 Redis 字典。",
    );
  }
  if (container.defaultFactory && !FACTORIES.has(container.defaultFactory)) {
    return refuse(
      `Its default factory ${container.defaultFactory} makes values JSON cannot hold: store plain data in Redis by hand.`,
      `其默认工厂 ${container.defaultFactory} 生成的值无法用 JSON 保存：请手动改为在 Redis 中存储普通数据。`,
    );
  }
  return undefined;
}

function rewriteUses(
  file: ParsedFile,
  container: PythonContainer,
): { edits: TextEdit[]; written: Node[] } | FixOutcome {
  const edits: TextEdit[] = [];
  const written: Node[] = [];
  const statements = new Set<number>();
  for (const use of container.uses) {
    if (use.kind === "other") {
      return refuse(
        `Line ${lineOf(use.ref)} uses it as a whole object, which a Redis-backed dict cannot stand in for: move that code to Redis by hand.`,
        `第 ${lineOf(use.ref)} 行把它当作整体对象使用，Redis 字典无法替代：请手动把这段代码迁移到 Redis。`,
      );
    }
    let rewrite: Rewrite | undefined;
    if (use.kind === "nested") {
      const fn = enclosingFunction(use.ref);
      const local = fn ? freshPythonName(fn, "entry") : "entry";
      rewrite = rewriteNested(file.source, use, local);
    } else if (use.kind === "alias") {
      rewrite = rewriteAlias(file.source, use);
    }
    if (rewrite && "problem" in rewrite) {
      return refuse(
        `Line ${lineOf(rewrite.problem)} changes a stored value in place in a way that cannot be written back automatically: read it, change it and store it again (x[k] = value).`,
        `第 ${lineOf(rewrite.problem)} 行原地修改了存储的值，无法自动写回：请先读出、修改，再重新存入（x[k] = value）。`,
      );
    }
    if (rewrite) {
      const key = rewrite.edits[0]?.range.start.line;
      if (use.kind === "nested" && key !== undefined && statements.has(key)) {
        return refuse(
          `Line ${key + 1} changes two stored values at once: split it into separate statements first.`,
          `第 ${key + 1} 行同时修改了两个存储的值：请先拆成多条语句。`,
        );
      }
      if (use.kind === "nested" && key !== undefined) statements.add(key);
      edits.push(...rewrite.edits);
      written.push(...rewrite.written);
    }
    written.push(...writtenBy(use.ref));
  }
  return { edits, written };
}

/**
 * The edits that add the imports, `.env` loading, store class and client: right after the
 * imports, or the store part after the module's own `load_dotenv()` so the URL is there.
 */
function headerEdits(
  file: ParsedFile,
  names: { store: string; client: string },
  dotenv: string[],
): TextEdit[] {
  const root = file.python?.root as Node;
  const quote = pythonPreferredQuote(file.source);
  const imports = pythonImportMap(root);
  const environ = pythonEnviron(root, file.source);
  const lines: string[] = [];
  if (!imports.has("json")) lines.push("import json");
  if (environ.edits.length > 0) lines.push("import os");
  if (!imports.has("redis")) lines.push("import redis");
  if (dotenv.length > 0) lines.push("", ...dotenv);
  const url = `${environ.text}[${pythonLiteral("REDIS_URL", quote)}]`;
  const store = [
    "",
    "",
    ...redisDictClass(names.store, quote),
    "",
    "",
    `${names.client} = redis.Redis.from_url(${url}, decode_responses=True)`,
  ];
  return moduleCodeEdits(root, file.source, lines, store);
}

/** The store class and client a previous fix already added to the module, if any. */
function existingStore(file: ParsedFile): { store: string; client: string } | undefined {
  const text = file.source.text;
  if (!isRedisDictClass(text)) return undefined;
  const store = /class (\w+):\r?\n\s+(?:"""|''')A dict kept in Redis/.exec(text)?.[1];
  const client = /^(\w+) = redis\.Redis\.from_url\(/m.exec(text)?.[1];
  return store && client ? { store, client } : undefined;
}

function namesClash(root: Node): boolean {
  const imports = pythonImportMap(root);
  const bindings = moduleBindings(root);
  return ["redis", "json"].some(
    (name) => bindings.has(name) || (imports.has(name) && imports.get(name) !== name),
  );
}

/**
 * The fix that turns a module-level (or class) dict into a Redis-backed dict: a small store
 * class and client are added once, the definition changes, and uses that change stored values
 * in place are rewritten to write them back.
 */
export function pythonStoreFix(
  workspace: Workspace,
  file: ParsedFile,
  container: PythonContainer,
): FixOutcome {
  const root = file.python?.root;
  if (!root) return {};
  const stop = blocked(container);
  if (stop) return stop;
  if (namesClash(root)) {
    return refuse(
      "The module binds the names redis or json to something else: move the state to Redis by hand.",
      "模块把 redis 或 json 这两个名字绑定到了别的对象：请手动把状态迁移到 Redis。",
    );
  }
  const rewritten = rewriteUses(file, container);
  if (!("edits" in rewritten)) return rewritten;
  const bad = rewritten.written.find((value) => notJson(value));
  if (bad) {
    return refuse(
      `Line ${lineOf(bad)} stores a value JSON cannot hold (${bad.text}): store plain data (strings, numbers, lists, dicts) and move it to Redis by hand.`,
      `第 ${lineOf(bad)} 行存入了 JSON 无法保存的值（${bad.text}）：请改存普通数据（字符串、数字、列表、字典）并手动迁移到 Redis。`,
    );
  }
  const support = redisSupport(workspace, file, ["redis"]);
  const existing = existingStore(file);
  const used = moduleNames(root);
  const names = existing ?? {
    store: used.has("RedisDict") ? freshPythonName(root, "RedisDict") : "RedisDict",
    client: freshPythonName(root, "redis_client"),
  };
  const edits: TextEdit[] = [...rewritten.edits];
  if (!existing) {
    edits.push(...headerEdits(file, names, support.pythonDotenvLines));
  }
  const quote = pythonPreferredQuote(file.source);
  const module = path.basename(file.path).replace(/\.pyi?$/, "");
  const prefix = pythonLiteral(`${module}:${container.name}`, quote);
  const factory = container.defaultFactory ? `, default=${container.defaultFactory}` : "";
  const value = container.value;
  edits.push({
    range: file.source.range(value.startIndex, value.endIndex),
    newText: `${names.store}(${names.client}, ${prefix}${factory})`,
  });
  const label = container.name;
  return {
    fix: {
      title: {
        en: `Keep "${label}" in Redis, shared by every process`,
        zh: `把 "${label}" 存到 Redis，由所有进程共享`,
      },
      changes: mergeChanges([{ file: file.path, edits }, ...support.changes]),
      preferred: true,
      byHand: support.byHand,
    },
  };
}
