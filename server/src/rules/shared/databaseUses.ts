import { visit, type Scalar } from "yaml";
import type { ParsedFile } from "../../engine/parse";
import type { RuleContext } from "../../engine/rule";
import type { Range } from "../../engine/types";
import { walkPython } from "../../languages/python";
import { pythonString } from "../../languages/pythonSyntax";
import { ts, walkScript } from "../../languages/script";
import { scriptString } from "../../languages/scriptSyntax";
import { imagesOf } from "./backingServices";
import { serviceNeeds } from "./serviceClients";

/** A string that selects SQLite: a `sqlite://` URL, Django's sqlite3 backend, an ORM dialect. */
export interface SqliteUse {
  value: string;
  range: Range;
  /** The YAML scalar holding it, when it sits in YAML. */
  node?: Scalar;
}

const SQLITE_URL = /^sqlite(\+\w+)?:\/\//i;
const DJANGO_SQLITE = /^django\.db\.backends\.sqlite3$/;
const DIALECT_KEYS = /^(dialect|client|driver|type|provider|engine)$/i;
const SQLITE_DIALECT = /^(sqlite3?|better-sqlite3|better_sqlite3)$/i;

const isSqliteValue = (value: string) => SQLITE_URL.test(value.trim()) || DJANGO_SQLITE.test(value);

/** The value of a `KEY=value` list entry (compose `environment:` as a list), else the text. */
export function assignedValue(text: string): { prefix: string; value: string } {
  const match = /^([A-Za-z_][A-Za-z0-9_.]*=)(.*)$/s.exec(text);
  return match ? { prefix: match[1], value: match[2] } : { prefix: "", value: text };
}

function yamlUses(file: ParsedFile): SqliteUse[] {
  const uses: SqliteUse[] = [];
  for (const document of file.yaml?.documents ?? []) {
    visit(document, {
      Scalar(_, node) {
        if (typeof node.value !== "string" || !isSqliteValue(assignedValue(node.value).value)) {
          return;
        }
        const [start, end] = node.range ?? [0, 0];
        uses.push({ value: node.value, range: file.source.range(start, end), node });
      },
    });
  }
  return uses;
}

function pythonUses(file: ParsedFile): SqliteUse[] {
  if (!file.python) return [];
  const uses: SqliteUse[] = [];
  for (const node of walkPython(file.python.root)) {
    if (node.type !== "string") continue;
    const value = pythonString(node);
    if (value === undefined || !isSqliteValue(value)) continue;
    uses.push({ value, range: file.source.range(node.startIndex, node.endIndex) });
  }
  return uses;
}

/** `dialect: "sqlite"`, `client: "better-sqlite3"`, `type: "sqlite"`: ORM settings. */
function isDialectSetting(node: ts.Node, value: string): boolean {
  if (!SQLITE_DIALECT.test(value)) return false;
  let child = node;
  let parent = node.parent;
  while (
    parent &&
    (ts.isAsExpression(parent) ||
      ts.isSatisfiesExpression(parent) ||
      ts.isParenthesizedExpression(parent))
  ) {
    child = parent;
    parent = parent.parent;
  }
  if (!parent || !ts.isPropertyAssignment(parent) || parent.initializer !== child) return false;
  return DIALECT_KEYS.test(parent.name.getText());
}

function scriptUses(file: ParsedFile): SqliteUse[] {
  if (!file.script) return [];
  const uses: SqliteUse[] = [];
  for (const node of walkScript(file.script.source)) {
    if (!ts.isStringLiteralLike(node)) continue;
    const value = scriptString(node) ?? node.text;
    if (!isSqliteValue(value) && !isDialectSetting(node, value)) continue;
    uses.push({ value, range: file.source.range(node.getStart(), node.getEnd()) });
  }
  return uses;
}

function dotenvUses(file: ParsedFile): SqliteUse[] {
  return (file.dotenv?.entries ?? []).flatMap((entry) =>
    SQLITE_URL.test(entry.value)
      ? [{ value: entry.value, range: file.source.range(entry.valueStart, entry.valueEnd) }]
      : [],
  );
}

/** Every place a file selects SQLite. */
export function sqliteUses(file: ParsedFile): SqliteUse[] {
  if (file.yaml) return yamlUses(file);
  if (file.python) return pythonUses(file);
  if (file.script) return scriptUses(file);
  return dotenvUses(file);
}

/** Where some environment uses a server database instead. */
export interface ServerDatabase {
  file: ParsedFile;
  range: Range;
  engine: "PostgreSQL" | "MySQL";
  /** The URL scheme when the evidence is a URL, to write the same one. */
  scheme?: string;
  /** Production and dev definitions come before code and manifests. */
  weight: number;
}

const SERVER_TEXT =
  /\b((postgres(?:ql)?|mysql|mariadb)(\+\w+)?):\/\/|["'](django\.db\.backends\.(postgresql(?:_psycopg2)?|mysql))["']/gi;

const WEIGHTS: Partial<Record<string, number>> = {
  kubernetes: 4,
  compose: 3,
  dotenv: 2,
  yaml: 2,
};

function textEvidence(file: ParsedFile): ServerDatabase[] {
  const found: ServerDatabase[] = [];
  for (const match of file.source.text.matchAll(SERVER_TEXT)) {
    const start = (match.index ?? 0) + (match[4] ? 1 : 0);
    const word = (match[2] ?? match[5] ?? "").toLowerCase();
    found.push({
      file,
      range: file.source.range(start, start + (match[1] ?? match[4]).length),
      engine: word.startsWith("postgres") ? "PostgreSQL" : "MySQL",
      scheme: match[1]?.toLowerCase(),
      weight: WEIGHTS[file.kind] ?? 1,
    });
  }
  return found;
}

function structuredEvidence(file: ParsedFile): ServerDatabase[] {
  const images = imagesOf(file).flatMap((use) => {
    const family = use.service.family;
    if (family !== "postgres" && family !== "mysql" && family !== "mariadb") return [];
    const [start, end] = use.node.range ?? [0, 0];
    const engine: ServerDatabase["engine"] = family === "postgres" ? "PostgreSQL" : "MySQL";
    return [
      { file, range: file.source.range(start, end), engine, weight: WEIGHTS[file.kind] ?? 1 },
    ];
  });
  const drivers = ["requirements", "pyproject", "package-json"].includes(file.kind)
    ? serviceNeeds(file).flatMap((need) =>
        need.family === "postgres" || need.family === "mysql"
          ? [
              {
                file,
                range: need.range,
                engine: need.family === "postgres" ? "PostgreSQL" : "MySQL",
                weight: 1,
              } as ServerDatabase,
            ]
          : [],
      )
    : [];
  return [...images, ...drivers];
}

const SCANNED = new Set([
  "python",
  "javascript",
  "typescript",
  "dotenv",
  "compose",
  "kubernetes",
  "yaml",
  "requirements",
  "pyproject",
  "package-json",
]);

/** Every sign in the workspace that some environment runs PostgreSQL or MySQL. */
export function serverDatabases(
  context: Pick<RuleContext, "file" | "workspace">,
): ServerDatabase[] {
  const found: ServerDatabase[] = [];
  const paths = context.workspace.model.files();
  if (!paths.includes(context.file.path)) found.push(...textEvidence(context.file));
  for (const path of paths) {
    const file = path === context.file.path ? context.file : context.workspace.model.parsed(path);
    if (!file || !SCANNED.has(file.kind)) continue;
    found.push(...textEvidence(file), ...structuredEvidence(file));
  }
  return found.sort((a, b) => b.weight - a.weight);
}
