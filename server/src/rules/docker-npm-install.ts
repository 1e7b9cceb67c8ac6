import * as path from "node:path";
import type { ParsedFile } from "../engine/parse";
import type { Rule } from "../engine/rule";
import type { TextEdit } from "../engine/types";
import type { Workspace } from "../workspace/workspace";
import { composeBuildsOf } from "./shared/composeBuilds";
import { contextCopiesBefore, sourceMatches } from "./shared/dockerCopies";
import { hasOption, npmInstalls, wordsRange, type InstallCommand } from "./shared/dockerInstalls";

const NPM_LOCKS = ["package-lock.json", "npm-shrinkwrap.json"];

/** Flags of `npm install` that `npm ci` spells differently. */
const RENAMED_FLAGS: Record<string, string> = {
  "--production": "--omit=dev",
  "--only=production": "--omit=dev",
  "--only=prod": "--omit=dev",
  "--prod": "--omit=dev",
  "--no-optional": "--omit=optional",
};

/** `npm install` in an image build may resolve other versions than the lock file holds. */
export const rule: Rule = {
  meta: {
    id: "docker-npm-install",
    factors: [2, 10],
    categories: ["parity", "startup"],
    severity: "warning",
    kinds: ["dockerfile"],
    fixable: true,
    handbook: "parity",
    title: {
      en: "npm install in a Dockerfile that has a lock file",
      zh: "有锁文件的 Dockerfile 仍用 npm install",
    },
    description: {
      en: "npm install may update package-lock.json and resolve newer versions than the ones tested; npm ci installs exactly what the lock file says and fails when it is out of date.",
      zh: "npm install 可能改写 package-lock.json，装上比测试时更新的版本；npm ci 严格按锁文件安装，锁文件过期时直接失败。",
    },
  },

  check({ file, workspace, report }) {
    for (const command of npmInstalls(file)) {
      if (hasOption(command, "-g", "--global") || hasOption(command, "--location")) continue;
      if (namesPackages(command)) continue;
      const copied = lockCopied(file, workspace, command);
      if (!copied && !lockBeside(file, workspace)) continue;
      report({
        range: wordsRange(file, command, 0, command.install),
        message: copied ? MESSAGE : NOT_COPIED,
        fixes: copied
          ? [
              {
                title: { en: "Use npm ci", zh: "改用 npm ci" },
                changes: [{ file: file.path, edits: ciEdits(file, command) }],
                preferred: true,
              },
            ]
          : [],
      });
    }
  },
};

/** `npm install express` adds a package: a different job than installing the lock. */
function namesPackages(command: InstallCommand): boolean {
  return command.words.slice(command.install + 1).some((w) => !w.value.startsWith("-"));
}

const MESSAGE = {
  en: "npm install can resolve newer versions than package-lock.json records, so the image may run dependencies nobody tested; npm ci installs exactly the locked tree.",
  zh: "npm install 可能解析出比 package-lock.json 记录更新的版本，镜像里跑的依赖可能从未测试过；npm ci 严格安装锁定的依赖树。",
};

const NOT_COPIED = {
  en: "package-lock.json sits in the build context but is not copied before npm install, so the image resolves its own versions, not the tested ones. Copy the lock file with package.json and run npm ci.",
  zh: "构建上下文里有 package-lock.json，但 npm install 之前没有把它复制进镜像，镜像会自行解析版本而不是测试过的版本。请把锁文件与 package.json 一起复制，并改用 npm ci。",
};

/**
 * The folders the image may be built from: the Dockerfile's own, and the `build.context` of
 * every compose service that builds it. A `docker build -f` from elsewhere is not known.
 */
function buildContexts(file: ParsedFile, workspace: Workspace): string[] {
  const contexts = composeBuildsOf(workspace, file.path).map((build) => build.context);
  return [...new Set([path.dirname(file.path), ...contexts])];
}

/** A lock file at the root of a build context. */
function lockBeside(file: ParsedFile, workspace: Workspace): boolean {
  return buildContexts(file, workspace).some((dir) =>
    NPM_LOCKS.some((lock) => workspace.exists(path.join(dir, lock))),
  );
}

/** A lock file of the build context that a COPY puts into the image before the command. */
function lockCopied(file: ParsedFile, workspace: Workspace, command: InstallCommand): boolean {
  const contexts = buildContexts(file, workspace);
  return contextCopiesBefore(file, command.instruction).some((copy) =>
    copy.sources.some((source) => {
      const folder = path.posix.dirname(source.replace(/^\.\//, ""));
      return NPM_LOCKS.some(
        (lock) =>
          sourceMatches(path.posix.basename(source), lock) &&
          contexts.some((dir) => workspace.exists(path.join(dir, folder, lock))),
      );
    }),
  );
}

function ciEdits(file: ParsedFile, command: InstallCommand): TextEdit[] {
  const edits: TextEdit[] = [];
  const replace = (index: number, text: string) => {
    const word = command.words[index];
    edits.push({
      range: file.source.range(command.base + word.start, command.base + word.end),
      newText: text,
    });
  };
  replace(command.install, "ci");
  command.words.forEach((word, index) => {
    const renamed = RENAMED_FLAGS[word.value];
    if (index > command.install && renamed) replace(index, renamed);
  });
  return edits;
}
