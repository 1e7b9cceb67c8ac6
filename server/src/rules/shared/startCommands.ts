import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from "yaml";
import type { ParsedFile } from "../../engine/parse";
import type { Range, TextEdit } from "../../engine/types";
import type { DockerFile, DockerInstruction } from "../../languages/dockerfile";
import { commandForm, execFormText, stageInstructions } from "../../languages/dockerSyntax";
import { containersOf, kubeObjects } from "../../languages/kubernetes";
import { commandArgvs, shellQuote, type ShellWord } from "../../languages/shellWords";
import { nodeOffsets, scalarString, type YamlFile } from "../../languages/yamlFile";
import { pid1Argv, shellScriptOf } from "./execForm";
import { removePairs, replaceNode, yamlEditor } from "./yamlEdits";

/**
 * The commands that start a service in production: the final stage's CMD/ENTRYPOINT, Procfile
 * lines, compose `command`, Kubernetes `command`/`args`. Each can be read as simple commands
 * (argv lists) and rewritten with one of them replaced.
 */
export interface StartCommand {
  range: Range;
  /** The simple commands, in order. */
  commands: string[][];
  /** The same words as written (quotes, `$VAR`), ready to put back into a shell line. */
  raw: string[][];
  /** How a replacement's `$PORT` is written: a shell variable, a shell default, or a number. */
  port: "variable" | "default" | "literal";
  /** Edits that replace one simple command by a shell-quoted line; undefined when not possible. */
  replace?: (index: number, line: string) => TextEdit[] | undefined;
  /** An environment variable the command's container sets. */
  env?: (name: string) => string | undefined;
}

/** A variable of a compose `environment` (map or `NAME=value` list) or a pod `env` list. */
function envLookup(node: unknown): (name: string) => string | undefined {
  return (name) => {
    if (isMap(node)) return scalarString(node.get(name, true));
    if (!isSeq(node)) return undefined;
    for (const item of node.items) {
      if (isMap(item) && scalarString(item.get("name", true)) === name) {
        return scalarString(item.get("value", true));
      }
      const text = scalarString(item);
      if (text?.startsWith(`${name}=`)) return text.slice(name.length + 1);
    }
    return undefined;
  };
}

interface Parsed {
  /** The command as a shell line, when it is one; else its argv. */
  shell?: string;
  argv?: string[];
}

interface Simple {
  commands: string[][];
  raw: string[][];
  words?: ShellWord[][];
}

function simple(parsed: Parsed): Simple {
  const script = parsed.argv ? shellScriptOf(parsed.argv) : undefined;
  const shell = parsed.shell ?? script;
  if (shell === undefined) {
    const argv = parsed.argv ?? [];
    return { commands: [argv], raw: [argv.map(shellQuote)] };
  }
  const words = commandArgvs(shell).filter((w) => w.length > 0);
  return {
    commands: words.map((w) => w.map((x) => x.value)),
    raw: words.map((w) => w.map((x) => x.raw)),
    words,
  };
}

/** The shell line with one simple command replaced. */
function spliced(parsed: Parsed, index: number, line: string): string | undefined {
  const script = parsed.argv ? shellScriptOf(parsed.argv) : undefined;
  const shell = parsed.shell ?? script;
  if (shell === undefined) return line;
  const words = simple(parsed).words?.[index];
  if (!words) return undefined;
  return shell.slice(0, words[0].start) + line + shell.slice(words[words.length - 1].end);
}

function build(
  parsed: Parsed,
  range: Range,
  port: StartCommand["port"],
  write: (p: Parsed, line: string) => TextEdit[] | undefined,
): StartCommand {
  const { commands, raw } = simple(parsed);
  return {
    range,
    commands,
    raw,
    port,
    replace: (index, line) => write(parsed, spliced(parsed, index, line) ?? ""),
  };
}

export function startCommands(file: ParsedFile): StartCommand[] {
  if (file.docker) return dockerCommands(file.docker);
  if (file.procfile) return procfileCommands(file);
  if (file.kind === "compose") return composeCommands(file);
  if (file.kind === "kubernetes" && file.yaml) return kubeCommands(file, file.yaml);
  return [];
}

function parsedOf(instruction: DockerInstruction): Parsed {
  const form = commandForm(instruction.args);
  return form.form === "exec" ? { argv: form.argv } : { shell: form.command };
}

