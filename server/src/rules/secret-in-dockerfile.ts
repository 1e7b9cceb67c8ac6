import type { Rule, RuleContext } from "../engine/rule";
import type { FileChange, Fix, Localized, Range, TextEdit } from "../engine/types";
import type { DockerFile, DockerInstruction } from "../languages/dockerfile";
import { dockerProperties, type DockerProperty } from "../languages/dockerSyntax";
import {
  composeBuildArgEdits,
  composeBuildsOf,
  composeChanges,
  composeEnvironmentEdits,
  sharedEnvironmentNotes,
} from "./shared/composeBuilds";
import { envFileChanges, writableInDotenv } from "./shared/envFiles";
import { isSecretName } from "./shared/secretNames";
import { classifySecretValue } from "./shared/secretValues";

/** ENV and ARG values are stored in the image: anyone who can pull it can read them. */
export const rule: Rule = {
  meta: {
    id: "secret-in-dockerfile",
    factors: [3],
    categories: ["security"],
    severity: "error",
    kinds: ["dockerfile"],
    fixable: true,
    handbook: "security",
    title: { en: "Secret in a Dockerfile ENV/ARG", zh: "Dockerfile 的 ENV/ARG 中含有密钥" },
    description: {
      en: "An ENV value is part of the image config and an ARG value is recorded in its history (`docker history`), so whoever can pull the image can read the secret, and it sits in git as well. Pass secrets at run time (environment, Kubernetes Secret) or as build secrets (`RUN --mount=type=secret`).",
      zh: "ENV 的值写入镜像配置，ARG 的值记录在镜像历史中（`docker history`），任何能拉取镜像的人都能读到密钥，而且它还提交到了 git。请在运行时注入密钥（环境变量、Kubernetes Secret），或使用构建密钥（`RUN --mount=type=secret`）。",
    },
  },

  check(context) {
    const docker = context.file.docker;
    if (!docker) return;
    for (const instruction of docker.instructions) {
      if (instruction.keyword !== "ENV" && instruction.keyword !== "ARG") continue;
      for (const property of dockerProperties(instruction)) {
        if (!isSecretName(property.name)) continue;
        if (property.value) checkValue(context, property);
        else if (instruction.keyword === "ARG") checkBuildArg(context, docker, property);
      }
    }
  },
};

function checkValue(context: RuleContext, property: DockerProperty): void {
  const verdict = classifySecretValue(property.value ?? "");
  if (verdict === "ignore") return;
  const keyword = property.instruction.keyword;
  const where: Localized =
    keyword === "ENV"
      ? { en: "the image's environment", zh: "镜像的环境变量" }
      : { en: "the image history (docker history)", zh: "镜像历史（docker history）" };
  context.report({
    range: property.range,
    severity: verdict === "placeholder" ? "hint" : undefined,
    message: {
      en: `${keyword} ${property.name} bakes a secret into ${where.en}: anyone who can pull the image can read it, and it is committed with the Dockerfile. Pass it at ${keyword === "ENV" ? "run" : "build"} time instead.`,
      zh: `${keyword} ${property.name} 把密钥写进了${where.zh}：任何能拉取镜像的人都能读到，而且它随 Dockerfile 提交到了仓库。请改为在${keyword === "ENV" ? "运行" : "构建"}时传入。`,
    },
    fixes: writableInDotenv(property.value) ? [fixFor(context, property)] : [],
  });
}

function fixFor(context: RuleContext, property: DockerProperty): Fix {
  const { name, value, instruction } = property;
  const isEnv = instruction.keyword === "ENV";
  const builds = composeBuildsOf(context.workspace, context.file.path);
  const anchor = builds[0]?.file.path ?? context.file.path;
  const compose = composeChanges(
    builds.map((build) => ({
      file: build.file.path,
      edits: isEnv ? composeEnvironmentEdits(build, name) : composeBuildArgEdits(build, name),
    })),
  );
  const own: FileChange = { file: context.file.path, edits: removalEdits(context, property) };
  return {
    title: isEnv
      ? { en: `Move ${name} out of the image into .env`, zh: `把 ${name} 移出镜像，放入 .env` }
      : {
          en: `Drop the default of ${name}; pass it from .env`,
          zh: `删除 ${name} 的默认值，改由 .env 传入`,
        },
    preferred: true,
    movesValue: true,
    changes: [own, ...compose, ...envFileChanges(context.workspace, anchor, [{ name, value }])],
    byHand: isEnv ? sharedEnvironmentNotes(builds, name) : undefined,
  };
}

/** An ARG loses its default; an ENV pair is removed, with its instruction when it is alone. */
function removalEdits(context: RuleContext, property: DockerProperty): TextEdit[] {
  const source = context.file.source;
  const { instruction, range, nameRange } = property;
  if (instruction.keyword === "ARG")
    return [{ range: { start: nameRange.end, end: range.end }, newText: "" }];
  if (property.siblings === 1) {
    const start = { line: instruction.range.start.line, character: 0 };
    const next = instruction.range.end.line + 1;
    const end =
      next < source.lineCount
        ? { line: next, character: 0 }
        : source.positionAt(source.text.length);
    return [{ range: { start, end }, newText: "" }];
  }
  return [{ range: pairWithSpace(instruction, property), newText: "" }];
}

/** The pair and the space that separates it from its neighbour. */
function pairWithSpace(instruction: DockerInstruction, property: DockerProperty): Range {
  const all = dockerProperties(instruction);
  const same = (p: DockerProperty) =>
    p.range.start.line === property.range.start.line &&
    p.range.start.character === property.range.start.character;
  const index = all.findIndex(same);
  if (index > 0) return { start: all[index - 1].range.end, end: property.range.end };
  return { start: property.range.start, end: all[index + 1].range.start };
}

/**
 * `ARG NAME` without default that a later ENV copies: the value passed at build time becomes
 * part of the image's environment.
 *
 * FIXME: an ARG without default that a RUN reads also lands in the image history; reporting it
 * needs a fix that rewrites the RUN to a secret mount, which this rule does not offer yet.
 */
function checkBuildArg(context: RuleContext, docker: DockerFile, property: DockerProperty): void {
  const { instruction, name } = property;
  if (instruction.stage < 0) return;
  const uses = new RegExp(`\\$\\{?${name}\\b`);
  const copy = docker.instructions.find(
    (i) =>
      i.stage === instruction.stage &&
      i.keyword === "ENV" &&
      i.range.start.line > instruction.range.start.line &&
      dockerProperties(i).some((p) => uses.test(p.value ?? "")),
  );
  if (!copy) return;
  const line = copy.range.start.line + 1;
  context.report({
    range: property.range,
    severity: "warning",
    message: {
      en: `The ENV on line ${line} copies build argument ${name} into the image's environment, so the value passed with --build-arg can be read by anyone who pulls the image. Pass it at run time instead.`,
      zh: `第 ${line} 行的 ENV 把构建参数 ${name} 复制进了镜像的环境变量，--build-arg 传入的值任何能拉取镜像的人都能读到。请改为在运行时传入。`,
    },
  });
}
