import type { ParsedFile } from "../../engine/parse";
import type { Range } from "../../engine/types";
import { dependencyEntries } from "../../languages/packageJson";
import { parsePep508 } from "../../languages/pep508";
import type { ServiceFamily } from "./backingServices";
import { pythonModuleImports } from "./pythonModuleImports";
import { scriptImports } from "./scriptImports";

/**
 * Client libraries that only make sense with a backing service running: the distributions a
 * manifest declares and the modules code imports.
 */
const PYTHON_DISTRIBUTIONS: Record<string, ServiceFamily> = {
  redis: "redis",
  aioredis: "redis",
  "django-redis": "redis",
  rq: "redis",
  psycopg2: "postgres",
  "psycopg2-binary": "postgres",
  psycopg: "postgres",
  "psycopg-binary": "postgres",
  asyncpg: "postgres",
  pg8000: "postgres",
  pymysql: "mysql",
  mysqlclient: "mysql",
  "mysql-connector-python": "mysql",
  aiomysql: "mysql",
  pika: "rabbitmq",
  "aio-pika": "rabbitmq",
  pymongo: "mongo",
  motor: "mongo",
  mongoengine: "mongo",
  elasticsearch: "elasticsearch",
  "elasticsearch-dsl": "elasticsearch",
  pymemcache: "memcached",
  "python-memcached": "memcached",
};

const PYTHON_MODULES: Record<string, ServiceFamily> = {
  redis: "redis",
  aioredis: "redis",
  django_redis: "redis",
  rq: "redis",
  psycopg2: "postgres",
  psycopg: "postgres",
  asyncpg: "postgres",
  pg8000: "postgres",
  pymysql: "mysql",
  MySQLdb: "mysql",
  "mysql.connector": "mysql",
  aiomysql: "mysql",
  pika: "rabbitmq",
  aio_pika: "rabbitmq",
  pymongo: "mongo",
  motor: "mongo",
  mongoengine: "mongo",
  elasticsearch: "elasticsearch",
  elasticsearch_dsl: "elasticsearch",
  pymemcache: "memcached",
  memcache: "memcached",
};

/** npm packages; they are also the module names code imports. */
const NPM_PACKAGES: Record<string, ServiceFamily> = {
  redis: "redis",
  ioredis: "redis",
  bull: "redis",
  bullmq: "redis",
  pg: "postgres",
  "pg-promise": "postgres",
  postgres: "postgres",
  mysql: "mysql",
  mysql2: "mysql",
  amqplib: "rabbitmq",
  "amqp-connection-manager": "rabbitmq",
  mongodb: "mongo",
  mongoose: "mongo",
  "@elastic/elasticsearch": "elasticsearch",
  memjs: "memcached",
  memcached: "memcached",
};

/** Celery's broker follows its extras: `celery[redis]`. */
const CELERY_EXTRAS: Record<string, ServiceFamily> = { redis: "redis", librabbitmq: "rabbitmq" };

const normalize = (name: string) => name.toLowerCase().replace(/[_.]+/g, "-");

function pythonFamily(name: string, extras?: string): ServiceFamily | undefined {
  const distribution = normalize(name);
  if (distribution === "celery" && extras) {
    const extra = extras
      .replace(/[[\]\s]/g, "")
      .split(",")
      .find((e) => CELERY_EXTRAS[e]);
    return extra ? CELERY_EXTRAS[extra] : undefined;
  }
  return PYTHON_DISTRIBUTIONS[distribution];
}

/** Where a file says it needs a backing service. */
export interface ServiceNeed {
  family: ServiceFamily;
  /** The distribution, package or module named. */
  name: string;
  range: Range;
  /** Declared in a manifest (rather than only imported). */
  declared: boolean;
}

function requirementNeeds(file: ParsedFile): ServiceNeed[] {
  return (file.requirements?.entries ?? []).flatMap((entry) => {
    if (entry.type !== "requirement") return [];
    const extras = /\[[^\]]*\]/.exec(file.source.text.slice(entry.start, entry.end))?.[0];
    const family = pythonFamily(entry.name, extras);
    const range = file.source.range(entry.start, entry.end);
    return family ? [{ family, name: entry.name, range, declared: true }] : [];
  });
}

function pyprojectNeeds(file: ParsedFile): ServiceNeed[] {
  return (file.pyproject?.dependencies ?? []).flatMap((dependency) => {
    const parsed = parsePep508(dependency.text);
    const family = parsed && pythonFamily(parsed.name, parsed.extras);
    if (!parsed || !family) return [];
    const range = file.source.range(dependency.start, dependency.end);
    return [{ family, name: parsed.name, range, declared: true }];
  });
}

function packageJsonNeeds(file: ParsedFile): ServiceNeed[] {
  if (!file.packageJson) return [];
  return dependencyEntries(file.packageJson).flatMap(({ name, node }) => {
    const family = NPM_PACKAGES[name];
    const key = node.parent?.children?.[0] ?? node;
    const range = file.source.range(key.offset, key.offset + key.length);
    return family ? [{ family, name, range, declared: true }] : [];
  });
}

function pythonNeeds(file: ParsedFile): ServiceNeed[] {
  if (!file.python) return [];
  return pythonModuleImports(file.python.root).flatMap((use) => {
    if (use.optional || use.typeOnly) return [];
    const parts = use.module.split(".");
    const name = [parts.slice(0, 2).join("."), parts[0]].find((m) => PYTHON_MODULES[m]);
    if (!name) return [];
    const range = file.source.range(use.node.startIndex, use.node.endIndex);
    return [{ family: PYTHON_MODULES[name], name, range, declared: false }];
  });
}

function scriptNeeds(file: ParsedFile): ServiceNeed[] {
  if (!file.script) return [];
  return scriptImports(file.script.source).flatMap((use) => {
    if (use.optional) return [];
    const parts = use.specifier.split("/");
    const name = use.specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
    const family = NPM_PACKAGES[name];
    if (!family) return [];
    const range = file.source.range(use.node.getStart(), use.node.getEnd());
    return [{ family, name, range, declared: false }];
  });
}

/** The backing services a file needs, in file order. */
export function serviceNeeds(file: ParsedFile): ServiceNeed[] {
  if (file.requirements) return requirementNeeds(file);
  if (file.pyproject) return pyprojectNeeds(file);
  if (file.packageJson) return packageJsonNeeds(file);
  if (file.python) return pythonNeeds(file);
  return scriptNeeds(file);
}

/** The manifests a source file's project declares its dependencies in. */
export const MANIFEST_NAMES = [
  "requirements.txt",
  "pyproject.toml",
  "Pipfile",
  "setup.cfg",
  "package.json",
];
