import {
  isMap,
  isScalar,
  isSeq,
  type Node,
  type Pair,
  type Scalar,
  type YAMLMap,
  type YAMLSeq,
} from "yaml";
import type { Position, TextEdit } from "../../engine/types";
import type { SourceText } from "../../languages/sourceText";
import { columnAt, indentUnit, lastContentOffset } from "../../languages/yamlSyntax";

/** What YAML edits need to know about a file: its text, indentation step and line break. */
export interface YamlEditor {
  source: SourceText;
  unit: number;
  eol: string;
}

/** A value a fix writes into YAML. */
export type YamlValue = string | number | boolean | YamlValue[] | { [key: string]: YamlValue };

export function yamlEditor(source: SourceText): YamlEditor {
  return { source, unit: indentUnit(source), eol: source.eol };
}

const PLAIN = /^[A-Za-z_./][\w./@:-]*$/;
const RESERVED = /^(true|false|yes|no|on|off|null|~|y|n)$/i;

/** A scalar as YAML writes it: plain when that reads back as the same string. */
export function yamlScalar(value: YamlValue): string {
  if (typeof value !== "string") return String(value);
  if (/^\d+(m|Mi|Gi|Ki)?$/.test(value) && /[a-z]/i.test(value)) return value;
  const plain = PLAIN.test(value) && !RESERVED.test(value) && !value.endsWith(":");
  return plain ? value : JSON.stringify(value);
}

