import { isMap, isSeq, type YAMLMap } from "yaml";
import type { ParsedFile } from "../engine/parse";
import type { Rule, RuleContext } from "../engine/rule";
import type { Fix, Localized, TextEdit } from "../engine/types";
import { scalarString } from "../languages/yamlFile";
import { mapEntries } from "../languages/yamlSyntax";
import { backingImage } from "./shared/backingServices";
import { addComposeService, devEnvironment, pinnedImage } from "./shared/composeServices";
import {
  assignedValue,
  serverDatabases,
  sqliteUses,
  type ServerDatabase,
  type SqliteUse,
} from "./shared/databaseUses";
import { rewriteScalar, yamlEditor } from "./shared/yamlEdits";

type Engine = ServerDatabase["engine"];

/** A compose database service: its name, engine and environment as written. */
interface DatabaseService {
  engine: Engine;
  name: string;
  env: Map<string, string>;
}

/** A compose service's environment, map or `KEY=value` list, as written. */
function environmentOf(service: YAMLMap): Map<string, string> {
  const env = new Map<string, string>();
  const node = service.get("environment", true);
  for (const { key, pair } of mapEntries(node)) env.set(key, scalarString(pair.value) ?? "");
  if (isSeq(node)) {
    for (const item of node.items) {
      const [key, ...rest] = (scalarString(item) ?? "").split("=");
      if (key) env.set(key, rest.join("="));
    }
  }
  return env;
}

