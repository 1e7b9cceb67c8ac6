import * as path from "node:path";
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  type Document,
  type Pair,
  type YAMLMap,
  type YAMLSeq,
} from "yaml";
import type { ParsedFile } from "../../engine/parse";
import type { FileChange, Localized, TextEdit } from "../../engine/types";
import { scalarString } from "../../languages/yamlFile";
import type { Workspace } from "../../workspace/workspace";
import { addPairs, fillEmptyPair, replaceNode, yamlEditor, type YamlEditor } from "./yamlEdits";

/** A compose service that builds an image from a given Dockerfile. */
export interface ComposeBuild {
  file: ParsedFile;
  document: Document;
  /** The folder the image is built from. */
  context: string;
  name: string;
  service: YAMLMap;
}

/** The compose services of the workspace whose `build` uses the Dockerfile. */
export function composeBuildsOf(workspace: Workspace, dockerfile: string): ComposeBuild[] {
  const wanted = path.resolve(dockerfile);
  return composeBuilds(workspace, (build) => build.dockerfile === wanted);
}

/** The compose services of the workspace whose build context holds the file: they run it. */
export function composeBuildsContaining(workspace: Workspace, file: string): ComposeBuild[] {
  const wanted = path.resolve(file);
  return composeBuilds(workspace, ({ context }) => wanted.startsWith(context + path.sep));
}

function composeBuilds(
  workspace: Workspace,
  matches: (build: { context: string; dockerfile: string }) => boolean,
): ComposeBuild[] {
  const builds: ComposeBuild[] = [];
  for (const file of workspace.model.filesOfKind("compose")) {
    for (const document of file.yaml?.documents ?? []) {
      const services = isMap(document.contents) ? document.contents.get("services", true) : null;
      if (!isMap(services)) continue;
      for (const pair of services.items) {
        const service = pair.value;
        const name = scalarString(pair.key) ?? "";
        const build = isMap(service) ? buildOf(file.path, service) : undefined;
        if (build && matches(build)) {
          builds.push({
            file,
            document,
            context: build.context,
            name,
            service: service as YAMLMap,
          });
        }
      }
    }
  }
  return builds;
}