/** A value in flow style: `{requests: {cpu: 100m}}`. */
export function flowValue(value: YamlValue): string {
  if (Array.isArray(value)) return `[${value.map(flowValue).join(", ")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value).map(([k, v]) => `${yamlScalar(k)}: ${flowValue(v)}`);
    return `{${entries.join(", ")}}`;
  }
  return yamlScalar(value);
}

/** The lines of `key: value` in block style with the key at a column. */
export function blockLines(key: string, value: YamlValue, column: number, unit: number): string[] {
  const pad = " ".repeat(column);
  const isObject = typeof value === "object" && !Array.isArray(value);
  if (!isObject || Object.keys(value).length === 0) {
    return [`${pad}${yamlScalar(key)}: ${flowValue(value)}`];
  }
  const children = Object.entries(value).flatMap(([k, v]) => blockLines(k, v, column + unit, unit));
  return [`${pad}${yamlScalar(key)}:`, ...children];
}

function endOfLineAt(editor: YamlEditor, offset: number): Position {
  const line = editor.source.positionAt(offset).line;
  return { line, character: editor.source.lineText(line).length };
}

/** Adds entries to a mapping, block or flow, after its last entry. */
export function addPairs(
  editor: YamlEditor,
  map: YAMLMap,
  entries: Record<string, YamlValue>,
): TextEdit | undefined {
  const range = map.range;
  if (!range) return undefined;
  if (map.flow) {
    const close = editor.source.text.lastIndexOf("}", range[1]);
    if (close < range[0]) return undefined;
    const items = Object.entries(entries).map(([k, v]) => `${yamlScalar(k)}: ${flowValue(v)}`);
    const at = editor.source.positionAt(close);
    const lead = map.items.length > 0 ? ", " : "";
    return { range: { start: at, end: at }, newText: lead + items.join(", ") };
  }
  const first = (map.items[0] as Pair<Node, unknown> | undefined)?.key;
  if (!first?.range) return undefined;
  const column = columnAt(editor.source, first.range[0]);
  const lines = Object.entries(entries).flatMap(([k, v]) => blockLines(k, v, column, editor.unit));
  const at = endOfLineAt(editor, lastContentOffset(editor.source, map));
  return { range: { start: at, end: at }, newText: editor.eol + lines.join(editor.eol) };
}

/** Writes entries under a key that has no value yet (`resources:` followed by nothing). */
export function fillEmptyPair(
  editor: YamlEditor,
  pair: Pair,
  entries: Record<string, YamlValue>,
): TextEdit | undefined {
  const key = pair.key as Node;
  if (!key.range || (pair.value && !(isScalar(pair.value) && pair.value.value === null))) {
    return undefined;
  }
  const column = columnAt(editor.source, key.range[0]) + editor.unit;
  const lines = Object.entries(entries).flatMap(([k, v]) => blockLines(k, v, column, editor.unit));
  const at = endOfLineAt(editor, key.range[0]);
  return { range: { start: at, end: at }, newText: editor.eol + lines.join(editor.eol) };
}

/** Replaces the text of a node. */
export function replaceNode(editor: YamlEditor, node: Node, text: string): TextEdit {
  const range = node.range ?? [0, 0, 0];
  return { range: editor.source.range(range[0], range[1]), newText: text };
}

/**
 * Removes entries of a mapping with the lines they occupy (comments on other lines stay).
 * Undefined when an entry shares its first line with something else (`- key: value`).
 */
export function removePairs(
  editor: YamlEditor,
  map: YAMLMap,
  pairs: Pair[],
): TextEdit[] | undefined {
  if (map.flow) return removeFlowPairs(editor, map, pairs);
  const edits: TextEdit[] = [];
  for (const pair of pairs) {
    const key = pair.key as Node;
    if (!key.range) return undefined;
    const start = editor.source.positionAt(key.range[0]);
    if (editor.source.lineText(start.line).slice(0, start.character).trim() !== "") {
      return undefined;
    }
    const value = pair.value as Node | null;
    const last = value ? lastContentOffset(editor.source, value) : key.range[1];
    const endLine = editor.source.positionAt(Math.max(last, key.range[1])).line;
    edits.push({
      range: {
        start: { line: start.line, character: 0 },
        end: lineAfter(editor, endLine),
      },
      newText: "",
    });
  }
  return edits;
}

function lineAfter(editor: YamlEditor, line: number): Position {
  if (line + 1 < editor.source.lineCount) return { line: line + 1, character: 0 };
  return { line, character: editor.source.lineText(line).length };
}

function removeFlowPairs(editor: YamlEditor, map: YAMLMap, pairs: Pair[]): TextEdit[] {
  const items = map.items as Pair[];
  const keep = items.filter((p) => !pairs.includes(p));
  const range = map.range ?? [0, 0, 0];
  const text = keep.map((p) => pairText(editor, p)).join(", ");
  return [{ range: editor.source.range(range[0], range[1]), newText: `{${text}}` }];
}

function pairText(editor: YamlEditor, pair: Pair): string {
  const key = pair.key as Node;
  const value = pair.value as Node | null;
  const end = value?.range ? value.range[1] : (key.range?.[1] ?? 0);
  return editor.source.text.slice(key.range?.[0] ?? 0, end);
}

/** Adds an item after an item of a sequence, in the sequence's style. */
export function insertItemAfter(
  editor: YamlEditor,
  seq: YAMLSeq,
  item: Node,
  value: Record<string, YamlValue>,
): TextEdit | undefined {
  if (!item.range) return undefined;
  if (seq.flow) {
    const at = editor.source.positionAt(item.range[1]);
    return { range: { start: at, end: at }, newText: `, ${flowValue(value)}` };
  }
  const start = editor.source.positionAt(item.range[0]);
  const prefix = editor.source.lineText(start.line).slice(0, start.character);
  const dash = /^(\s*)-\s+$/.exec(prefix);
  if (!dash) return undefined;
  const at = endOfLineAt(editor, lastContentOffset(editor.source, item));
  if (isMap(item) && item.flow) {
    return { range: { start: at, end: at }, newText: `${editor.eol}${prefix}${flowValue(value)}` };
  }
  const lines = Object.entries(value).flatMap(([k, v]) =>
    blockLines(k, v, start.character, editor.unit),
  );
  lines[0] = prefix + lines[0].slice(start.character);
  return { range: { start: at, end: at }, newText: editor.eol + lines.join(editor.eol) };
}

/** Appends a document to the end of the stream. */
export function appendDocument(editor: YamlEditor, lines: string[]): TextEdit {
  const text = editor.source.text;
  const end = editor.source.positionAt(text.length);
  const separator = text.length > 0 && !/\n$/.test(text) ? editor.eol : "";
  const body = ["---", ...lines].join(editor.eol) + editor.eol;
  return { range: { start: end, end }, newText: separator + body };
}

/** Whether a node is a sequence, for callers that hold an unknown node. */
export function asSeq(node: unknown): YAMLSeq | undefined {
  return isSeq(node) ? node : undefined;
}

/** Adds entries before the first entry of a mapping, block or flow. */
export function insertFirstPairs(
  editor: YamlEditor,
  map: YAMLMap,
  entries: Record<string, YamlValue>,
): TextEdit | undefined {
  const first = (map.items[0] as Pair<Node, unknown> | undefined)?.key;
  if (!first?.range) return addPairs(editor, map, entries);
  const at = editor.source.positionAt(first.range[0]);
  if (map.flow) {
    const items = Object.entries(entries).map(([k, v]) => `${yamlScalar(k)}: ${flowValue(v)}`);
    return { range: { start: at, end: at }, newText: `${items.join(", ")}, ` };
  }
  const prefix = editor.source.lineText(at.line).slice(0, at.character);
  if (prefix.trim() !== "") return addPairs(editor, map, entries);
  const lines = Object.entries(entries).flatMap(([k, v]) =>
    blockLines(k, v, at.character, editor.unit),
  );
  const lineStart = { line: at.line, character: 0 };
  return {
    range: { start: lineStart, end: lineStart },
    newText: lines.join(editor.eol) + editor.eol,
  };
}

/** Adds `key: <text>` to a mapping with the value written exactly as given (already YAML). */
export function addRawPair(
  editor: YamlEditor,
  map: YAMLMap,
  key: string,
  valueText: string,
): TextEdit | undefined {
  const edit = addPairs(editor, map, { [key]: "" });
  if (!edit) return undefined;
  const empty = `${yamlScalar(key)}: ${flowValue("")}`;
  const at = edit.newText.lastIndexOf(empty);
  if (at < 0) return undefined;
  const newText = `${edit.newText.slice(0, at)}${yamlScalar(key)}: ${valueText}`;
  return { ...edit, newText: newText + edit.newText.slice(at + empty.length) };
}

/** Whether a plain scalar can hold a value; in flow context the flow indicators count too. */
function plainFits(value: string, flow: boolean): boolean {
  if (value === "" || /^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(value) || /\s$/.test(value)) return false;
  if (/: |:$| #|[\r\n]/.test(value) || RESERVED.test(value)) return false;
  if (/^[-+.\d]/.test(value) && !Number.isNaN(Number(value))) return false;
  return !flow || !/[,[\]{}]/.test(value);
}

/** Replaces a scalar's value, keeping its quoting style where the new value allows it. */
export function rewriteScalar(editor: YamlEditor, node: Scalar, value: string): TextEdit {
  if (node.type === "QUOTE_SINGLE")
    return replaceNode(editor, node, `'${value.replace(/'/g, "''")}'`);
  if (node.type === "QUOTE_DOUBLE") return replaceNode(editor, node, JSON.stringify(value));
  const start = editor.source.positionAt(node.range?.[0] ?? 0);
  const before = editor.source.lineText(start.line).slice(0, start.character);
  const flow = /[[{]/.test(before.replace(/'[^']*'|"[^"]*"/g, ""));
  return replaceNode(editor, node, plainFits(value, flow) ? value : JSON.stringify(value));
}

/** The mapping entry whose value is a collection: `env:` for the container's env list. */
export interface YamlOwner {
  map: YAMLMap;
  pair: Pair;
}

/** The pair that holds a collection as its value, searched without recursion. */
export function ownerOf(roots: unknown[], collection: unknown): YamlOwner | undefined {
  const stack = [...roots];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      for (const pair of node.items) {
        if (pair.value === collection) return { map: node, pair: pair as Pair };
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      stack.push(...node.items);
    }
  }
  return undefined;
}

/**
 * Removes entries of a collection; when none would be left, the key that holds the collection
 * goes instead (no `env:` or `environment:` is left with a null value). `entryEdits` removes
 * just the entries, for collections that keep others. Where the key cannot go (it shares its
 * line with a list dash), the emptied collection is written as `[]` or `{}`.
 */
export function removeEntries(
  editor: YamlEditor,
  roots: unknown[],
  collection: YAMLMap | YAMLSeq,
  options: { count: number; entryEdits: () => TextEdit[] | undefined },
): TextEdit[] | undefined {
  if (options.count < collection.items.length) return options.entryEdits();
  const owner = ownerOf(roots, collection);
  const whole = owner && removePairs(editor, owner.map, [owner.pair]);
  if (whole) return whole;
  const range = collection.range;
  if (!range) return undefined;
  if (collection.flow) return [replaceNode(editor, collection, isSeq(collection) ? "[]" : "{}")];
  const edits = options.entryEdits();
  const key = owner?.pair.key as Node | undefined;
  if (!edits || !key?.range || editor.source.text[key.range[1]] !== ":") return edits;
  const at = editor.source.positionAt(key.range[1] + 1);
  const empty = isSeq(collection) ? " []" : " {}";
  return [...edits, { range: { start: at, end: at }, newText: empty }];
}
