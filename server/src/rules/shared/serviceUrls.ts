/**
 * Connection URLs in literals: which backing service they address and whether they carry a
 * password. Template text in the password position (`${DB_PASSWORD}`, `{password}`, `%s`) is not
 * a credential.
 */

export interface ParsedUrl {
  scheme: string;
  host: string;
  /** Offsets of the whole URL and of the password inside the text parsed. */
  start: number;
  end: number;
  password?: { start: number; end: number; value: string };
}

const SCHEME_CHAR = /[a-z0-9+.-]/i;
const LETTER = /[a-z]/i;
const AUTHORITY_END = /[\s/?#'"`<>\\]/;
const URL_END = /[\s'"`<>]/;

/** A `scheme://` found in a text: where it starts (`jdbc:` included) and its scheme. */
interface UrlStart {
  start: number;
  scheme: string;
  /** The offset just after `://`. */
  authorityStart: number;
}

/**
 * Every `[jdbc:]scheme://` of a text, leftmost first. Each `://` is found once and its scheme
 * read backwards, so a long run of scheme characters is scanned once rather than per offset.
 */
function* urlStarts(text: string): Generator<UrlStart> {
  for (let sep = text.indexOf("://"); sep >= 0; sep = text.indexOf("://", sep + 1)) {
    let runStart = sep;
    while (runStart > 0 && SCHEME_CHAR.test(text[runStart - 1])) runStart--;
    const jdbc = runStart >= 5 && text.slice(runStart - 5, runStart).toLowerCase() === "jdbc:";
    if (jdbc && runStart < sep && LETTER.test(text[runStart])) {
      yield { start: runStart - 5, scheme: text.slice(runStart, sep), authorityStart: sep + 3 };
      continue;
    }
    let start = runStart;
    while (start < sep && !LETTER.test(text[start])) start++;
    if (start < sep) yield { start, scheme: text.slice(start, sep), authorityStart: sep + 3 };
  }
}

/** The first offset at or after `from` whose character matches `stop`, else the text's length. */
function scanTo(text: string, from: number, stop: RegExp): number {
  let at = from;
  while (at < text.length && !stop.test(text[at])) at++;
  return at;
}

/** Every `scheme://…` URL inside a text. */
export function urlsIn(text: string): ParsedUrl[] {
  const urls: ParsedUrl[] = [];
  let urlEnd = -1;
  for (const { start, scheme, authorityStart } of urlStarts(text)) {
    const authorityEnd = scanTo(text, authorityStart, AUTHORITY_END);
    // URLs without a stop character between them share the same end: scan for it once.
    if (urlEnd < authorityEnd) urlEnd = scanTo(text, authorityEnd, URL_END);
    const end = urlEnd;
    const authority = text.slice(authorityStart, authorityEnd);
    const at = authority.lastIndexOf("@");
    const hostPort = at >= 0 ? authority.slice(at + 1) : authority;
    const url: ParsedUrl = { scheme: scheme.toLowerCase(), host: hostOf(hostPort), start, end };
    const colon = at >= 0 ? authority.indexOf(":") : -1;
    if (colon >= 0 && colon < at) {
      const value = authority.slice(colon + 1, at);
      url.password = { start: authorityStart + colon + 1, end: authorityStart + at, value };
    }
    urls.push(url);
  }
  return urls;
}

function hostOf(hostPort: string): string {
  if (hostPort.startsWith("[")) return hostPort.slice(1, hostPort.indexOf("]")).toLowerCase();
  return hostPort.split(",")[0].replace(/:\d*$/, "").toLowerCase();
}

/** The URL a whole literal holds, if it is one. */
export function wholeUrl(text: string): ParsedUrl | undefined {
  const trimmed = text.trim();
  const url = urlsIn(trimmed)[0];
  return url && url.start === 0 && url.end === trimmed.length ? url : undefined;
}

const PASSWORD_TEMPLATE =
  /^(\$\{[^}]*\}|\$\$?[A-Za-z_]\w*|\{[^{}]*\}|\{\{[^}]*\}\}|%\([\w.-]+\)s|%s|\$\([\w.-]+\)|#\{[^}]*\}|<%=?[^%]*%>)$/;
const PASSWORD_PLACEHOLDER =
  /^(<[^<>]*>|\[[^\]]*\]|x{3,}|\*+|\.{3,}|password|passwd|pass|pwd|secret|changeme|change[_-]?me|your[_-]?password|my[_-]?password|example|placeholder|pw|p)$/i;

