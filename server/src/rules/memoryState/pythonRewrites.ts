import type { Node } from "web-tree-sitter";
import type { TextEdit } from "../../engine/types";
import type { SourceText } from "../../languages/sourceText";
import {
  enclosingFunction,
  enclosingStatement,
  indentOf,
  linesAfter,
  startsLine,
} from "../shared/pythonCode";
import { isTarget, mutatedInPlace, type PythonUse } from "./pythonUses";

/** A rewrite of one use, or why the use cannot be rewritten. */
export type Rewrite = { edits: TextEdit[]; written: Node[] } | { problem: Node };

/** Keys that can be evaluated twice: names, attributes, literals and literal subscripts of them. */
export function isSimpleKey(node: Node | null | undefined): boolean {
  if (!node) return false;
  if (["identifier", "string", "integer", "true", "false", "none"].includes(node.type)) {
    return !node.descendantsOfType("interpolation").some((i) => !isSimpleKey(i.namedChildren[0]));
  }
  if (node.type === "attribute") return isSimpleKey(node.childForFieldName("object"));
  if (node.type === "subscript") {
    return (
      isSimpleKey(node.childForFieldName("value")) &&
      isSimpleKey(node.childForFieldName("subscript"))
    );
  }
  return false;
}

/** The key a read uses: `k` of `x[k]`, `x.get(k)`, `x.setdefault(k, d)`. */
export function readKey(read: Node): Node | undefined {
  if (read.type === "subscript") return read.childForFieldName("subscript") ?? undefined;
  const args = read.childForFieldName("arguments")?.namedChildren ?? [];
  return args[0]?.type === "keyword_argument" ? undefined : args[0];
}

/** The container expression of a read (`x` or `self.x`). */
function containerOf(read: Node): Node | undefined {
  if (read.type === "subscript") return read.childForFieldName("value") ?? undefined;
  return read.childForFieldName("function")?.childForFieldName("object") ?? undefined;
}

const insideNestedScope = (node: Node, statement: Node): boolean => {
  for (let p = node.parent; p && p.id !== statement.id; p = p.parent) {
    if (
      [
        "lambda",
        "list_comprehension",
        "dictionary_comprehension",
        "set_comprehension",
        "generator_expression",
      ].includes(p.type)
    ) {
      return true;
    }
  }
  return false;
};

/** Values the code writes through a nested mutation (arguments, assigned values). */
function writtenValues(statement: Node): Node[] {
  const values: Node[] = [];
  for (const call of statement.descendantsOfType("call")) {
    values.push(...(call.childForFieldName("arguments")?.namedChildren ?? []));
  }
  for (const assignment of statement.descendantsOfType(["assignment", "augmented_assignment"])) {
    const right = assignment.childForFieldName("right");
    if (right) values.push(right);
  }
  return values;
}

function joinStatements(source: SourceText, statement: Node, lines: string[]): string {
  if (!startsLine(source, statement)) return lines.join("; ");
  return lines.join(source.eol + indentOf(source, statement));
}

/**
 * `x[k].append(v)` → `entry = x[k]`, `entry.append(v)`, `x[k] = entry`: the value is read,
 * changed, and written back, so the change reaches the store.
 */
export function rewriteNested(source: SourceText, use: PythonUse, local: string): Rewrite {
  const read = use.read as Node;
  const statement = enclosingStatement(read);
  const key = readKey(read);
  const container = containerOf(read);
  const simple = ["expression_statement", "delete_statement"].includes(statement.type);
  if (!simple || !key || !container || !isSimpleKey(key) || insideNestedScope(read, statement)) {
    return { problem: read };
  }
  const start = statement.startIndex;
  const text = source.text;
  const changed =
    text.slice(start, read.startIndex) + local + text.slice(read.endIndex, statement.endIndex);
  const lines = [`${local} = ${read.text}`, changed, `${container.text}[${key.text}] = ${local}`];
  return {
    edits: [
      {
        range: source.range(start, statement.endIndex),
        newText: joinStatements(source, statement, lines),
      },
    ],
    written: writtenValues(statement),
  };
}

const EXITS = [
  "return_statement",
  "raise_statement",
  "yield",
  "break_statement",
  "continue_statement",
];

