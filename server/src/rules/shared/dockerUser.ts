import type { TextEdit } from "../../engine/types";
import type { DockerFile, DockerInstruction } from "../../languages/dockerfile";
import { isRootUser, stageChain, stageInstructions, userOf } from "../../languages/dockerSyntax";
import { canonicalRepository, parseImageRef } from "../../languages/imageRef";
import type { SourceText } from "../../languages/sourceText";

/** Base images whose default user is not root. */
export function runsAsNonRootByDefault(image: string): boolean {
  const ref = parseImageRef(image);
  const repository = ref.repository.toLowerCase();
  if (/(^|[-.])nonroot([-.]|$)/.test(ref.tag ?? "")) return true;
  return (
    repository.startsWith("cgr.dev/chainguard/") ||
    /(^|\/)bitnami\//.test(repository) ||
    repository.endsWith("nginx-unprivileged")
  );
}

export type Family = "node" | "alpine" | "debian" | "distroless" | "unknown";

const DEBIAN_IMAGES = new Set([
  "library/debian",
  "library/ubuntu",
  "library/python",
  "library/ruby",
  "library/golang",
  "library/php",
  "library/perl",
  "library/rust",
  "library/openjdk",
  "library/eclipse-temurin",
  "library/buildpack-deps",
]);
const DEBIAN_TAG = /(slim|bookworm|bullseye|buster|trixie|jammy|noble|focal)/;

/** The family of a base image, for the command that adds a user. */
export function imageFamily(image: string | undefined): Family {
  if (!image || image.includes("$")) return "unknown";
  const ref = parseImageRef(image);
  const repository = canonicalRepository(ref.repository);
  const tag = ref.tag ?? "";
  if (repository === "library/node") return "node";
  if (/(^|\/)distroless\//.test(repository)) return "distroless";
  if (repository === "library/alpine" || tag.includes("alpine")) return "alpine";
  if (DEBIAN_IMAGES.has(repository) || DEBIAN_TAG.test(tag)) return "debian";
  return "unknown";
}

/** The lines that create a non-root user (if needed) and switch to it. */
export function userLines(family: Family, existing: string | undefined): string[] {
  if (existing) return [`USER ${existing}`];
  switch (family) {
    case "node":
      return ["USER node"];
    case "alpine":
      return ["RUN addgroup -S app && adduser -S -G app app", "USER app"];
    case "debian":
      return ["RUN useradd --create-home --shell /usr/sbin/nologin appuser", "USER appuser"];
    case "distroless":
      return ["USER 65532"];
    default:
      return ["USER 10001"];
  }
}

const CREATES_USER = /\b(?:useradd|adduser)\b([^;&|]*)/g;

/** A non-root user the image already has: an earlier USER or one a RUN creates. */
export function existingUser(file: DockerFile, stage: number): string | undefined {
  const instructions = stageChain(file, stage).flatMap((s) => stageInstructions(file, s));
  for (const instruction of instructions) {
    if (instruction.keyword !== "USER") continue;
    const user = userOf(instruction.args);
    if (!isRootUser(user) && !user.includes("$")) return instruction.args.trim().split(/\s+/)[0];
  }
  for (const instruction of instructions.filter((i) => i.keyword === "RUN")) {
    for (const match of instruction.args.matchAll(CREATES_USER)) {
      const words = match[1].trim().split(/\s+/);
      const name = words.filter((w) => /^[a-z_][a-z0-9_-]*$/i.test(w)).pop();
      if (name && !words[words.length - 1].startsWith("-")) return name;
    }
  }
  return undefined;
}

interface Placement {
  source: SourceText;
  stage: DockerInstruction[];
  /** The root USER that causes the finding, when there is one. */
  rootUser?: DockerInstruction;
}

/**
 * Edits that put the lines into the stage: in place of a root USER when no RUN follows it,
 * else before the final CMD/ENTRYPOINT that comes after the last RUN, else at the stage's end.
 */
export function placeUserLines(placement: Placement, lines: string[]): TextEdit[] {
  const { source, stage, rootUser } = placement;
  const eol = source.eol;
  const lastRun = stage.filter((i) => i.keyword === "RUN").pop();
  const after = (i: DockerInstruction, j: DockerInstruction) =>
    i.range.start.line > j.range.start.line;

  if (rootUser && !(lastRun && after(lastRun, rootUser))) {
    return [{ range: rootUser.range, newText: lines.join(eol) }];
  }
  const start = stage.find(
    (i) => (i.keyword === "CMD" || i.keyword === "ENTRYPOINT") && (!lastRun || after(i, lastRun)),
  );
  if (start) {
    const at = { line: start.range.start.line, character: 0 };
    return [{ range: { start: at, end: at }, newText: lines.join(eol) + eol }];
  }
  const last = stage[stage.length - 1];
  const lineEnd = source.offsetAt({ line: last.range.end.line + 1, character: 0 });
  const endsWithBreak = /\n$/.test(source.text.slice(0, lineEnd));
  const at = source.positionAt(lineEnd);
  const newText = endsWithBreak ? lines.join(eol) + eol : eol + lines.join(eol) + eol;
  return [{ range: { start: at, end: at }, newText }];
}

/**
 * The owner a COPY can give the files for the user the lines switch to: only a user that exists
 * before any COPY runs (`node` of node images, or a numeric uid). A user that a RUN of the fix
 * creates does not exist yet when the COPY runs.
 */
export function copyOwner(family: Family, lines: string[]): string | undefined {
  if (lines.length !== 1) return undefined;
  const user = lines[0].replace(/^USER\s+/, "");
  if (/^\d+$/.test(user)) return `${user}:${user}`;
  return family === "node" && user === "node" ? "node:node" : undefined;
}

/** The names of an instruction's flags (`--from`, `--chown`, `--link`…). */
function flagNames(instruction: DockerInstruction): string[] {
  const node = instruction.node as unknown as { getFlags?: () => Array<{ getName(): string }> };
  return (node.getFlags?.() ?? []).map((f) => f.getName().toLowerCase());
}

/** `--chown` for the final stage's copies of the whole build context that set no owner. */
export function chownEdits(source: SourceText, stage: DockerInstruction[], owner: string) {
  const edits: TextEdit[] = [];
  for (const instruction of stage) {
    if (instruction.keyword !== "COPY" || !instruction.argsRange) continue;
    if (flagNames(instruction).some((f) => f === "from" || f === "chown")) continue;
    const paths = instruction.args.trim().split(/\s+/);
    if (paths.length < 2 || !paths.slice(0, -1).some((p) => /^\.\/?$/.test(p))) continue;
    const start = source.offsetAt(instruction.range.start);
    if (source.text.slice(start, start + 4).toUpperCase() !== "COPY") continue;
    const at = source.positionAt(start + 4);
    edits.push({ range: { start: at, end: at }, newText: ` --chown=${owner}` });
  }
  return edits;
}