export type UrlPasswordClass = "secret" | "placeholder" | "ignore";

/** Whether the password of a URL is a credential, a placeholder word or template text. */
export function classifyUrlPassword(password: string): UrlPasswordClass {
  const value = decodeSafe(password);
  if (value === "" || PASSWORD_TEMPLATE.test(value) || /\$\{|\{\{|%\(/.test(value)) return "ignore";
  if (/^\*+$/.test(value)) return "ignore";
  return PASSWORD_PLACEHOLDER.test(value) ? "placeholder" : "secret";
}

function decodeSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

const DATABASE =
  /^(postgres(ql)?|psql|pgsql|mysql|mariadb|mssql|sqlserver|oracle|cockroach(db)?|clickhouse|timescale|redshift)([+:].*)?$/;
const SERVICES: Array<[RegExp, string]> = [
  [DATABASE, "DATABASE_URL"],
  [/^rediss?(\+.*)?$/, "REDIS_URL"],
  [/^amqps?$/, "RABBITMQ_URL"],
  [/^mongodb(\+srv)?$/, "MONGO_URL"],
  [/^memcached?$/, "MEMCACHED_URL"],
  [/^kafka$/, "KAFKA_URL"],
  [/^nats$/, "NATS_URL"],
  [/^s3$/, "S3_URL"],
  [/^(elasticsearch|opensearch)$/, "ELASTICSEARCH_URL"],
];

/** The conventional variable for a service URL of this scheme, if it addresses one. */
export function serviceEnvName(scheme: string): string | undefined {
  return SERVICES.find(([pattern]) => pattern.test(scheme))?.[1];
}

const LOOPBACK = /^(localhost|127(\.\d+){3}|::1|0\.0\.0\.0|ip6-localhost)$/;
const INTERNAL_SUFFIX =
  /\.(internal|local|localdomain|svc|cluster\.local|lan|corp|intranet|intra|home|private|consul)$/;
const PRIVATE_IP = /^(10(\.\d+){3}|192\.168(\.\d+){2}|172\.(1[6-9]|2\d|3[01])(\.\d+){2})$/;
const CLOUD_SERVICE_HOST =
  /\.(rds|cache|s3|s3-[a-z0-9-]+|es|mq|docdb|elasticache)\.([a-z0-9-]+\.)?amazonaws\.com$|^s3[.-]([a-z0-9-]+\.)?amazonaws\.com$|\.(database\.windows\.net|redis\.cache\.windows\.net|mongodb\.net)$/;

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.test(host);
}

/** Hosts that only exist inside a network: compose services, cluster DNS, private IPs. */
export function isInternalHost(host: string): boolean {
  if (!host || isLoopbackHost(host)) return !!host;
  if (/^[a-z0-9_-]+$/.test(host) && !/^\d+$/.test(host)) return true;
  return INTERNAL_SUFFIX.test(host) || PRIVATE_IP.test(host) || CLOUD_SERVICE_HOST.test(host);
}

/** Whether a URL addresses a backing service (database, cache, queue, object store, internal API). */
export function isBackingServiceUrl(url: ParsedUrl): boolean {
  if (/^sqlite/.test(url.scheme) || url.scheme === "file") return false;
  if (serviceEnvName(url.scheme)) return url.host !== "" || url.scheme === "s3";
  if (url.scheme === "http" || url.scheme === "https") return isInternalHost(url.host);
  return false;
}

/** The variable a URL's value moves to when nothing in the code names it. */
export function defaultUrlEnvName(url: ParsedUrl): string {
  const known = serviceEnvName(url.scheme);
  if (known) return known;
  const label = url.host
    .split(".")[0]
    .replace(/[^a-z0-9]+/gi, "_")
    .toUpperCase();
  if (!label || /^\d/.test(label) || isLoopbackHost(url.host)) return "SERVICE_URL";
  return `${label}_URL`;
}
