import type { Rule, RuleContext } from "../engine/rule";
import type { Localized } from "../engine/types";
import { codeEnvFix } from "./shared/codeEnvFix";
import { namedLiteralsOf } from "./shared/codeSecrets";
import { codeStrings, type CodeString } from "./shared/codeStrings";
import { codeEnvName } from "./shared/secretEnvNames";
import { asNamed } from "./secret-in-url";
import { isBackingServiceUrl, isLoopbackHost, urlsIn, type ParsedUrl } from "./shared/serviceUrls";
import { urlEnvName, urlQualifiers } from "./shared/urlEnvNames";

/** A backing service's address written into the code ties every deploy to one instance. */
export const rule: Rule = {
  meta: {
    id: "config-hardcoded-url",
    factors: [3, 4],
    categories: ["parity", "startup"],
    severity: "warning",
    kinds: ["python", "javascript", "typescript"],
    fixable: true,
    handbook: "parity",
    title: {
      en: "Backing-service address hard-coded in code",
      zh: "代码中写死了后端服务地址",
    },
    description: {
      en: "A database, cache, queue, object-store or internal API address written into the code is the same in every environment: development, staging and production all reach one instance, and moving the service needs a release. Read the address from an environment variable (DATABASE_URL, REDIS_URL…).",
      zh: "写在代码中的数据库、缓存、队列、对象存储或内部 API 地址在每个环境中都相同：开发、预发和生产都连同一个实例，迁移服务还需要重新发布。请从环境变量（DATABASE_URL、REDIS_URL 等）读取地址。",
    },
  },

  check(context) {
    const named = namedLiteralsOf(context.file);
    for (const string of codeStrings(context.file)) {
      const url = leadingUrl(string);
      if (!url || url.password || isTemplatedHost(url.host) || !isBackingServiceUrl(url)) continue;
      const loopback = isLoopbackHost(url.host);
      if (string.envFallback && loopback) continue;
      const literal = named.find((n) => n.literal.start === string.start);
      const base = urlEnvName(url, literal, string.owner);
      const contentStart =
        string.start + string.raw.indexOf(string.raw.match(/["'`]/)?.[0] ?? "") + 1;
      const whole =
        string.value !== undefined && string.value.trim() === string.raw.slice(url.start, url.end);
      const moved = whole
        ? (string.value ?? "")
        : string.raw.slice(url.start, authorityEnd(string.raw, url));
      const { workspace, file } = context;
      const name = codeEnvName(workspace, {
        file,
        start: string.start,
        value: moved,
        base,
        qualifiers: urlQualifiers(url, string.owner),
      });
      const target = whole
        ? { start: string.start, end: string.end }
        : { start: string.start + url.start, end: string.start + authorityEnd(string.raw, url) };
      const fix = literal?.envWrite
        ? undefined
        : codeEnvFix(context, {
            literal: literal ?? asNamed(string, name),
            ...target,
            value: moved,
            name,
          });
      report(context, string, url, {
        name,
        loopback,
        fallback: string.envFallback,
        fix,
        contentStart,
      });
    }
  },
};

/** The URL a literal starts with (its whole value, or the base of an f-string / template). */
function leadingUrl(string: CodeString): ParsedUrl | undefined {
  const url = urlsIn(string.raw)[0];
  if (!url) return undefined;
  const opening = /^[A-Za-z]*("""|'''|"|'|`)/.exec(string.raw);
  return opening && url.start === opening[0].length ? url : undefined;
}

/** `{host}`, `${HOST}`, `%(host)s`: the host is filled in at run time. */
function isTemplatedHost(host: string): boolean {
  return /[{}$%<>]/.test(host) || host === "";
}

/** Where the scheme and authority of a URL end inside the raw literal. */
function authorityEnd(raw: string, url: ParsedUrl): number {
  const afterScheme = raw.indexOf("://", url.start) + 3;
  let end = afterScheme;
  while (end < url.end && !/[/?#{$]/.test(raw[end])) end++;
  return end;
}

const SERVICES: Array<[RegExp, Localized]> = [
  [
    /^(postgres|psql|pgsql|mysql|mariadb|mssql|sqlserver|oracle|cockroach|clickhouse|timescale|redshift|jdbc)/,
    { en: "database", zh: "数据库" },
  ],
  [/^redis/, { en: "Redis", zh: "Redis" }],
  [/^amqp/, { en: "message broker", zh: "消息队列" }],
  [/^mongodb/, { en: "MongoDB", zh: "MongoDB" }],
  [/^s3$/, { en: "object store", zh: "对象存储" }],
];

function serviceLabel(url: ParsedUrl): Localized {
  if (/amazonaws\.com$/.test(url.host) && /\.s3|^s3/.test(url.host))
    return { en: "object store", zh: "对象存储" };
  const known = SERVICES.find(([pattern]) => pattern.test(url.scheme));
  if (known) return known[1];
  return /^https?$/.test(url.scheme)
    ? { en: "internal API", zh: "内部 API" }
    : { en: "backing service", zh: "后端服务" };
}

interface Details {
  name: string;
  loopback: boolean;
  fallback: boolean;
  fix: ReturnType<typeof codeEnvFix>;
  contentStart: number;
}

function report(context: RuleContext, string: CodeString, url: ParsedUrl, details: Details): void {
  const label = serviceLabel(url);
  const host = url.host;
  const local: Localized = details.loopback
    ? {
        en: " Inside a container, localhost is the container itself.",
        zh: "在容器中，localhost 指向容器自身。",
      }
    : { en: "", zh: "" };
  const message: Localized = details.fallback
    ? {
        en: `The fallback ${label.en} address ${host} takes over silently when the environment variable read here is missing, so a deploy that forgets it talks to this host instead of failing.`,
        zh: `当这里读取的环境变量缺失时，会悄悄改用备用的${label.zh}地址 ${host}，漏配变量的部署不会报错，而是连到这个主机。`,
      }
    : {
        en: `The ${label.en} address ${host} is hard-coded: every environment reaches the same instance, and moving it needs a new release. Read it from ${details.name}.${local.en}`,
        zh: `${label.zh}地址 ${host} 写死在代码中：每个环境都连同一个实例，迁移它需要重新发布。请从 ${details.name} 读取。${local.zh}`,
      };
  context.report({
    range: context.file.source.range(string.start + url.start, string.start + url.end),
    message,
    severity: details.fallback ? "hint" : undefined,
    fixes: details.fix && !details.fallback ? [details.fix] : [],
  });
}
