import { isMap, isScalar, type Node, type YAMLMap } from "yaml";
import type { ParsedFile } from "../engine/parse";
import type { Rule } from "../engine/rule";
import type { Fix, Localized } from "../engine/types";
import { kubeObjects, podSpec, type KubeObject } from "../languages/kubernetes";
import { isTemplated, mapItems } from "../languages/yamlSyntax";
import {
  rangeOf,
  scaleTargetOf,
  targets,
  workspaceObjects,
  type KubeEntry,
} from "./shared/kubeWorkloads";
import { insertFirstPairs, replaceNode, yamlEditor } from "./shared/yamlEdits";

/** Replicas a fix sets: enough to survive a node drain or a rollout. */
const SAFE_REPLICAS = 2;

function isAutoscaled(object: KubeObject, file: ParsedFile, entries: KubeEntry[]): boolean {
  const metadata = object.node.get("metadata", true);
  const nameUnknown = isMap(metadata) && isTemplated(file.source, metadata.get("name", true));
  return entries.some((entry) => {
    const target = scaleTargetOf(entry);
    if (target) return targets(target, object);
    return nameUnknown && ["HorizontalPodAutoscaler", "ScaledObject"].includes(entry.object.kind);
  });
}

/** A claim mounted by every replica: a second replica may not attach a ReadWriteOnce volume. */
function mountsClaim(object: KubeObject): boolean {
  const pod = podSpec(object);
  return mapItems(pod?.get("volumes", true)).some((v) => v.has("persistentVolumeClaim"));
}

function anchor(object: KubeObject, spec: YAMLMap): Node {
  const replicas = spec.get("replicas", true) as Node | undefined;
  if (replicas?.range) return replicas;
  const metadata = object.node.get("metadata", true);
  const name = isMap(metadata) ? (metadata.get("name", true) as Node | undefined) : undefined;
  return name?.range ? name : (object.node.get("kind", true) as Node);
}

function replicaFix(file: ParsedFile, spec: YAMLMap, object: KubeObject): Fix[] {
  if (mountsClaim(object)) return [];
  const editor = yamlEditor(file.source);
  const replicas = spec.get("replicas", true);
  const edit = isScalar(replicas)
    ? replaceNode(editor, replicas, String(SAFE_REPLICAS))
    : file.yaml?.helm
      ? undefined
      : insertFirstPairs(editor, spec, { replicas: SAFE_REPLICAS });
  if (!edit) return [];
  return [
    {
      title: { en: `Run ${SAFE_REPLICAS} replicas`, zh: `运行 ${SAFE_REPLICAS} 个副本` },
      changes: [{ file: file.path, edits: [edit] }],
      preferred: true,
    },
  ];
}

const CLAIM_NOTE: Localized = {
  en: " Its pods mount a persistent volume claim, which a second replica may not be able to attach (ReadWriteOnce): move that state out or use a StatefulSet before adding replicas.",
  zh: " 它的 Pod 挂载了持久卷声明，第二个副本可能无法挂载（ReadWriteOnce）：请先把这部分状态移出或改用 StatefulSet，再增加副本。",
};

/** One pod is one failure away from an outage, and scale-out needs a manual edit. */
export const rule: Rule = {
  meta: {
    id: "k8s-single-replica",
    factors: [8, 9],
    categories: ["scaling", "startup"],
    severity: "warning",
    kinds: ["kubernetes"],
    fixable: true,
    handbook: "scaling",
    title: {
      en: "Deployment with a single replica and no autoscaler",
      zh: "Deployment 只有一个副本且没有自动扩缩",
    },
    description: {
      en: "A Deployment with one replica and no HorizontalPodAutoscaler goes down on every node drain, eviction or crash, and cannot absorb load without a manual edit.",
      zh: "只有一个副本且没有 HPA 的 Deployment 会在每次节点排空、驱逐或崩溃时中断服务，负载升高时也只能手动扩容。",
    },
  },

  check(context) {
    const { file, report } = context;
    if (!file.yaml) return;
    const deployments = kubeObjects(file.yaml).filter((o) => o.kind === "Deployment");
    if (deployments.length === 0) return;
    const entries = workspaceObjects(context);

    for (const object of deployments) {
      const spec = object.node.get("spec", true);
      if (!isMap(spec)) continue;
      const replicas = spec.get("replicas", true);
      if (isTemplated(file.source, replicas)) continue;
      if (replicas === undefined && file.yaml.helm) continue;
      if (replicas !== undefined && (!isScalar(replicas) || Number(replicas.value) !== 1)) continue;
      if (isAutoscaled(object, file, entries)) continue;

      const claim = mountsClaim(object);
      report({
        range: rangeOf(file, anchor(object, spec)),
        message: {
          en: `Deployment "${object.name}" runs a single replica and no autoscaler targets it: a node drain, rollout or crash takes the service down, and more load needs a manual edit.${claim ? CLAIM_NOTE.en : ""}`,
          zh: `Deployment "${object.name}" 只运行一个副本且没有自动扩缩：节点排空、发布或崩溃都会让服务中断，负载上升也只能手动修改。${claim ? CLAIM_NOTE.zh : ""}`,
        },
        fixes: replicaFix(file, spec, object),
      });
    }
  },
};
