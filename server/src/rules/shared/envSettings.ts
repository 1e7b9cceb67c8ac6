import { isMap, isSeq } from "yaml";
import type { ParsedFile } from "../../engine/parse";
import type { TextEdit } from "../../engine/types";
import { dockerProperties } from "../../languages/dockerSyntax";
import { finalStage } from "../../languages/dockerfile";
import type { SourceText } from "../../languages/sourceText";
import { lastContentOffset } from "../../languages/yamlSyntax";
import { yamlEntries, type ConfigEntry } from "./configEntries";
import { removeEntries, yamlEditor } from "./yamlEdits";

/**
 * Environment variables a deployment file sets: compose `environment`, Kubernetes container
 * `env`, Dockerfile `ENV` of the final stage, `.env` entries.
 */
export interface EnvSetting {
  name: string;
  value: string;
  /** Offsets of the value as written. */
  start: number;
  end: number;
  /** The edit that removes the setting, when it can be removed cleanly. */
  removal?: TextEdit;
}

export function envSettingsOf(file: ParsedFile): EnvSetting[] {
  if (file.kind === "compose" || file.kind === "kubernetes") return yamlSettings(file);
  if (file.docker) return dockerSettings(file);
  if (file.dotenv) {
    return file.dotenv.entries.map((entry) => ({
      name: entry.name,
      value: entry.value,
      start: entry.valueStart,
      end: entry.valueEnd,
      removal: lineRemoval(file.source, file.source.lineStart(entry.line), entry.valueEnd),
    }));
  }
  return [];
}

function yamlSettings(file: ParsedFile): EnvSetting[] {
  const settings: EnvSetting[] = [];
  for (const entry of yamlEntries(file)) {
    const environment = entry.style === "k8s-env" || entry.parent === "environment";
    if (
      !environment ||
      (entry.style !== "pair" && entry.style !== "list-item" && entry.style !== "k8s-env")
    ) {
      continue;
    }
    const first = entry.style === "pair" ? keyStart(entry.map, entry.name) : undefined;
    const itemStart = entry.style === "k8s-env" ? entry.map?.range?.[0] : undefined;
    const from = first ?? itemStart ?? lineStartOf(file.source, entry.start);
    const to =
      entry.style === "k8s-env" && entry.map
        ? lastContentOffset(file.source, entry.map) + 1
        : entry.end;
    const removal = yamlRemoval(file, entry, () => lineRemoval(file.source, from, to));
    settings.push({
      name: entry.name,
      value: entry.value,
      start: entry.start,
      end: entry.end,
      removal: removal && (removal.length === 1 ? removal[0] : mergeEdits(file.source, removal)),
    });
  }
  return settings;
}

/** The removal of an entry, with the key of its collection when it is the only entry. */
function yamlRemoval(file: ParsedFile, entry: ConfigEntry, line: () => TextEdit | undefined) {
  const collection =
    entry.style === "k8s-env" ? entry.container?.node.get("env", true) : (entry.list ?? entry.map);
  const entryEdits = () => {
    const edit = line();
    return edit && [edit];
  };
  if (!isMap(collection) && !isSeq(collection)) return entryEdits();
  const roots = (file.yaml?.documents ?? []).map((d) => d.contents);
  return removeEntries(yamlEditor(file.source), roots, collection, { count: 1, entryEdits });
}

function keyStart(
  map: { items: Array<{ key: unknown }> } | undefined,
  name: string,
): number | undefined {
  const pair = map?.items.find((p) => (p.key as { value?: unknown })?.value === name);
  return (pair?.key as { range?: [number, number] } | undefined)?.range?.[0];
}

function lineStartOf(source: SourceText, offset: number): number {
  return source.lineStart(source.positionAt(offset).line);
}

function dockerSettings(file: ParsedFile): EnvSetting[] {
  const docker = file.docker;
  if (!docker) return [];
  const settings: EnvSetting[] = [];
  for (const instruction of finalStage(docker)) {
    if (instruction.keyword !== "ENV") continue;
    for (const property of dockerProperties(instruction)) {
      if (property.value === undefined || !property.valueRange) continue;
      const whole = property.siblings === 1 ? instruction.range : property.range;
      const start = file.source.offsetAt(whole.start);
      const end = file.source.offsetAt(whole.end);
      settings.push({
        name: property.name,
        value: property.value,
        start: file.source.offsetAt(property.valueRange.start),
        end: file.source.offsetAt(property.valueRange.end),
        removal:
          property.siblings === 1
            ? lineRemoval(file.source, start, end)
            : propertyRemoval(file.source, start, end),
      });
    }
  }
  return settings;
}

/**
 * Removes whole lines from the one holding `start` to the one holding `end`, when nothing
 * else shares them (a list dash before `start` belongs to the item and goes too).
 */
export function lineRemoval(source: SourceText, start: number, end: number): TextEdit | undefined {
  const first = source.positionAt(start);
  const last = source.positionAt(end);
  const before = source.lineText(first.line).slice(0, first.character);
  const after = source.lineText(last.line).slice(last.character);
  if (!/^\s*(-\s+)?$/.test(before) || !/^\s*(#.*)?$/.test(after)) return undefined;
  const next = last.line + 1 < source.lineCount ? { line: last.line + 1, character: 0 } : undefined;
  const endPosition = next ?? { line: last.line, character: source.lineText(last.line).length };
  return { range: { start: { line: first.line, character: 0 }, end: endPosition }, newText: "" };
}

/** Several non-overlapping edits as one, the text between them kept. */
function mergeEdits(source: SourceText, edits: TextEdit[]): TextEdit {
  const spans = edits
    .map((e) => ({ ...e, from: source.offsetAt(e.range.start), to: source.offsetAt(e.range.end) }))
    .sort((a, b) => a.from - b.from);
  let newText = "";
  spans.forEach((span, i) => {
    if (i > 0) newText += source.text.slice(spans[i - 1].to, span.from);
    newText += span.newText;
  });
  return { range: source.range(spans[0].from, spans[spans.length - 1].to), newText };
}

/** `ENV A=1 B=2` → `ENV A=1`: the property and the blank that separated it. */
function propertyRemoval(source: SourceText, start: number, end: number): TextEdit {
  const text = source.text;
  let from = start;
  while (from > 0 && /[ \t]/.test(text[from - 1])) from--;
  if (/[\s\\]/.test(text[from - 1] ?? "") || from === 0 || /ENV$/i.test(text.slice(0, from))) {
    let to = end;
    while (to < text.length && /[ \t]/.test(text[to])) to++;
    return { range: source.range(start, to), newText: "" };
  }
  return { range: source.range(from, end), newText: "" };
}
