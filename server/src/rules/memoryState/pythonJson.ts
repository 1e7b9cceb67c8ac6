import type { Node } from "web-tree-sitter";
import { enclosingFunction } from "../shared/pythonCode";

/** Calls whose result JSON cannot hold (dates, UUIDs, sets, arbitrary objects). */
const NOT_JSON_CALL =
  /(^|\.)(set|frozenset|datetime|date|UUID|uuid[1-5]|Decimal|deque|object|now|utcnow|today|fromtimestamp|open)$/;
const JSON_CALLS =
  /^(dict|list|tuple|str|int|float|bool|len|round|sorted|abs|min|max|sum|json\.loads|time\.time|secrets\.\w+|str\.\w+|.*\.(get|get_json|lower|upper|strip|hexdigest|isoformat|decode|format|join|split|replace|count|keys|values|items))$/;

/** The value an identifier was last given in a function, one level deep. */
function localValue(name: Node): Node | undefined {
  const fn = enclosingFunction(name);
  if (!fn) return undefined;
  const assignments = fn
    .descendantsOfType("assignment")
    .filter(
      (a) => a.childForFieldName("left")?.text === name.text && a.endIndex <= name.startIndex,
    );
  return assignments[assignments.length - 1]?.childForFieldName("right") ?? undefined;
}

/**
 * Whether a value written to the store is evidently something JSON cannot encode; unknown
 * values (parameters, attributes) are assumed to be plain data.
 */
export function notJson(value: Node, depth = 0): boolean {
  if (depth > 3) return false;
  switch (value.type) {
    case "set":
    case "set_comprehension":
      return true;
    case "dictionary":
    case "list":
    case "tuple":
    case "pair":
    case "parenthesized_expression":
      return value.namedChildren.some((c) => notJson(c, depth + 1));
    case "keyword_argument": {
      const inner = value.childForFieldName("value");
      return inner ? notJson(inner, depth + 1) : false;
    }
    case "call": {
      const callee = value.childForFieldName("function")?.text.replace(/\s+/g, "") ?? "";
      if (NOT_JSON_CALL.test(callee)) return true;
      if (JSON_CALLS.test(callee)) return false;
      return /^[A-Z]/.test(callee.split(".").pop() ?? "");
    }
    case "identifier": {
      const local = localValue(value);
      return local ? notJson(local, depth + 1) : false;
    }
    default:
      return false;
  }
}