function dockerCommands(docker: DockerFile): StartCommand[] {
  const stage = stageInstructions(docker, docker.stageCount - 1);
  const entrypoint = stage.filter((i) => i.keyword === "ENTRYPOINT").pop();
  const cmd = stage.filter((i) => i.keyword === "CMD").pop();
  const write = (instruction: DockerInstruction) => (_: Parsed, line: string) => {
    const argv = pid1Argv(line);
    const range = instruction.argsRange;
    return argv && range ? [{ range, newText: execFormText(argv) }] : undefined;
  };
  if (entrypoint) {
    const parsed = parsedOf(entrypoint);
    if (!cmd || parsed.shell !== undefined)
      return [build(parsed, entrypoint.range, "default", write(entrypoint))];
    const tail = parsedOf(cmd).argv;
    if (!parsed.argv || !tail) return [];
    const { commands, raw } = simple({ argv: [...parsed.argv, ...tail] });
    return [{ range: cmd.range, commands, raw, port: "default" }];
  }
  return cmd ? [build(parsedOf(cmd), cmd.range, "default", write(cmd))] : [];
}

function procfileCommands(file: ParsedFile): StartCommand[] {
  return (file.procfile?.entries ?? []).map((entry) => {
    const range = file.source.range(entry.start, entry.end);
    return build({ shell: entry.command }, range, "variable", (_, line) => [
      { range, newText: line },
    ]);
  });
}

function argvOf(node: unknown): string[] | undefined {
  if (!isSeq(node)) return undefined;
  const items = node.items.map((item) => scalarString(item));
  return items.every((i): i is string => i !== undefined) ? items : undefined;
}

const rangeOf = (file: ParsedFile, node: Node) => {
  const [start, end] = nodeOffsets(node);
  return file.source.range(start, end);
};

/** A YAML list or string that now holds `argv`. */
function yamlArgv(argv: string[]): string {
  return `[${argv.map((a) => JSON.stringify(a)).join(", ")}]`;
}

function composeCommands(file: ParsedFile): StartCommand[] {
  const result: StartCommand[] = [];
  const editor = yamlEditor(file.source);
  for (const document of file.yaml?.documents ?? []) {
    const services = isMap(document.contents) ? document.contents.get("services", true) : null;
    if (!isMap(services)) continue;
    for (const pair of services.items) {
      const node = isMap(pair.value) ? pair.value.get("command", true) : undefined;
      if (!node || typeof node !== "object") continue;
      const text = isScalar(node) ? scalarString(node) : undefined;
      const argv =
        argvOf(node) ??
        (text !== undefined
          ? commandArgvs(text)
              .flat()
              .map((w) => w.value)
          : undefined);
      if (!argv) continue;
      const environment = isMap(pair.value) ? pair.value.get("environment", true) : undefined;
      const write = (parsed: Parsed, line: string) => {
        const next = rewritten(parsed, line);
        if (!next) return undefined;
        const text = isScalar(node) ? yamlString(next.map(shellQuote).join(" ")) : yamlArgv(next);
        return [replaceNode(editor, node as Node, text)];
      };
      const command = build({ argv }, rangeOf(file, node as Node), "literal", write);
      result.push({ ...command, env: envLookup(environment) });
    }
  }
  return result;
}

/** The new argv: the line's words, or the shell script element replaced. */
function rewritten(parsed: Parsed, line: string): string[] | undefined {
  const argv = parsed.argv ?? [];
  if (shellScriptOf(argv) !== undefined) return pid1Argv(line, argv.slice(0, 2));
  const words = commandArgvs(line);
  return words.length === 1 ? words[0].map((w) => w.value) : undefined;
}

function yamlString(text: string): string {
  return /^[\w./$-][^#]*$/.test(text) && !/: |\s$/.test(text) ? text : JSON.stringify(text);
}

function kubeCommands(file: ParsedFile, yaml: YamlFile): StartCommand[] {
  const editor = yamlEditor(file.source);
  const result: StartCommand[] = [];
  for (const object of kubeObjects(yaml)) {
    for (const container of containersOf(object).filter((c) => !c.init)) {
      const map: YAMLMap = container.node;
      const command = map.get("command", true) as Node | undefined;
      const args = map.get("args", true) as Node | undefined;
      const argv = [...(argvOf(command) ?? []), ...(argvOf(args) ?? [])];
      const anchor = command ?? args;
      if (!anchor || argv.length === 0) continue;
      const write = (parsed: Parsed, line: string) => {
        const next = rewritten(parsed, line);
        if (!next) return undefined;
        const edits = [replaceNode(editor, anchor, yamlArgv(next))];
        if (command && args) {
          const pair = map.items.find((p) => isScalar(p.key) && p.key.value === "args") as Pair;
          edits.push(...(removePairs(editor, map, [pair]) ?? []));
        }
        return edits;
      };
      const start = build({ argv }, rangeOf(file, anchor), "literal", write);
      result.push({ ...start, env: envLookup(map.get("env", true)) });
    }
  }
  return result;
}
