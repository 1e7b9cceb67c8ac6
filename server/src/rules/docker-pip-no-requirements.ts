import * as path from "node:path";
import type { ParsedFile } from "../engine/parse";
import type { Rule } from "../engine/rule";
import type { Fix, TextEdit } from "../engine/types";
import { normalizeName, parsePep508 } from "../languages/pep508";
import type { Workspace } from "../workspace/workspace";
import {
  hasOption,
  installArguments,
  pipInstalls,
  wordsRange,
  type InstallCommand,
} from "./shared/dockerInstalls";
import { copiedRequirements } from "./shared/dockerCopies";
import { stageChain } from "../languages/dockerSyntax";
import { appendLines } from "./shared/textFiles";

/** Packaging tools that images install for the build itself, not as app dependencies. */
const BUILD_TOOLS = new Set(
  [
    "pip",
    "setuptools",
    "wheel",
    "poetry",
    "poetry-core",
    "poetry-plugin-export",
    "pipenv",
    "uv",
    "pdm",
    "hatch",
    "hatchling",
    "pip-tools",
    "virtualenv",
    "build",
    "flit",
    "pipx",
  ].map(normalizeName),
);

/** `pip install flask gunicorn` in a Dockerfile declares dependencies nowhere else. */
export const rule: Rule = {
  meta: {
    id: "docker-pip-no-requirements",
    factors: [2],
    categories: ["startup", "parity"],
    severity: "warning",
    kinds: ["dockerfile"],
    fixable: true,
    handbook: "startup",
    title: {
      en: "pip installs packages named in the Dockerfile",
      zh: "Dockerfile 里直接 pip install 具名的包",
    },
    description: {
      en: "Packages installed by name in a Dockerfile are declared nowhere else: local runs, tests and CI do not get them, and without a pin every build may install a different version. Declare them in requirements.txt and install from it.",
      zh: "在 Dockerfile 里按名字安装的包没有在别处声明：本地运行、测试和 CI 都装不到；不锁版本时每次构建装到的版本都可能不同。把它们写进 requirements.txt，再从该文件安装。",
    },
  },

  check({ file, workspace, report }) {
    for (const command of pipInstalls(file)) {
      if (hasOption(command, "-r", "--requirement", "-c", "--constraint", "-e", "--editable"))
        continue;
      const packages = installArguments(command).filter((i) => isNamedPackage(command, i));
      if (packages.length === 0) continue;
      const names = packages.map((i) => command.words[i].value);
      const last = command.words.length - 1;
      report({
        range: wordsRange(file, command, 0, last),
        message: {
          en: `${names.join(", ")} ${names.length > 1 ? "are" : "is"} installed only in the image: no manifest declares ${names.length > 1 ? "them" : "it"}, so local runs and CI lack ${names.length > 1 ? "them" : "it"} and each build may pick a different version.`,
          zh: `${names.join("、")} 只在镜像里安装，没有任何依赖清单声明它，本地运行和 CI 都缺少它，且每次构建都可能装到不同版本。`,
        },
        fixes: fixFor(file, workspace, command, packages),
      });
    }
  },
};

function isNamedPackage(command: InstallCommand, index: number): boolean {
  const word = command.words[index];
  if (word.expands || word.glob) return false;
  const value = word.value;
  if (/^(\.|\/|~|[a-z][a-z0-9+.-]*:)/i.test(value) || /\.(whl|zip|tar\.gz|tgz)$/i.test(value))
    return false;
  const requirement = parsePep508(value);
  if (!requirement || requirement.url !== undefined) return false;
  return !BUILD_TOOLS.has(normalizeName(requirement.name));
}

/**
 * Moves the named packages into the requirements file of the build context (the Dockerfile's
 * folder) and installs from it, copying it into the image first when no COPY does.
 */
function fixFor(
  file: ParsedFile,
  workspace: Workspace,
  command: InstallCommand,
  packages: number[],
): Fix[] {
  const dir = path.dirname(file.path);
  const manifest = path.join(dir, "requirements.txt");
  const copied = copiedRequirements(file, command.instruction);
  const target = copied ?? "requirements.txt";
  const key = (line: string) => normalizeName(parsePep508(line)?.name ?? line.trim());
  const lines = packages.map((i) => command.words[i].value);

  const append = appendLines(workspace, manifest, lines, key);
  const title = {
    en: "Declare the packages in requirements.txt and install from it",
    zh: "在 requirements.txt 中声明这些包并从该文件安装",
  };
  const removal = installsAlready(file, command, target) && commandRemoval(file, command);
  const edits = removal ? [removal] : installEdits(file, command, packages, { copied, target });
  const changes = [{ file: file.path, edits }, ...(append ? [append] : [])];
  return [{ title, changes, preferred: true }];
}

