import * as path from "node:path";
import type { ParsedFile } from "../../engine/parse";
import { parseDotenv } from "../../languages/dotenv";
import { SourceText } from "../../languages/sourceText";
import type { Workspace } from "../../workspace/workspace";
import { envReadsOf, type EnvRead } from "./envReads";
import { dotenvDir, dotenvValue } from "./envFiles";
import type { NamedLiteral } from "./pythonNamedValues";
import { envName, isEnvName, isGenericSecretName, nameWords } from "./secretNames";
import { classifySecretValue } from "./secretValues";

/** Modules whose credentials are conventionally named after the service they reach. */
const SERVICE_PREFIXES: Array<[RegExp, string]> = [
  [
    /^(pymysql|mysqldb|mysql|mysql2|psycopg2?|asyncpg|pg|sqlalchemy|mariadb|knex|sequelize)$/i,
    "DB",
  ],
  [/^(redis|aioredis|ioredis)$/i, "REDIS"],
  [/^(pika|amqp|amqplib|kombu)$/i, "RABBITMQ"],
  [/^(smtplib|nodemailer)$/i, "SMTP"],
  [/^(boto3|aws)$/i, "AWS"],
];

/** Words that say nothing about what a secret belongs to. */
const EMPTY_WORDS = new Set(
  (
    "self cls this app module exports obj ctx req request res response settings config conf " +
    "configuration options opts params kwargs args data info connect create client init run login " +
    "configure setup new from url open get post put patch request fetch dict object make build " +
    "with use default defaults connection conn"
  ).split(" "),
);

/**
 * The environment variable a named literal moves to: the name itself in UPPER_SNAKE_CASE, a
 * config key as it is, and generic names (`password`, `secret`) with what they belong to
 * (`session({ secret })` → `SESSION_SECRET`, `pymysql.connect(password=…)` → `DB_PASSWORD`).
 */
export function literalEnvName(literal: NamedLiteral): string {
  if (literal.configKey) return isEnvName(literal.name) ? literal.name : envName(literal.name);
  const base = envName(literal.name);
  if (!isGenericSecretName(literal.name) && !isModuleAttribute(literal)) return base;
  const prefix = contextPrefix(literal.context);
  return prefix ? `${prefix}_${base}` : base;
}

/** `stripe.api_key = …`: a module-level client setting, named after the module. */
function isModuleAttribute(literal: NamedLiteral): boolean {
  return literal.kind === "attribute" && /^[a-z][a-z0-9_]*$/.test(literal.context ?? "");
}

export function contextPrefix(context: string | undefined): string | undefined {
  if (!context) return undefined;
  const parts = context.split(".").filter(Boolean);
  const root = parts[0] ?? "";
  const known = SERVICE_PREFIXES.find(([pattern]) => pattern.test(root));
  if (known) return known[1];
  for (let i = parts.length - 1; i >= 0; i--) {
    const words = nameWords(parts[i]).filter((w) => !EMPTY_WORDS.has(w));
    if (words.length > 0) return words.join("_").toUpperCase();
  }
  return undefined;
}

/** Words of a file or folder name that say nothing about which service it is. */
const PLACE_WORDS = new Set(
  (
    "index main server src lib libs utils util helpers constants common core shared manage " +
    "wsgi asgi source code pkg internal services service modules"
  ).split(" "),
);

/**
 * `base` qualified by each qualifier that adds words to it, in order: `limiter` and
 * `REDIS_URL` → `LIMITER_REDIS_URL`. Words already in `base` and words that say nothing
 * (`app`, `client`, `config`, `index`) are left out.
 */
export function qualifiedNames(base: string, qualifiers: Array<string | undefined>): string[] {
  const taken = new Set(nameWords(base));
  const names: string[] = [];
  for (const qualifier of qualifiers) {
    const words = nameWords(qualifier ?? "").filter(
      (w) => !taken.has(w) && !EMPTY_WORDS.has(w) && !PLACE_WORDS.has(w) && !/^\d+$/.test(w),
    );
    if (words.length > 0) names.push(`${words.join("_").toUpperCase()}_${base}`);
  }
  return names;
}

/**
 * Where a file sits below the folder of its `.env`, as qualifiers: the first folder
 * (`billing/conf.py` → `billing`), then the module's own name (`payments.py` → `payments`).
 */
export function placeQualifiers(dir: string, file: string): string[] {
  const parts = path.relative(dir, file).split(path.sep);
  if (parts[0] === ".." || path.isAbsolute(parts[0] ?? "")) return [];
  const stem = path.basename(file).replace(/\.[^.]*$/, "");
  return parts.length > 1 ? [parts[0], stem] : [stem];
}

/** What to name a value that moves to the `.env` of a folder. */
export interface EnvNameRequest {
  /** The folder whose `.env` receives the value. */
  dir: string;
  value: string;
  /** Candidate names: the usual one first, then more descriptive ones. */
  names: string[];
  /** The file the value comes from and its offset: an env read it is the fallback of is its own. */
  source?: { file: ParsedFile; start: number };
}

