import type { Node } from "web-tree-sitter";
import type { ParsedFile } from "../../engine/parse";
import type { Fix, Localized, TextEdit } from "../../engine/types";
import { pythonString } from "../../languages/pythonSyntax";
import type { Workspace } from "../../workspace/workspace";
import {
  configSites,
  replaceStringContent,
  siblingSetting,
  type ConfigSite,
} from "../shared/pythonConfigKeys";
import { enclosingStatement, linesAfter } from "../shared/pythonCode";
import { pythonRedisPrelude } from "../shared/pythonRedisPrelude";
import { moduleBindings } from "../shared/pythonValues";
import { mergeChanges, redisSupport } from "../shared/redisBacking";

/** A settings line that keeps sessions on the local disk or in process memory. */
export interface PythonMemorySession {
  site: ConfigSite;
  framework: "flask" | "django";
  detail: Localized;
  fix?: (workspace: Workspace) => Fix | undefined;
}

/** Classes of settings for tests and local development, where a local store is fine. */
const LOCAL_CLASS = /(test|dev|local)/i;
const FLASK_LOCAL_TYPES = new Set(["filesystem", "null"]);
const DJANGO_ENGINES = "django.contrib.sessions.backends.";
const REDIS_CACHE = "django.core.cache.backends.redis.RedisCache";

function fix(
  workspace: Workspace,
  file: ParsedFile,
  edits: (url: string, quote: string) => TextEdit[] | undefined,
  title: Localized,
  importRedis = true,
): Fix | undefined {
  const support = redisSupport(workspace, file, ["redis"]);
  const prelude = pythonRedisPrelude(file, {
    redis: importRedis,
    dotenv: support.pythonDotenvLines,
  });
  const own = prelude && edits(prelude.url, prelude.quote);
  if (!prelude || !own) return undefined;
  return {
    title,
    changes: mergeChanges([
      { file: file.path, edits: [...prelude.edits, ...own] },
      ...support.changes,
    ]),
    preferred: true,
    byHand: support.byHand,
  };
}

function flaskSessions(file: ParsedFile, root: Node): PythonMemorySession[] {
  const defined = /\bSESSION_REDIS\b/.test(file.source.text);
  return configSites(root, ["SESSION_TYPE"])
    .filter((site) => FLASK_LOCAL_TYPES.has(site.text) && !LOCAL_CLASS.test(site.className ?? ""))
    .map((site) => ({
      site,
      framework: "flask" as const,
      detail:
        site.text === "null"
          ? {
              en: 'SESSION_TYPE "null" gives Flask-Session no shared store',
              zh: 'SESSION_TYPE "null" 使 Flask-Session 没有共享存储',
            }
          : {
              en: 'SESSION_TYPE "filesystem" keeps Flask-Session data on this container\'s disk',
              zh: 'SESSION_TYPE "filesystem" 把 Flask-Session 数据保存在本容器的磁盘上',
            },
      fix: (workspace: Workspace) =>
        fix(
          workspace,
          file,
          (url, quote) => [
            replaceStringContent(file.source, site.value, "redis"),
            ...(defined
              ? []
              : [
                  siblingSetting(
                    file.source,
                    site,
                    "SESSION_REDIS",
                    `redis.Redis.from_url(${url})`,
                    quote,
                  ),
                ]),
          ],
          {
            en: 'Use SESSION_TYPE = "redis" with SESSION_REDIS from REDIS_URL',
            zh: '改用 SESSION_TYPE = "redis"，SESSION_REDIS 取自 REDIS_URL',
          },
        ),
    }));
}

/** The `CACHES` setting: its statement and dict literal, when the module defines one. */
function cachesOf(root: Node): { statement: Node; dict?: Node } | undefined {
  const assignment = moduleBindings(root).get("CACHES")?.[0];
  if (!assignment) return undefined;
  const value = assignment.childForFieldName("right");
  return {
    statement: assignment.parent as Node,
    dict: value?.type === "dictionary" ? value : undefined,
  };
}

function entry(dict: Node, key: string): Node | undefined {
  const pair = dict.namedChildren.find(
    (p) => p.type === "pair" && pythonString(p.childForFieldName("key")) === key,
  );
  return pair?.childForFieldName("value") ?? undefined;
}

/** Whether the cache that sessions would use lives in the process (locmem, dummy, file). */
function localCache(root: Node): boolean {
  const caches = cachesOf(root);
  if (!caches) return true;
  const alias = configSites(root, ["SESSION_CACHE_ALIAS"])[0]?.text ?? "default";
  const config = caches.dict ? entry(caches.dict, alias) : undefined;
  const backend =
    config?.type === "dictionary" ? pythonString(entry(config, "BACKEND")) : undefined;
  return !!backend && /(locmem|dummy|filebased)/.test(backend);
}

function djangoEdits(
  file: ParsedFile,
  root: Node,
  site: ConfigSite,
  url: string,
  q: string,
): TextEdit[] | undefined {
  const edits: TextEdit[] = [];
  if (site.text.endsWith(".file")) {
    edits.push(replaceStringContent(file.source, site.value, `${DJANGO_ENGINES}cache`));
  }
  const caches = cachesOf(root);
  const statement = enclosingStatement(site.value);
  const redis = `{${q}BACKEND${q}: ${q}${REDIS_CACHE}${q}, ${q}LOCATION${q}: ${url}}`;
  if (!caches) {
    edits.push(linesAfter(file.source, statement, [`CACHES = {${q}default${q}: ${redis}}`]));
    return edits;
  }
  if (!caches.dict || configSites(root, ["SESSION_CACHE_ALIAS"]).length > 0) return undefined;
  const after = caches.statement.startIndex > statement.startIndex ? caches.statement : statement;
  edits.push(
    linesAfter(file.source, after, [
      `SESSION_CACHE_ALIAS = ${q}sessions${q}`,
      `CACHES[${q}sessions${q}] = ${redis}`,
    ]),
  );
  return edits;
}

function djangoSessions(file: ParsedFile, root: Node): PythonMemorySession[] {
  return configSites(root, ["SESSION_ENGINE"])
    .filter((site) => site.style === "assignment" && !site.className)
    .filter(
      (site) =>
        site.text === `${DJANGO_ENGINES}file` ||
        (site.text === `${DJANGO_ENGINES}cache` && localCache(root)),
    )
    .map((site) => ({
      site,
      framework: "django" as const,
      detail: site.text.endsWith(".file")
        ? {
            en: "SESSION_ENGINE keeps Django sessions in files on this container's disk",
            zh: "SESSION_ENGINE 把 Django 会话保存在本容器磁盘上的文件中",
          }
        : {
            en: "SESSION_ENGINE keeps Django sessions in a cache that lives inside each process (LocMemCache)",
            zh: "SESSION_ENGINE 把 Django 会话保存在每个进程内部的缓存（LocMemCache）中",
          },
      fix: (workspace: Workspace) =>
        fix(
          workspace,
          file,
          (url, quote) => djangoEdits(file, root, site, url, quote),
          {
            en: "Keep sessions in a Redis cache (django.core.cache.backends.redis)",
            zh: "把会话保存到 Redis 缓存（django.core.cache.backends.redis）",
          },
          false,
        ),
    }));
}

/** Flask-Session and Django settings that keep sessions in the process or on local disk. */
export function pythonMemorySessions(file: ParsedFile): PythonMemorySession[] {
  const root = file.python?.root;
  if (!root) return [];
  return [...flaskSessions(file, root), ...djangoSessions(file, root)];
}
