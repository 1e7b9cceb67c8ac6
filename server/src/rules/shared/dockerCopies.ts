import * as path from "node:path";
import type { ParsedFile } from "../../engine/parse";
import type { DockerInstruction } from "../../languages/dockerfile";
import { stageChain } from "../../languages/dockerSyntax";
import { lexShell } from "../../languages/shellWords";

/** A COPY or ADD from the build context: its source paths and destination. */
export interface ContextCopy {
  sources: string[];
  destination: string;
}

/**
 * The COPY/ADD instructions from the build context that run before an instruction, in its
 * stage and the stages it builds on (copies from other stages or images left out).
 */
export function contextCopiesBefore(file: ParsedFile, before: DockerInstruction): ContextCopy[] {
  const docker = file.docker;
  if (!docker) return [];
  const stages = new Set(stageChain(docker, before.stage));
  const line = before.range.start.line;
  const copies: ContextCopy[] = [];
  for (const instruction of docker.instructions) {
    if (instruction.range.start.line >= line || !stages.has(instruction.stage)) continue;
    if (instruction.keyword !== "COPY" && instruction.keyword !== "ADD") continue;
    const copy = readCopy(instruction.args);
    if (copy) copies.push(copy);
  }
  return copies;
}

function readCopy(args: string): ContextCopy | undefined {
  let words: string[];
  if (args.trim().startsWith("[")) {
    try {
      words = JSON.parse(args) as string[];
    } catch {
      return undefined;
    }
  } else {
    const tokens = lexShell(args);
    if (!tokens) return undefined;
    words = tokens.filter((t) => t.kind === "word").map((t) => t.value);
  }
  if (words.some((w) => /^--from(=|$)/.test(w))) return undefined;
  const paths = words.filter((w) => !w.startsWith("--"));
  if (paths.length < 2) return undefined;
  return { sources: paths.slice(0, -1), destination: paths[paths.length - 1] };
}

const isWholeContext = (source: string): boolean => /^\.\/?$/.test(source);

/** Where a copy puts a context file, relative to WORKDIR or absolute. */
function destinationOf(copy: ContextCopy, name: string, wholeContext: boolean): string {
  const dest = copy.destination;
  const isDir =
    dest.endsWith("/") || /^\.\/?$/.test(dest) || copy.sources.length > 1 || wholeContext;
  if (!isDir) return dest;
  const joined = path.posix.join(dest, name);
  return joined.startsWith("/") ? joined : joined.replace(/^\.\//, "");
}

/** Where `requirements.txt` of the build context lands in the image, when a COPY puts it there. */
export function copiedRequirements(
  file: ParsedFile,
  before: DockerInstruction,
): string | undefined {
  for (const copy of contextCopiesBefore(file, before).reverse()) {
    if (copy.sources.some((s) => path.posix.basename(s) === "requirements.txt"))
      return destinationOf(copy, "requirements.txt", false);
    if (copy.sources.some(isWholeContext)) return destinationOf(copy, "requirements.txt", true);
  }
  return undefined;
}

/** Whether a source pattern (a path or simple glob) can match a context file name. */
export function sourceMatches(source: string, file: string): boolean {
  if (isWholeContext(source)) return true;
  const pattern = source.replace(/^\.\//, "");
  const regex = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|\\]/g, "\\$&")
      .replace(/\*/g, "[^/]*")
      .replace(/\?/g, "[^/]")}$`,
  );
  return regex.test(file);
}
