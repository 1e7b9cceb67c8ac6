import type { Rule, RuleContext } from "../engine/rule";
import type { Localized } from "../engine/types";
import type { DockerFile } from "../languages/dockerfile";
import {
  baseImage,
  effectiveUser,
  isRootUser,
  stageFroms,
  stageInstructions,
  userOf,
} from "../languages/dockerSyntax";
import type { Node } from "yaml";
import { containersOf, kubeObjects, type KubeContainer } from "../languages/kubernetes";
import type { YamlFile } from "../languages/yamlFile";
import {
  chownEdits,
  copyOwner,
  existingUser,
  imageFamily,
  placeUserLines,
  runsAsNonRootByDefault,
  userLines,
} from "./shared/dockerUser";
import { containerAnchor, containerName, rangeOf } from "./shared/kubeWorkloads";
import { nonRootEdits, rootCause, type RootCause } from "./shared/kubeSecurity";

/** A process running as root turns any bug in the app into root in the container. */
export const rule: Rule = {
  meta: {
    id: "container-root",
    factors: [3],
    categories: ["security"],
    severity: "warning",
    kinds: ["dockerfile", "kubernetes"],
    fixable: true,
    handbook: "security",
    title: { en: "Container runs as root", zh: "容器以 root 用户运行" },
    description: {
      en: "An image whose final stage never switches to a non-root USER, or a Kubernetes container that is privileged, runs as uid 0 or does not require runAsNonRoot, runs the app as root: a compromised app owns the container and is one kernel bug away from the node.",
      zh: "镜像的最终阶段从未切换到非 root 的 USER，或 Kubernetes 容器为 privileged、以 uid 0 运行或未要求 runAsNonRoot，应用就以 root 身份运行：应用一旦被攻破，攻击者就掌控整个容器，离宿主节点只差一个内核漏洞。",
    },
  },

  check(context) {
    const { docker, yaml, kind } = context.file;
    if (docker) checkDockerfile(context, docker);
    else if (yaml && kind === "kubernetes") checkKubernetes(context, yaml);
  },
};

function checkDockerfile(context: RuleContext, docker: DockerFile): void {
  const final = docker.stageCount - 1;
  if (final < 0) return;
  const from = stageFroms(docker)[final];
  if (!from) return;
  const user = effectiveUser(docker, final);
  if (user) {
    const name = userOf(user.args);
    if (!isRootUser(name)) return;
  } else if (runsAsNonRootByDefault(baseImage(docker, final) ?? "")) return;

  const stage = stageInstructions(docker, final);
  const rootUser = user && user.stage === final ? user : undefined;
  const lines = userLines(imageFamily(baseImage(docker, final)), existingUser(docker, final));
  const family = imageFamily(baseImage(docker, final));
  const owner = copyOwner(family, lines);
  const edits = [
    ...(owner ? chownEdits(context.file.source, stage, owner) : []),
    ...placeUserLines({ source: context.file.source, stage, rootUser }, lines),
  ];
  const switchTo = lines[lines.length - 1];
  context.report({
    range: rootUser ? rootUser.range : from.instruction.range,
    message: rootUser ? ROOT_USER_MESSAGE : NO_USER_MESSAGE,
    fixes: [
      {
        title: {
          en: `Run as a non-root user (${switchTo})`,
          zh: `以非 root 用户运行（${switchTo}）`,
        },
        changes: [{ file: context.file.path, edits }],
        preferred: true,
      },
    ],
  });
}

const NO_USER_MESSAGE: Localized = {
  en: "The final stage never switches to a non-root USER, so the app runs as root: any remote-code bug in it gets root in the container and an easier path to the node.",
  zh: "最终阶段从未切换到非 root 的 USER，应用以 root 运行：应用中任何远程代码执行漏洞都会拿到容器内的 root 权限，更容易逃逸到节点。",
};

const ROOT_USER_MESSAGE: Localized = {
  en: "The last USER of the final stage is root, so the app runs as root: any remote-code bug in it gets root in the container and an easier path to the node.",
  zh: "最终阶段的最后一个 USER 是 root，应用以 root 运行：应用中任何远程代码执行漏洞都会拿到容器内的 root 权限，更容易逃逸到节点。",
};

function checkKubernetes(context: RuleContext, yaml: YamlFile): void {
  const file = context.file;
  for (const object of kubeObjects(yaml)) {
    for (const container of containersOf(object)) {
      const cause = rootCause(file, container);
      if (!cause) continue;
      const fix = nonRootEdits(file, object, container);
      const uid = fix?.uid === undefined ? "" : ` (uid ${fix.uid})`;
      const zhUid = fix?.uid === undefined ? "" : `（uid ${fix.uid}）`;
      context.report({
        range: rangeOf(file, ownCause(container, cause) ?? containerAnchor(container)),
        message: kubeMessage(containerName(container), cause),
        fixes: fix
          ? [
              {
                title: {
                  en: `Require a non-root user${uid}`,
                  zh: `要求以非 root 用户运行${zhUid}`,
                },
                changes: [{ file: file.path, edits: fix.edits }],
                preferred: true,
              },
            ]
          : [],
      });
    }
  }
}

/** The value behind the cause when it sits in the container itself, not in the pod. */
function ownCause(container: KubeContainer, cause: RootCause): Node | undefined {
  const [start, end] = container.node.range ?? [0, 0];
  const at = cause.node?.range?.[0] ?? -1;
  return at >= start && at < end ? cause.node : undefined;
}

function kubeMessage(name: string, cause: RootCause): Localized {
  const who = name ? `Container "${name}"` : "The container";
  const zhWho = name ? `容器 "${name}"` : "该容器";
  switch (cause.kind) {
    case "privileged":
      return {
        en: `${who} is privileged: it sees every device of the node and can undo its isolation, so a bug in the app is root on the node.`,
        zh: `${zhWho} 是特权容器：它能访问节点的所有设备并解除隔离，应用中的漏洞就等于节点上的 root。`,
      };
    case "run-as-root":
      return {
        en: `${who} runs with runAsUser: 0 (root): a remote-code bug in the app gets root in the container and an easier path to the node.`,
        zh: `${zhWho} 设置了 runAsUser: 0（root）：应用中的远程代码执行漏洞会拿到容器内的 root 权限，更容易逃逸到节点。`,
      };
    case "non-root-off":
      return {
        en: `${who} sets runAsNonRoot: false, so it runs as the image's user, root for most images: a bug in the app gets root in the container.`,
        zh: `${zhWho} 设置了 runAsNonRoot: false，将以镜像的默认用户运行（多数镜像是 root）：应用中的漏洞会拿到容器内的 root 权限。`,
      };
    default:
      return {
        en: `${who} may run as root: neither it nor the pod sets runAsNonRoot: true, so the image's default user (root for most images) is used and a bug in the app gets root in the container.`,
        zh: `${zhWho} 可能以 root 运行：容器和 Pod 都没有设置 runAsNonRoot: true，将使用镜像的默认用户（多数镜像是 root），应用中的漏洞会拿到容器内的 root 权限。`,
      };
  }
}
