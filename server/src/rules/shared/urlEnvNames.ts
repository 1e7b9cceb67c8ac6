import type { NamedLiteral } from "./pythonNamedValues";
import { envName, isEnvName, nameWords } from "./secretNames";
import { defaultUrlEnvName, type ParsedUrl } from "./serviceUrls";

/** Words that say a name holds an address. */
const ADDRESS_WORDS = new Set(
  "url uri dsn endpoint host addr address server broker connection conn api base backend service".split(
    " ",
  ),
);
const URL_ENDINGS = new Set("url uri dsn endpoint".split(" "));

/** Words of a variable that say nothing about which service it reaches. */
const CLIENT_WORDS = new Set(
  (
    "engine client conn connection pool session db database cache store queue broker producer " +
    "consumer bus channel"
  ).split(" "),
);

/**
 * The environment variable a connection URL moves to: the name the code gives it
 * (`INVENTORY_API` → `INVENTORY_API_URL`, a config key as it is), else the service's usual
 * variable, qualified by what the code calls the client (`reporting_engine = create_engine(…)`
 * → `REPORTING_DATABASE_URL`).
 */
export function urlEnvName(url: ParsedUrl, named?: NamedLiteral, owner?: string): string {
  if (named?.configKey) return isEnvName(named.name) ? named.name : envName(named.name);
  if (
    named &&
    named.kind !== "comparison" &&
    isAddressName(named.name) &&
    !isBareAddress(named.name)
  ) {
    const words = nameWords(named.name);
    const base = envName(named.name);
    return URL_ENDINGS.has(words[words.length - 1]) ? base : `${base}_URL`;
  }
  const base = defaultUrlEnvName(url);
  const prefix = ownerPrefix(owner, base);
  return prefix ? `${prefix}_${base}` : base;
}

/**
 * `reporting_engine` → `REPORTING`: only a client variable qualifies the name (`resp =
 * requests.get(…)` does not), and words already in the name are not repeated.
 */
function ownerPrefix(owner: string | undefined, base: string): string | undefined {
  if (!owner || !/^[A-Za-z_][\w]*$/.test(owner)) return undefined;
  const words = nameWords(owner);
  if (!words.some((w) => CLIENT_WORDS.has(w))) return undefined;
  const taken = new Set(nameWords(base));
  const kept = words.filter((w) => !CLIENT_WORDS.has(w) && !taken.has(w));
  return kept.length > 0 ? kept.join("_").toUpperCase() : undefined;
}

/** `url`, `host`: says it is an address, not whose. */
function isBareAddress(name: string): boolean {
  const words = nameWords(name);
  return (
    words.length === 1 &&
    ["url", "uri", "host", "dsn", "endpoint", "address", "addr"].includes(words[0])
  );
}

function isAddressName(name: string): boolean {
  const words = nameWords(name);
  return words.some((w) => ADDRESS_WORDS.has(w)) || (isEnvName(name) && words.length > 0);
}

/** Words of a host name that say nothing about which instance it is. */
const HOST_WORDS = new Set(
  (
    "db database postgres postgresql pg mysql mariadb mongo mongodb redis rabbitmq rabbit amqp " +
    "mq broker server srv host svc service internal local localhost primary main www api " +
    "prod production staging stage dev development test qa uat"
  ).split(" "),
);

/**
 * What may qualify a URL's name when the usual one is taken: the variable the client is
 * assigned to (`limiter` → `LIMITER_REDIS_URL`), then the host's first label
 * (`cache.shop.internal` → `CACHE_REDIS_URL`).
 */
export function urlQualifiers(url: ParsedUrl, owner?: string): Array<string | undefined> {
  const ownerWords = /^[A-Za-z_][\w]*$/.test(owner ?? "")
    ? nameWords(owner ?? "").filter((w) => !CLIENT_WORDS.has(w))
    : [];
  const label = /^[\d.:[\]]+$/.test(url.host) ? "" : (url.host.split(".")[0] ?? "");
  const hostWords = nameWords(label).filter((w) => !HOST_WORDS.has(w));
  return [ownerWords.join("_"), hostWords.join("_")];
}
