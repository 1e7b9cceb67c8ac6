import type { ParsedFile } from "../engine/parse";
import type { Rule } from "../engine/rule";
import type { Fix } from "../engine/types";
import type { Workspace } from "../workspace/workspace";
import type { ConfigSite } from "./shared/pythonConfigKeys";
import { replaceStringContent, siblingSetting } from "./shared/pythonConfigKeys";
import { pythonRedisPrelude } from "./shared/pythonRedisPrelude";
import { flaskLocalCaches, pythonMemoCaches, scriptMemoCaches } from "./shared/localCaches";
import { mergeChanges, redisSupport } from "./shared/redisBacking";

/** A cache of shared data kept inside one process. */
export const rule: Rule = {
  meta: {
    id: "state-local-cache",
    factors: [6],
    categories: ["scaling", "parity"],
    severity: "warning",
    kinds: ["python", "javascript", "typescript"],
    fixable: true,
    handbook: "scaling",
    title: {
      en: "In-process cache of shared data",
      zh: "进程内缓存了共享数据",
    },
    description: {
      en: "A cache inside the process (Flask-Caching SimpleCache, node-cache, a module-level memo dict of database rows) holds a different copy in every worker and replica: an update or invalidation reaches one of them, the others keep serving stale data, and every restart starts cold. Use a shared cache such as Redis.",
      zh: "进程内的缓存（Flask-Caching 的 SimpleCache、node-cache、缓存数据库行的模块级字典）在每个 worker、每个副本中各有一份：更新或失效只作用于其中一个，其余继续返回旧数据，每次重启都从空缓存开始。请使用 Redis 等共享缓存。",
    },
  },

  check({ file, workspace, report }) {
    if (file.python) {
      for (const site of flaskLocalCaches(file.python.root)) {
        const whole = site.value.parent ?? site.value;
        const fix = flaskCacheFix(workspace, file, site);
        report({
          range: file.source.range(whole.startIndex, whole.endIndex),
          message: {
            en: `CACHE_TYPE "${site.text}" keeps Flask-Caching data inside each worker process: clearing or updating an entry affects one worker only, the others serve stale data, and every restart empties it.`,
            zh: `CACHE_TYPE "${site.text}" 把 Flask-Caching 数据保存在每个 worker 进程内部：清除或更新某个条目只影响一个 worker，其余继续返回旧数据，且每次重启都会清空。`,
          },
          fixes: fix ? [fix] : [],
        });
      }
    }
    const memos = file.python
      ? pythonMemoCaches(file.python.root)
      : file.script
        ? scriptMemoCaches(file.script.source)
        : [];
    for (const memo of memos) {
      const range = file.source.range(memo.start, memo.end);
      if (memo.library) {
        report({
          range,
          message: {
            en: `"${memo.name}" is a ${memo.library} instance, which keeps its entries inside this process: each replica holds its own copy, an update or invalidation reaches one of them while the others serve stale entries, and every restart starts cold. Keep the cache in Redis with a TTL.`,
            zh: `"${memo.name}" 是 ${memo.library} 实例，其条目保存在本进程内部：每个副本各有一份，更新或失效只作用于其中一个，其余继续返回旧条目，每次重启都从空缓存开始。请把缓存放到 Redis 并设置 TTL。`,
          },
        });
        continue;
      }
      report({
        range,
        severity: "info",
        message: {
          en: `"${memo.name}" caches shared data (database or API results) inside this process: each replica holds its own copy, so after an update some requests keep seeing the old data until the process restarts. Keep the cache in Redis with a TTL (or invalidate it through a shared store).`,
          zh: `"${memo.name}" 在本进程内缓存了共享数据（数据库或 API 结果）：每个副本各有一份，数据更新后部分请求仍会看到旧数据，直到进程重启。请把缓存放到 Redis 并设置 TTL（或通过共享存储失效）。`,
        },
      });
    }
  },
};

function flaskCacheFix(workspace: Workspace, file: ParsedFile, site: ConfigSite): Fix | undefined {
  const support = redisSupport(workspace, file, ["redis"]);
  const prelude = pythonRedisPrelude(file, { redis: false, dotenv: support.pythonDotenvLines });
  if (!prelude) return undefined;
  const edits = [...prelude.edits, replaceStringContent(file.source, site.value, "RedisCache")];
  if (!/\bCACHE_REDIS_URL\b/.test(file.source.text)) {
    edits.push(siblingSetting(file.source, site, "CACHE_REDIS_URL", prelude.url, prelude.quote));
  }
  return {
    title: {
      en: 'Use CACHE_TYPE = "RedisCache" with CACHE_REDIS_URL from REDIS_URL',
      zh: '改用 CACHE_TYPE = "RedisCache"，CACHE_REDIS_URL 取自 REDIS_URL',
    },
    changes: mergeChanges([{ file: file.path, edits }, ...support.changes]),
    preferred: true,
    byHand: support.byHand,
  };
}
