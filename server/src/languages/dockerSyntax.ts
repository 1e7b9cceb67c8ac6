import { From, type Property, PropertyInstruction } from "dockerfile-ast";
import type { Range } from "../engine/types";
import type { DockerFile, DockerInstruction } from "./dockerfile";

/** How Docker runs a CMD/ENTRYPOINT/SHELL argument list. */
export type CommandForm =
  | { form: "exec"; argv: string[] }
  | {
      form: "shell";
      command: string;
      /** Set when the text looks like an array but is not JSON, so Docker runs it as shell. */
      notJson?: "single-quotes" | "invalid-json";
      /** The elements of such an array, read leniently (for a fix). */
      intended?: string[];
    };

/**
 * Docker's decision: arguments that parse as a JSON array of strings are exec form; anything
 * else, including `['a', 'b']` and `["a", ]`, is handed to the shell. Continuations must
 * already be joined (`DockerInstruction.args`).
 */
export function commandForm(args: string): CommandForm {
  const text = args.trim();
  if (text.startsWith("[")) {
    const argv = strictArray(text);
    if (argv) return { form: "exec", argv };
    const intended = lenientArray(text);
    if (intended) {
      const notJson = intended.singleQuoted ? "single-quotes" : "invalid-json";
      return { form: "shell", command: text, notJson, intended: intended.items };
    }
    return { form: "shell", command: text, notJson: "invalid-json" };
  }
  return { form: "shell", command: text };
}

function strictArray(text: string): string[] | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value;
  } catch {
    return undefined;
  }
  return undefined;
}

const LENIENT_ITEM = /^\s*('([^']*)'|"((?:[^"\\]|\\.)*)")\s*(,?)/;

/** Reads `['a', "b", ]`: single or double quoted strings, a trailing comma allowed. */
function lenientArray(text: string): { items: string[]; singleQuoted: boolean } | undefined {
  let rest = text.slice(1);
  const items: string[] = [];
  let singleQuoted = false;
  for (;;) {
    const close = /^\s*\]\s*$/.exec(rest);
    if (close) return { items, singleQuoted };
    const match = LENIENT_ITEM.exec(rest);
    if (!match) return undefined;
    if (match[2] !== undefined) {
      singleQuoted = true;
      items.push(match[2]);
    } else {
      const parsed = strictArray(`["${match[3]}"]`);
      if (!parsed) return undefined;
      items.push(parsed[0]);
    }
    rest = rest.slice(match[0].length);
    if (!match[4] && !/^\s*\]/.test(rest)) return undefined;
  }
}

/** The exec-form text of an argv, as `["a", "b"]` with JSON escapes. */
export function execFormText(argv: string[]): string {
  return `[${argv.map((a) => JSON.stringify(a)).join(", ")}]`;
}

/** What a FROM line names. */
export interface FromInfo {
  instruction: DockerInstruction;
  image: string;
  imageRange: Range;
  /** The stage name after `AS`, lower-cased. */
  alias?: string;
}

export function fromInfo(instruction: DockerInstruction): FromInfo | undefined {
  const node = instruction.node;
  if (instruction.keyword !== "FROM" || !(node instanceof From)) return undefined;
  const image = node.getImage();
  const imageRange = node.getImageRange();
  if (!image || !imageRange) return undefined;
  return { instruction, image, imageRange, alias: node.getBuildStage()?.toLowerCase() };
}

/** The FROM of every stage, by stage index. */
export function stageFroms(file: DockerFile): Array<FromInfo | undefined> {
  return file.instructions.filter((i) => i.keyword === "FROM").map((i) => fromInfo(i));
}

/**
 * The stage a FROM builds on, when its image names an earlier stage (`FROM base`), else
 * undefined.
 */
export function parentStage(file: DockerFile, stage: number): number | undefined {
  const froms = stageFroms(file);
  const image = froms[stage]?.image.toLowerCase();
  if (!image) return undefined;
  for (let i = stage - 1; i >= 0; i--) if (froms[i]?.alias === image) return i;
  return undefined;
}

/** The stages an image is built from, the given one first, following `FROM <stage>`. */
export function stageChain(file: DockerFile, stage: number): number[] {
  const chain = [stage];
  let parent = parentStage(file, stage);
  while (parent !== undefined && !chain.includes(parent)) {
    chain.push(parent);
    parent = parentStage(file, parent);
  }
  return chain;
}

export function stageInstructions(file: DockerFile, stage: number): DockerInstruction[] {
  return file.instructions.filter((i) => i.stage === stage);
}

/** One `NAME=value` (or `NAME value`, or bare `NAME`) of an ENV or ARG. */
export interface DockerProperty {
  instruction: DockerInstruction;
  name: string;
  /** The value with quotes removed; undefined for `ARG NAME` without a default. */
  value?: string;
  /** The whole `NAME=value` text. */
  range: Range;
  nameRange: Range;
  valueRange?: Range;
  /** How many properties the instruction holds. */
  siblings: number;
}

export function dockerProperties(instruction: DockerInstruction): DockerProperty[] {
  const node = instruction.node;
  if (!(node instanceof PropertyInstruction)) return [];
  const properties: Property[] = node.getProperties();
  return properties.map((p) => ({
    instruction,
    name: p.getName(),
    value: p.getValue() ?? undefined,
    range: p.getRange(),
    nameRange: p.getNameRange(),
    valueRange: p.getValueRange() ?? undefined,
    siblings: properties.length,
  }));
}

/** The user part of a USER argument (`app`, `10001`, `root` from `root:root`). */
export function userOf(args: string): string {
  return args.trim().split(/\s+/)[0].split(":")[0];
}

export function isRootUser(user: string): boolean {
  return user === "root" || /^0+$/.test(user);
}

/** The USER in force at the end of a stage, following `FROM <stage>` chains. */
export function effectiveUser(file: DockerFile, stage: number): DockerInstruction | undefined {
  for (const s of stageChain(file, stage)) {
    const user = stageInstructions(file, s)
      .filter((i) => i.keyword === "USER")
      .pop();
    if (user) return user;
  }
  return undefined;
}

/** The external image a stage is built from, at the root of its `FROM <stage>` chain. */
export function baseImage(file: DockerFile, stage: number): string | undefined {
  const chain = stageChain(file, stage);
  return stageFroms(file)[chain[chain.length - 1]]?.image;
}