const userinfo = (value: string) => (/\$\{/.test(value) ? value : encodeURIComponent(value));

/** The URL of a database service as compose starts it, or undefined when it cannot be told. */
function serviceUrl({ name, engine, env }: DatabaseService, scheme: string) {
  if (engine === "PostgreSQL") {
    const user = env.get("POSTGRES_USER") || "postgres";
    const password = env.get("POSTGRES_PASSWORD");
    if (!password && env.get("POSTGRES_HOST_AUTH_METHOD") !== "trust") return undefined;
    const auth = password ? `${userinfo(user)}:${userinfo(password)}` : userinfo(user);
    return `${scheme}://${auth}@${name}:5432/${env.get("POSTGRES_DB") || user}`;
  }
  const database = env.get("MYSQL_DATABASE");
  const user = env.get("MYSQL_USER") || "root";
  const password = user === "root" ? env.get("MYSQL_ROOT_PASSWORD") : env.get("MYSQL_PASSWORD");
  if (!database || (!password && env.get("MYSQL_ALLOW_EMPTY_PASSWORD") === undefined)) {
    return undefined;
  }
  const auth = password ? `${userinfo(user)}:${userinfo(password)}` : userinfo(user);
  return `${scheme}://${auth}@${name}:3306/${database}`;
}

/** The compose database service of one engine, by name and environment. */
function databaseService(file: ParsedFile, engine: Engine) {
  for (const document of file.yaml?.documents ?? []) {
    const services = isMap(document.contents) ? document.contents.get("services", true) : null;
    for (const { key, pair } of mapEntries(services)) {
      if (!isMap(pair.value)) continue;
      const family = backingImage(scalarString(pair.value.get("image", true)) ?? "")?.family;
      const found: Engine | undefined =
        family === "postgres"
          ? "PostgreSQL"
          : family === "mysql" || family === "mariadb"
            ? "MySQL"
            : undefined;
      if (found === engine) return { name: key, env: environmentOf(pair.value) };
    }
  }
  return undefined;
}

const FAMILY: Record<Engine, "postgres" | "mysql"> = { PostgreSQL: "postgres", MySQL: "mysql" };
const SCHEME: Record<Engine, string> = { PostgreSQL: "postgresql", MySQL: "mysql" };

/** The service to point at; `added` when the fix adds it to the compose file. */
interface Target extends DatabaseService {
  added?: TextEdit;
  image?: string;
}

/** The database service to use: the compose file's own, else one the fix adds. */
function targetOf(context: RuleContext, engine: Engine): Target | undefined {
  const existing = databaseService(context.file, engine);
  if (existing) return { engine, ...existing };
  const family = FAMILY[engine];
  const image = pinnedImage(context, family);
  const added = addComposeService(context.file, family, image);
  return added ? { engine, name: family, env: devEnvironment(family), added, image } : undefined;
}

function fixTitle(target: Target): Localized {
  if (!target.added) {
    return {
      en: `Use the ${target.engine} service "${target.name}" instead of SQLite`,
      zh: `改用 ${target.engine} 服务 "${target.name}" 代替 SQLite`,
    };
  }
  return {
    en: `Run ${target.engine} (${target.image}) in compose and use it instead of SQLite`,
    zh: `在 compose 中运行 ${target.engine}（${target.image}）并用它代替 SQLite`,
  };
}

/**
 * In a compose file, point the SQLite URL at the database service (adding one when the file has
 * none). Offered only when the app is known to speak that engine: a driver in a manifest, or its
 * URL elsewhere.
 */
function composeFix(context: RuleContext, use: SqliteUse, evidence: ServerDatabase[]): Fix[] {
  const { file } = context;
  const { prefix, value } = assignedValue(use.value);
  if (file.kind !== "compose" || !use.node || !/^sqlite/i.test(value)) return [];
  const others = evidence.filter((e) => e.file.path !== file.path);
  const engines = [
    ...new Set(others.filter((e) => e.scheme || e.weight === 1).map((e) => e.engine)),
  ];
  for (const engine of engines) {
    const target = targetOf(context, engine);
    if (!target) continue;
    const scheme = others.find((e) => e.engine === engine && e.scheme)?.scheme;
    const found = serviceUrl(target, scheme ?? SCHEME[engine]);
    if (!found) continue;
    const edit = rewriteScalar(yamlEditor(file.source), use.node, prefix + found);
    const edits = target.added ? [edit, target.added] : [edit];
    const fix: Fix = {
      title: fixTitle(target),
      changes: [{ file: file.path, edits }],
      preferred: true,
    };
    return [fix];
  }
  return [];
}

/** SQLite in one place while another environment runs a server database. */
export const rule: Rule = {
  meta: {
    id: "parity-sqlite-vs-server-db",
    factors: [10],
    categories: ["parity"],
    severity: "warning",
    kinds: ["python", "javascript", "typescript", "dotenv", "compose", "kubernetes", "yaml"],
    fixable: true,
    handbook: "parity",
    title: {
      en: "SQLite in one environment, PostgreSQL/MySQL in another",
      zh: "一个环境用 SQLite，另一个环境用 PostgreSQL/MySQL",
    },
    description: {
      en: "SQLite accepts what PostgreSQL and MySQL reject (types, constraints, concurrent writes, SQL dialect), so code that passes in dev fails in production. Run the same database in dev, e.g. as a compose service.",
      zh: "SQLite 接受许多 PostgreSQL 和 MySQL 会拒绝的东西（类型、约束、并发写、SQL 方言），开发环境通过的代码会在生产失败。请在开发环境运行同样的数据库，例如作为 compose 服务。",
    },
  },

  check(context) {
    const { file, report } = context;
    const uses = sqliteUses(file);
    if (uses.length === 0) return;
    const evidence = serverDatabases(context);
    const server = evidence[0];
    if (!server) return;

    for (const use of uses) {
      const fixes = composeFix(context, use, evidence);
      const how = fixes.length
        ? { en: "", zh: "" }
        : {
            en: ` Run ${server.engine} in dev too (a compose service) and read its URL from the environment.`,
            zh: ` 请在开发环境同样运行 ${server.engine}（compose 服务），并从环境变量读取其 URL。`,
          };
      report({
        range: use.range,
        message: {
          en: `SQLite here, but ${server.engine} elsewhere in the project: SQLite accepts types, constraints, SQL and concurrent writes that ${server.engine} treats differently, so what passes here fails in production.${how.en}`,
          zh: `这里使用 SQLite，而项目其他地方使用 ${server.engine}：SQLite 对类型、约束、SQL 和并发写入的处理与 ${server.engine} 不同，这里通过的代码会在生产失败。${how.zh}`,
        },
        fixes,
        related: [
          {
            file: server.file.path,
            range: server.range,
            message: { en: `${server.engine} used here`, zh: `此处使用 ${server.engine}` },
          },
        ],
      });
    }
  },
};