/**
 * The name a moved value gets, so that it never overwrites nor takes over another value:
 * - a name under which `.env` holds this very value (a candidate first; another name only for a
 *   value too distinctive to be a coincidence);
 * - else the first candidate that `.env` does not define and that the program loading this
 *   `.env` does not read from its environment already (its value there is unknown);
 * - else the first candidate with `_2`, `_3`… that is free in the same way.
 */
export function envNameFor(workspace: Workspace, request: EnvNameRequest): string {
  const defined = dotenvValues(workspace, request.dir);
  const names = [...new Set(request.names)];
  const same = sameValueName(defined, names, request.value);
  if (same) return same;
  const read = namesRead(workspace, request);
  const free = (name: string) => !defined.has(name) && !read.has(name);
  const found = names.find(free);
  if (found) return found;
  for (let i = 2; ; i++) {
    const name = `${names[0]}_${i}`;
    if (free(name)) return name;
  }
}

function dotenvValues(workspace: Workspace, dir: string): Map<string, string> {
  const text = workspace.readText(path.join(dir, ".env")) ?? "";
  return new Map(parseDotenv(new SourceText(text)).entries.map((e) => [e.name, e.value]));
}

/** A value equal to the moved one, as `.env` stores it (quoted when it has to be). */
function sameValue(stored: string, value: string): boolean {
  return stored === value || stored === dotenvValue(value)?.replace(/^(["'])(.*)\1$/, "$2");
}

function sameValueName(
  defined: Map<string, string>,
  names: string[],
  value: string,
): string | undefined {
  const own = names.find((n) => defined.has(n) && sameValue(defined.get(n) ?? "", value));
  if (own || value.length < 8 || classifySecretValue(value) === "placeholder") return own;
  return [...defined].find(([, stored]) => sameValue(stored, value))?.[0];
}

/** `os.environ.get("X", <value>)`, `process.env.X || <value>`: the value is X's own fallback. */
const FALLBACK_GAP = /^\s*(?:[)\]]\s*)?(,|\|\||\?\?|or|=)\s*$/;

const readsCache = new WeakMap<ParsedFile, EnvRead[]>();

function readsOf(file: ParsedFile): EnvRead[] {
  let reads = readsCache.get(file);
  if (!reads) {
    reads = envReadsOf(file);
    readsCache.set(file, reads);
  }
  return reads;
}

const READING_KINDS = new Set(["python", "javascript", "typescript", "compose", "dockerfile"]);

/** Names the code, compose files and Dockerfiles that load the folder's `.env` read. */
function namesRead(workspace: Workspace, request: EnvNameRequest): Set<string> {
  const names = new Set<string>();
  const own = request.source;
  const loadsDotenv = new Map<string, boolean>();
  const loads = (file: string) => {
    const key = `${path.dirname(file)}${path.sep}${file.endsWith(".py") ? "*.py" : "*"}`;
    let result = loadsDotenv.get(key);
    if (result === undefined) {
      result = dotenvDir(workspace, file) === request.dir;
      loadsDotenv.set(key, result);
    }
    return result;
  };
  const files = new Set(workspace.model.files());
  if (own) files.add(own.file.path);
  for (const file of files) {
    if (!file.startsWith(request.dir + path.sep) || !loads(file)) continue;
    const parsed = own?.file.path === file ? own.file : workspace.model.parsed(file);
    if (!parsed || !READING_KINDS.has(parsed.kind)) continue;
    for (const read of readsOf(parsed)) {
      const text = parsed.source.text;
      const fallback =
        parsed === own?.file &&
        read.end <= own.start &&
        FALLBACK_GAP.test(text.slice(read.end, own.start).replace(/^["'`]/, ""));
      if (!fallback) names.add(read.name);
    }
  }
  return names;
}

/** How a value in code is named when it moves to `.env`. */
export interface CodeValueNaming {
  file: ParsedFile;
  /** Where the value starts in the file. */
  start: number;
  value: string;
  /** The usual name. */
  base: string;
  /** What may qualify the name when the usual one is taken, best first. */
  qualifiers: Array<string | undefined>;
}

/**
 * The name of a value in code moved to its project's `.env` (see `envNameFor`). Where the file
 * sits qualifies the name only when the file does not read the usual name itself: then the
 * other value is another module's.
 */
export function codeEnvName(workspace: Workspace, naming: CodeValueNaming): string {
  const { file, base } = naming;
  const dir = dotenvDir(workspace, file.path);
  const ownName = readsOf(file).some((read) => read.name === base);
  const qualifiers = [...naming.qualifiers, ...(ownName ? [] : placeQualifiers(dir, file.path))];
  return envNameFor(workspace, {
    dir,
    value: naming.value,
    names: [base, ...qualifiedNames(base, qualifiers)],
    source: { file, start: naming.start },
  });
}