/** Calls that only read what they are given. */
const PURE_CALLS =
  /^(len|list|dict|tuple|sorted|sum|any|all|str|repr|int|float|bool|print|enumerate|zip|isinstance|jsonify|json\.dumps|min|max|(logging|logger|log|app\.logger)\.\w+)$/;

function aliasRefs(fn: Node, name: string, after: number): Node[] {
  return fn
    .descendantsOfType("identifier")
    .filter((id) => id.text === name && id.startIndex >= after)
    .filter((id) => {
      const parent = id.parent;
      return !(parent?.type === "attribute" && parent.childForFieldName("attribute")?.id === id.id);
    });
}

function passedToImpureCall(ref: Node): boolean {
  const args = ref.parent;
  if (args?.type !== "argument_list") return false;
  const callee = args.parent?.childForFieldName("function")?.text ?? "";
  return !PURE_CALLS.test(callee);
}

function rebinds(ref: Node): boolean {
  const parent = ref.parent;
  if (!parent) return false;
  if (
    ["assignment", "augmented_assignment", "for_statement", "for_in_clause"].includes(parent.type)
  ) {
    return parent.childForFieldName("left")?.id === ref.id;
  }
  return parent.type === "pattern_list" || parent.type === "tuple_pattern";
}

/** The statement of a block that holds a node. */
function statementIn(block: Node, node: Node): Node | undefined {
  for (let p: Node | null = node; p; p = p.parent) if (p.parent?.id === block.id) return p;
  return undefined;
}

function exitsBetween(block: Node, from: Node, to: Node): boolean {
  return block.namedChildren
    .filter((s) => s.startIndex > from.startIndex && s.startIndex <= to.startIndex)
    .some((s) => s.descendantsOfType(EXITS).length > 0 || EXITS.includes(s.type));
}

/**
 * `cart = x[k]` followed by `cart.append(v)`: writes the value back (`x[k] = cart`) after the
 * last statement that changes it, when nothing can leave the block before that point.
 */
export function rewriteAlias(source: SourceText, use: PythonUse): Rewrite {
  const read = use.read as Node;
  const assignment = read.parent as Node;
  const statement = assignment.parent as Node;
  const block = statement.parent;
  const fn = enclosingFunction(read);
  const alias = assignment.childForFieldName("left")?.text ?? "";
  const key = readKey(read);
  const container = containerOf(read);
  if (!block || !fn || !key || !container || !isSimpleKey(key)) return { problem: read };
  const refs = aliasRefs(fn, alias, statement.endIndex);
  if (refs.some((r) => rebinds(r) || enclosingFunction(r)?.id !== fn.id)) return { problem: read };
  const changing = refs.filter((r) => mutatedInPlace(r) || passedToImpureCall(r) || isTarget(r));
  if (changing.length === 0) return { edits: [], written: [] };
  const last = statementIn(block, changing[changing.length - 1]);
  if (!last || exitsBetween(block, statement, last)) return { problem: read };
  const keyNames = key.descendantsOfType("identifier").map((i) => i.text);
  const rebound = block.namedChildren
    .filter((s) => s.startIndex > statement.startIndex && s.startIndex <= last.startIndex)
    .some((s) =>
      s
        .descendantsOfType(["assignment", "for_statement"])
        .some((a) => keyNames.includes(a.childForFieldName("left")?.text ?? "")),
    );
  if (rebound) return { problem: read };
  const writeBack = `${container.text}[${key.text}] = ${alias}`;
  const isGet = read.childForFieldName("function")?.childForFieldName("attribute")?.text === "get";
  const conditional = isGet && changing.some((r) => !directlyIn(block, r));
  const lines = conditional ? [`if ${alias} is not None:`, `    ${writeBack}`] : [writeBack];
  const written = changing.flatMap((r) => writtenValues(statementIn(block, r) ?? r));
  return { edits: [linesAfter(source, last, lines)], written };
}

/** Whether a node's statement is a direct child of the block (not inside an `if` or loop). */
function directlyIn(block: Node, node: Node): boolean {
  return enclosingStatement(node).parent?.id === block.id;
}