/** The folder a service builds from and its Dockerfile; undefined for a remote context. */
function buildOf(
  composeFile: string,
  service: YAMLMap,
): { context: string; dockerfile: string } | undefined {
  const build = service.get("build", true);
  const dir = path.dirname(composeFile);
  const context = isMap(build) ? scalarString(build.get("context", true)) : scalarString(build);
  if (context === undefined && !isMap(build)) return undefined;
  if (context && /^[a-z]+:\/\//i.test(context)) return undefined;
  const dockerfile = isMap(build) ? scalarString(build.get("dockerfile", true)) : undefined;
  const folder = path.resolve(dir, context ?? ".");
  return { context: folder, dockerfile: path.resolve(folder, dockerfile ?? "Dockerfile") };
}

const reference = (name: string) => `"\${${name}}"`;

/**
 * Edits that give the service `NAME: ${NAME}` in its environment, unless `.env` feeds it, or
 * `NAME: value` when a value is given (one that differs inside compose, like a service's host).
 */
export function composeEnvironmentEdits(
  build: ComposeBuild,
  name: string,
  value?: string,
): TextEdit[] {
  const editor = yamlEditor(build.file.source);
  const { service } = build;
  if (value === undefined && loadsDotenv(build)) return [];
  if (sharedEnvironment(build)) return [];
  const entry = { name, value: value ?? `\${${name}}` };
  const environment = service.get("environment", true);
  if (isSeq(environment)) return listEntryEdits(editor, environment, entry);
  return mapEntryEdits(editor, service, "environment", entry);
}

/**
 * Whether the service's environment is shared through an anchor: an alias, or no map of its
 * own while a merge key (`<<: *common`) brings one. A new `environment:` would replace the
 * shared one, and editing the anchor would change other services: the fix leaves it alone.
 */
function sharedEnvironment(build: ComposeBuild): boolean {
  const own = build.service.get("environment", true);
  if (isAlias(own)) return true;
  if (own !== undefined) return false;
  const merge = build.service.items.find((pair) => isScalar(pair.key) && pair.key.value === "<<");
  const sources = isSeq(merge?.value) ? merge.value.items : [merge?.value];
  return sources.some((source) => {
    const merged = isAlias(source) ? source.resolve(build.document) : source;
    return isMap(merged) && merged.has("environment");
  });
}

/** What is left by hand for the services whose environment the fix cannot edit. */
export function sharedEnvironmentNotes(
  builds: ComposeBuild[],
  name: string,
  value = `\${${name}}`,
): Localized[] {
  return builds.filter(sharedEnvironment).map((build) => ({
    en:
      `pass ${name} to the compose service "${build.name}" (${name}: ${value}): ` +
      "its environment comes from an anchor, which the fix does not change.",
    zh:
      `把 ${name} 传给 compose 服务 "${build.name}"（${name}: ${value}）：` +
      "它的 environment 来自锚点，修复不会改动锚点。",
  }));
}

/** A Redis (or Valkey) service of a compose file: name, port, whether it wants a password. */
export interface ComposeRedis {
  name: string;
  port: string;
  password: boolean;
}

/** The Redis (or Valkey) service of the compose file the service is in. */
export function composeRedisService(build: ComposeBuild): ComposeRedis | undefined {
  for (const document of build.file.yaml?.documents ?? []) {
    const services = isMap(document.contents) ? document.contents.get("services", true) : null;
    if (!isMap(services)) continue;
    for (const pair of services.items) {
      const service = pair.value;
      const name = scalarString(pair.key);
      if (!isMap(service) || !name) continue;
      const image = scalarString(service.get("image", true));
      const repository = image?.split(/[:@]/)[0].split("/").pop();
      if (repository !== "redis" && repository !== "valkey") continue;
      const command = service.get("command", true);
      const words = isSeq(command) ? command.items.map(scalarString) : [scalarString(command)];
      const text = words.join(" ");
      const port = /--port\s+(\d+)/.exec(text)?.[1] ?? "6379";
      const password = /--requirepass\b|REDIS_PASSWORD/.test(
        text + JSON.stringify(service.get("environment")),
      );
      return { name, port, password };
    }
  }
  return undefined;
}

/** Edits that pass `NAME` as a build argument from the compose project's `.env`. */
export function composeBuildArgEdits(build: ComposeBuild, name: string): TextEdit[] {
  const editor = yamlEditor(build.file.source);
  const value: unknown = build.service.get("build", true);
  if (isScalar(value) && value.range) {
    const context = build.file.source.text.slice(value.range[0], value.range[1]);
    const text = `{context: ${context}, args: {${name}: ${reference(name)}}}`;
    return [replaceNode(editor, value, text)];
  }
  if (!isMap(value)) return [];
  const args = value.get("args", true);
  const entry = { name, value: `\${${name}}` };
  if (isSeq(args)) return listEntryEdits(editor, args, entry);
  return mapEntryEdits(editor, value, "args", entry);
}

function loadsDotenv(build: ComposeBuild): boolean {
  const value = build.service.get("env_file", true);
  const items = isSeq(value) ? value.items : [value];
  return items.some((item) => {
    const entry = scalarString(isMap(item) ? item.get("path", true) : item);
    return entry !== undefined && path.basename(entry) === ".env";
  });
}

/** One environment or build-argument entry. */
interface Entry {
  name: string;
  value: string;
}

function mapEntryEdits(editor: YamlEditor, parent: YAMLMap, key: string, entry: Entry): TextEdit[] {
  const pairs = { [entry.name]: entry.value };
  const map = parent.get(key, true);
  if (isMap(map)) {
    if (map.has(entry.name)) return [];
    return single(addPairs(editor, map, pairs));
  }
  const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair | undefined;
  if (pair) return single(fillEmptyPair(editor, pair, pairs));
  return single(addPairs(editor, parent, { [key]: pairs }));
}

function listEntryEdits(editor: YamlEditor, list: YAMLSeq, { name, value }: Entry): TextEdit[] {
  const present = list.items.some((item) => scalarString(item)?.split("=")[0] === name);
  const last = list.items[list.items.length - 1];
  if (present || !isScalar(last) || !last.range) return [];
  const text = `${name}=${value}`;
  if (list.flow) {
    const at = editor.source.positionAt(last.range[1]);
    return [{ range: { start: at, end: at }, newText: `, "${text}"` }];
  }
  const quote = last.type === "PLAIN" ? "" : last.type === "QUOTE_SINGLE" ? "'" : '"';
  const start = editor.source.positionAt(last.range[0]);
  const prefix = editor.source.lineText(start.line).slice(0, start.character);
  const end = editor.source.positionAt(last.range[1]);
  const at = { line: end.line, character: editor.source.lineText(end.line).length };
  const entry = `${editor.eol}${prefix}${quote}${text}${quote}`;
  return [{ range: { start: at, end: at }, newText: entry }];
}

function single(edit: TextEdit | undefined): TextEdit[] {
  return edit ? [edit] : [];
}

/** The compose edits as file changes, one per compose file. */
export function composeChanges(edits: Array<{ file: string; edits: TextEdit[] }>): FileChange[] {
  const byFile = new Map<string, TextEdit[]>();
  for (const { file, edits: list } of edits) {
    if (list.length > 0) byFile.set(file, [...(byFile.get(file) ?? []), ...list]);
  }
  return [...byFile].map(([file, list]) => ({ file, edits: list }));
}
