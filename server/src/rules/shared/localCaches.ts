import type { Node } from "web-tree-sitter";
import { moduleAssignments } from "../../languages/pythonSyntax";
import { ts, walkScript } from "../../languages/script";
import { configSites, type ConfigSite } from "./pythonConfigKeys";
import { enclosingFunction } from "./pythonCode";
import { pythonImportMap, qualifiedCallee } from "./pythonServers";
import { enclosingScriptFunction, moduleBinding } from "./scriptCode";

/** Code that reads shared data: database queries, ORM calls, HTTP requests. */
export const READS_SHARED_DATA =
  /(\.(execute|executemany|fetchone|fetchall|fetchmany|query|filter_by|get_or_404|first_or_404|scalars|find_one|findOne|findMany|findUnique|findAll|findById|aggregate)\s*\(|\.objects\.|\brequests\.\w+\s*\(|\bhttpx\.\w+\s*\(|\burlopen\s*\(|\bfetch\s*\(|\baxios\b|\bprisma\.|\bknex\b|\bpool\.query\b|\bdb\.)/;

/** Flask-Caching types that keep the cache inside one process or on its disk. */
const LOCAL_CACHE_TYPES = new Set([
  "simple",
  "SimpleCache",
  "flask_caching.backends.SimpleCache",
  "flask_caching.backends.simplecache.SimpleCache",
  "filesystem",
  "FileSystemCache",
  "flask_caching.backends.FileSystemCache",
]);

/** `CACHE_TYPE = "SimpleCache"` and its spellings, outside test and development settings. */
export function flaskLocalCaches(root: Node): ConfigSite[] {
  return configSites(root, ["CACHE_TYPE"]).filter(
    (s) => LOCAL_CACHE_TYPES.has(s.text) && !/(test|dev|local)/i.test(s.className ?? ""),
  );
}

/** A cache found by its use: a memo dict, an `lru_cache` or a cache object filled from I/O. */
export interface MemoCache {
  start: number;
  end: number;
  name: string;
  /** The package of an in-process cache recognised by its type (`node-cache`), not by its use. */
  library?: string;
}

const MEMO_NAME = /(cache|memo|cached)/i;
const PY_CACHE_CLASSES = /^(cachetools\.)?(TTLCache|LRUCache|LFUCache|Cache)$/;

function readsShared(fn: Node | undefined): boolean {
  return !!fn && READS_SHARED_DATA.test(fn.text);
}

/** Python: module-level memo dicts and cachetools caches filled with shared data, `lru_cache` on I/O. */
export function pythonMemoCaches(root: Node): MemoCache[] {
  if (!/cache|memo/i.test(root.text)) return [];
  const result: MemoCache[] = [];
  const imports = pythonImportMap(root);
  for (const { name, value, node } of moduleAssignments(root)) {
    const isDict = value.type === "dictionary" && value.namedChildCount === 0;
    const isCache = value.type === "call" && PY_CACHE_CLASSES.test(qualifiedCallee(value, imports));
    if (!(isDict && MEMO_NAME.test(name)) && !isCache) continue;
    const filled = root.descendantsOfType("subscript").some((s) => {
      const owner = s.childForFieldName("value");
      const assignment = s.parent;
      return (
        owner?.text === name &&
        assignment?.type === "assignment" &&
        assignment.childForFieldName("left")?.id === s.id &&
        readsShared(enclosingFunction(s))
      );
    });
    if (filled) result.push({ start: node.startIndex, end: node.endIndex, name });
  }
  for (const decorator of root.descendantsOfType("decorator")) {
    if (!/^@\s*(functools\.)?(lru_cache|cache)\b/.test(decorator.text)) continue;
    const fn = decorator.parent?.childForFieldName("definition");
    if (fn && readsShared(fn)) {
      const name = fn.childForFieldName("name")?.text ?? "";
      result.push({ start: decorator.startIndex, end: decorator.endIndex, name });
    }
  }
  return result;
}

function constructedBy(node: ts.Node, names: (string | undefined)[]): boolean {
  return ts.isNewExpression(node) && names.some((n) => n && node.expression.getText() === n);
}

/** JavaScript: node-cache instances, lru-cache and memo Maps filled from I/O. */
export function scriptMemoCaches(source: ts.SourceFile): MemoCache[] {
  const nodeCache = moduleBinding(source, "node-cache");
  const lru =
    moduleBinding(source, "lru-cache") ??
    (source.text.match(/\{\s*LRUCache\s*\}\s*(=\s*require\(|from\s)['"]lru-cache['"]/)
      ? "LRUCache"
      : undefined);
  const result: MemoCache[] = [];
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      const init = declaration.initializer;
      if (!init || !ts.isIdentifier(declaration.name)) continue;
      const name = declaration.name.text;
      const at = { start: declaration.getStart(source), end: declaration.getEnd(), name };
      if (constructedBy(init, [nodeCache])) result.push({ ...at, library: "node-cache" });
      else if (
        constructedBy(init, [lru, "Map"]) ||
        (ts.isObjectLiteralExpression(init) && init.properties.length === 0)
      ) {
        const memo = constructedBy(init, [lru]) || MEMO_NAME.test(name);
        if (memo && filledFromIo(source, name)) result.push(at);
      }
    }
  }
  return result;
}

function filledFromIo(source: ts.SourceFile, name: string): boolean {
  for (const node of walkScript(source)) {
    const isSet = ts.isCallExpression(node) && node.expression.getText() === `${name}.set`;
    const isAssign =
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
      node.operatorToken.kind <= ts.SyntaxKind.LastAssignment &&
      ts.isElementAccessExpression(node.left) &&
      node.left.expression.getText() === name;
    const fn = isSet || isAssign ? enclosingScriptFunction(node) : undefined;
    if (fn && READS_SHARED_DATA.test(fn.getText())) return true;
  }
  return false;
}
