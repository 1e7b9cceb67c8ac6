import type { ParsedFile } from "../engine/parse";
import type { Rule } from "../engine/rule";
import { dockerProperties, stageChain } from "../languages/dockerSyntax";
import {
  hasOption,
  mountFlags,
  pipInstalls,
  wordsRange,
  type InstallCommand,
} from "./shared/dockerInstalls";

/** `pip install` keeps its download cache in the image layer unless told not to. */
export const rule: Rule = {
  meta: {
    id: "docker-pip-cache",
    factors: [2, 5],
    categories: ["performance"],
    severity: "info",
    kinds: ["dockerfile"],
    fixable: true,
    handbook: "startup",
    title: {
      en: "pip install keeps its cache in the image",
      zh: "pip install 把缓存留在镜像里",
    },
    description: {
      en: "Without --no-cache-dir, pip stores every downloaded wheel under /root/.cache/pip inside the layer. The image grows by the size of the dependencies again, so pulls on new nodes and scale-out take longer.",
      zh: "不加 --no-cache-dir 时，pip 会把下载的每个 wheel 存进镜像层的 /root/.cache/pip。镜像因此再大出一份依赖的体积，新节点拉取镜像和扩容都会变慢。",
    },
  },

  check({ file, report }) {
    const docker = file.docker;
    if (!docker || docker.stageCount === 0) return;
    const shipped = new Set(stageChain(docker, docker.stageCount - 1));
    for (const command of pipInstalls(file)) {
      if (!shipped.has(command.instruction.stage) || cacheHandled(file, command)) continue;
      const install = command.words[command.install];
      report({
        range: wordsRange(file, command, 0, command.install),
        message: {
          en: "pip keeps the downloaded packages in this layer, so the shipped image carries a second copy of every dependency and takes longer to pull on each new node.",
          zh: "pip 把下载的包留在这一层里，交付的镜像多带一份全部依赖，每个新节点拉取都更慢。",
        },
        fixes: [
          {
            title: { en: "Add --no-cache-dir", zh: "添加 --no-cache-dir" },
            changes: [
              {
                file: file.path,
                edits: [
                  {
                    range: file.source.range(
                      command.base + install.end,
                      command.base + install.end,
                    ),
                    newText: " --no-cache-dir",
                  },
                ],
              },
            ],
            preferred: true,
          },
        ],
      });
    }
  },
};

function cacheHandled(file: ParsedFile, command: InstallCommand): boolean {
  if (hasOption(command, "--no-cache-dir", "--cache-dir")) return true;
  if (command.assignments.includes("PIP_NO_CACHE_DIR")) return true;
  if (mountFlags(command.instruction).some((m) => /(^|,)type=cache(,|$)/.test(m))) return true;
  if (envBefore(file, command)) return true;
  return command.siblings.some((sibling) => {
    const words = sibling.words.map((w) => w.value);
    if (words[0] === "export" && words.some((w) => w.startsWith("PIP_NO_CACHE_DIR="))) return true;
    if (/^pip\d*(\.\d+)?$/.test(words[0] ?? "") && words[1] === "cache") return true;
    return words[0] === "rm" && words.some((w) => /\.cache(\/pip)?\/?$/.test(w));
  });
}

/** `ENV PIP_NO_CACHE_DIR` (or an `ARG` default) anywhere above the RUN. */
function envBefore(file: ParsedFile, command: InstallCommand): boolean {
  const line = command.instruction.range.start.line;
  return (file.docker?.instructions ?? []).some(
    (i) =>
      (i.keyword === "ENV" || i.keyword === "ARG") &&
      i.range.start.line < line &&
      dockerProperties(i).some((p) => p.name === "PIP_NO_CACHE_DIR" && p.value !== undefined),
  );
}
