import { DockerfileParser, type Dockerfile, type Instruction } from "dockerfile-ast";
import type { Range } from "../engine/types";
import type { SourceText } from "./sourceText";

const KEYWORDS = new Set([
  "ADD",
  "ARG",
  "CMD",
  "COPY",
  "ENTRYPOINT",
  "ENV",
  "EXPOSE",
  "FROM",
  "HEALTHCHECK",
  "LABEL",
  "MAINTAINER",
  "ONBUILD",
  "RUN",
  "SHELL",
  "STOPSIGNAL",
  "USER",
  "VOLUME",
  "WORKDIR",
]);

/** One instruction with its arguments as Docker reads them (continuations joined). */
export interface DockerInstruction {
  keyword: string;
  range: Range;
  argsRange: Range | null;
  /** Argument text with `\`+newline continuations and inner comment lines removed. */
  args: string;
  /** Index of the build stage (FROM) the instruction belongs to; -1 before the first FROM. */
  stage: number;
  node: Instruction;
}

export interface DockerFile {
  ast: Dockerfile;
  instructions: DockerInstruction[];
  stageCount: number;
  escape: string;
}

export function parseDockerfile(text: SourceText): DockerFile {
  const ast = DockerfileParser.parse(text.text);
  const escape = ast.getEscapeCharacter();
  const instructions: DockerInstruction[] = [];
  let stage = -1;

  for (const node of ast.getInstructions()) {
    const keyword = node.getKeyword().toUpperCase();
    if (!KEYWORDS.has(keyword)) continue;
    if (keyword === "FROM") stage++;
    const argsRange = node.getArgumentsRange();
    const raw = argsRange
      ? text.text.slice(text.offsetAt(argsRange.start), text.offsetAt(argsRange.end))
      : "";
    instructions.push({
      keyword,
      range: node.getRange(),
      argsRange,
      args: joinContinuations(raw, escape),
      stage,
      node,
    });
  }
  return { ast, instructions, stageCount: stage + 1, escape };
}

/** Joins escaped line breaks and drops comment lines inside a continued instruction. */
export function joinContinuations(raw: string, escape = "\\"): string {
  const lines = raw.split(/\r?\n/);
  let joined = "";
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    if (i > 0 && /^\s*#/.test(line)) continue;
    const continued = line.trimEnd().endsWith(escape) && i < lines.length - 1;
    if (continued) line = line.trimEnd().slice(0, -escape.length);
    joined += line;
  }
  return joined.trim();
}

/** The instructions of the final build stage. */
export function finalStage(file: DockerFile): DockerInstruction[] {
  return file.instructions.filter((i) => i.stage === file.stageCount - 1);
}
