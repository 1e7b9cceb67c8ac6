import type { Node } from "web-tree-sitter";
import type { TextEdit } from "../../engine/types";
import { pythonString } from "../../languages/pythonSyntax";
import type { SourceText } from "../../languages/sourceText";
import { enclosingStatement, linesAfter, pythonLiteral } from "./pythonCode";

/**
 * A place where a Flask/Django setting is given a string: `KEY = "v"` (module or class),
 * `app.config["KEY"] = "v"`, `app.config.update(KEY="v")`, `{"KEY": "v"}`.
 */
export interface ConfigSite {
  key: string;
  value: Node;
  text: string;
  style: "assignment" | "subscript" | "keyword" | "pair";
  /** The class the assignment sits in, for `class ProductionConfig: KEY = "v"`. */
  className?: string;
  /** `app.config` of a subscript site. */
  owner?: string;
}

function assignmentSite(node: Node, keys: Set<string>): ConfigSite | undefined {
  const left = node.childForFieldName("left");
  const value = node.childForFieldName("right");
  const text = pythonString(value);
  if (!left || !value || text === undefined) return undefined;
  if (left.type === "identifier" && keys.has(left.text)) {
    const statement = node.parent;
    const scope = statement?.parent;
    if (scope?.type === "module") return { key: left.text, value, text, style: "assignment" };
    if (scope?.type === "block" && scope.parent?.type === "class_definition") {
      const className = scope.parent.childForFieldName("name")?.text;
      return { key: left.text, value, text, style: "assignment", className };
    }
    return undefined;
  }
  if (left.type !== "subscript") return undefined;
  const key = pythonString(left.childForFieldName("subscript"));
  const owner = left.childForFieldName("value")?.text ?? "";
  if (key === undefined || !keys.has(key) || !/(^|\.)config$/.test(owner)) return undefined;
  return { key, value, text, style: "subscript", owner };
}

function keywordSite(node: Node, keys: Set<string>): ConfigSite | undefined {
  const name = node.childForFieldName("name")?.text ?? "";
  const value = node.childForFieldName("value");
  const text = pythonString(value);
  if (!keys.has(name) || !value || text === undefined) return undefined;
  const callee = node.parent?.parent?.childForFieldName("function")?.text ?? "";
  if (!/(^|\.)(update|from_mapping|Config|dict|Session|Cache)$/.test(callee)) return undefined;
  return { key: name, value, text, style: "keyword" };
}

function pairSite(node: Node, keys: Set<string>): ConfigSite | undefined {
  const key = pythonString(node.childForFieldName("key"));
  const value = node.childForFieldName("value");
  const text = pythonString(value);
  if (key === undefined || !keys.has(key) || !value || text === undefined) return undefined;
  return { key, value, text, style: "pair" };
}

/** Every site of a module that sets one of the keys to a plain string. */
export function configSites(root: Node, names: string[]): ConfigSite[] {
  const text = root.text;
  if (!names.some((name) => text.includes(name))) return [];
  const keys = new Set(names);
  const sites: ConfigSite[] = [];
  for (const node of root.descendantsOfType(["assignment", "keyword_argument", "pair"])) {
    const site =
      node.type === "assignment"
        ? assignmentSite(node, keys)
        : node.type === "keyword_argument"
          ? keywordSite(node, keys)
          : pairSite(node, keys);
    if (site) sites.push(site);
  }
  return sites;
}

/** The edit that replaces the text inside a string literal's quotes. */
export function replaceStringContent(source: SourceText, literal: Node, text: string): TextEdit {
  const start = literal.namedChildren.find((c) => c.type === "string_start");
  const end = literal.namedChildren.find((c) => c.type === "string_end");
  const from = start ? start.endIndex : literal.startIndex;
  const to = end ? end.startIndex : literal.endIndex;
  return { range: source.range(from, to), newText: text };
}

/** The edit that sets another key next to a site, in the same style (`SESSION_REDIS = …`). */
export function siblingSetting(
  source: SourceText,
  site: ConfigSite,
  key: string,
  valueText: string,
  quote: string,
): TextEdit {
  const literal = pythonLiteral(key, quote);
  switch (site.style) {
    case "assignment":
      return linesAfter(source, enclosingStatement(site.value), [`${key} = ${valueText}`]);
    case "subscript":
      return linesAfter(source, enclosingStatement(site.value), [
        `${site.owner}[${literal}] = ${valueText}`,
      ]);
    case "keyword": {
      const at = source.positionAt((site.value.parent as Node).endIndex);
      return { range: { start: at, end: at }, newText: `, ${key}=${valueText}` };
    }
    default: {
      const at = source.positionAt((site.value.parent as Node).endIndex);
      return { range: { start: at, end: at }, newText: `, ${literal}: ${valueText}` };
    }
  }
}
