import * as path from "node:path";
import { parseDotenv } from "../../languages/dotenv";
import { SourceText } from "../../languages/sourceText";
import type { Workspace } from "../../workspace/workspace";
import type { NamedLiteral } from "./pythonNamedValues";
import { envName, isEnvName, isGenericSecretName, nameWords } from "./secretNames";

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

/**
 * `base`, unless the `.env` of the folder already gives it another value; then `base_2`,
 * `base_3`… so that moving a second value never overwrites the first.
 */
export function uniqueEnvName(
  workspace: Workspace,
  dir: string,
  base: string,
  value: string,
): string {
  const text = workspace.readText(path.join(dir, ".env")) ?? "";
  const defined = new Map(parseDotenv(new SourceText(text)).entries.map((e) => [e.name, e.value]));
  for (let i = 1; ; i++) {
    const name = i === 1 ? base : `${base}_${i}`;
    const current = defined.get(name);
    if (current === undefined || current === value) return name;
  }
}