/** Rewrites the command to install from the requirements file, copying it in when needed. */
function installEdits(
  file: ParsedFile,
  command: InstallCommand,
  packages: number[],
  options: { copied: string | undefined; target: string },
): TextEdit[] {
  const { copied, target } = options;
  // The insertion comes first: it shares its position with the first removal.
  const install = command.words[command.install];
  const at = file.source.positionAt(command.base + install.end);
  const edits: TextEdit[] = [{ range: { start: at, end: at }, newText: ` -r ${target}` }];
  for (const i of packages) {
    const previous = command.words[i - 1];
    edits.push({
      range: file.source.range(command.base + previous.end, command.base + command.words[i].end),
      newText: "",
    });
  }
  if (!copied) {
    const line = command.instruction.range.start;
    const start = { line: line.line, character: 0 };
    const indent = /^\s*/.exec(file.source.lineText(line.line))?.[0] ?? "";
    edits.push({
      range: { start, end: start },
      newText: `${indent}COPY requirements.txt .${file.source.eol}`,
    });
  }
  return edits;
}

/** Options that only change how this install runs, not where its packages come from. */
const HARMLESS_OPTIONS = new Set([
  "--no-cache-dir",
  "-U",
  "--upgrade",
  "-q",
  "--quiet",
  "-v",
  "--verbose",
  "--disable-pip-version-check",
  "--no-warn-script-location",
  "--no-compile",
  "--compile",
  "--root-user-action",
  "--progress-bar",
]);
const VALUED_OPTIONS = new Set(["--root-user-action", "--progress-bar"]);

const samePath = (a: string, b: string) => a.replace(/^\.\//, "") === b.replace(/^\.\//, "");

/**
 * Whether another install of the same stage chain already reads the requirements file, and this
 * command holds nothing else worth keeping: then the packages only need declaring there.
 */
function installsAlready(file: ParsedFile, command: InstallCommand, target: string): boolean {
  const docker = file.docker;
  if (!docker) return false;
  const stages = new Set(stageChain(docker, command.instruction.stage));
  const reads = pipInstalls(file).some(
    (other) =>
      other.words !== command.words &&
      stages.has(other.instruction.stage) &&
      other.words.some(
        (w, i) =>
          (w.value === "-r" || w.value === "--requirement") &&
          samePath(other.words[i + 1]?.value ?? "", target),
      ),
  );
  if (!reads) return false;
  const positional = new Set(installArguments(command));
  for (let i = command.install + 1; i < command.words.length; i++) {
    if (positional.has(i)) continue;
    const value = command.words[i].value;
    if (!HARMLESS_OPTIONS.has(value.split("=")[0].replace(/^-([qv])\1+$/, "-$1"))) return false;
    if (VALUED_OPTIONS.has(value)) i++;
  }
  return true;
}

/**
 * Removes a command: the whole RUN when it is alone there, else the command with the `&&` or
 * `;` that joins it to its neighbour. Undefined when it is joined in another way.
 */
function commandRemoval(file: ParsedFile, command: InstallCommand): TextEdit | undefined {
  const { siblings, base, instruction } = command;
  const index = siblings.findIndex((s) => s.words.includes(command.words[0]));
  const own = siblings[index];
  if (!own || own.redirected) return undefined;
  if (siblings.length === 1) {
    const start = { line: instruction.range.start.line, character: 0 };
    const next = instruction.range.end.line + 1;
    const end =
      next < file.source.lineCount
        ? { line: next, character: 0 }
        : file.source.positionAt(file.source.text.length);
    return { range: { start, end }, newText: "" };
  }
  const joins = (op: string | undefined) => op === "&&" || op === ";";
  const first = own.words[0].start;
  const last = own.words[own.words.length - 1].end;
  const next = siblings[index + 1];
  if (index === siblings.length - 1 && joins(own.after)) {
    const previous = siblings[index - 1];
    const from = previous.words[previous.words.length - 1]?.end;
    if (previous.redirected || from === undefined) return undefined;
    return { range: file.source.range(base + from, base + last), newText: "" };
  }
  if (next && joins(next.after) && (index === 0 || joins(own.after))) {
    return { range: file.source.range(base + first, base + next.words[0].start), newText: "" };
  }
  return undefined;
}
