import { isMap, type Node, type YAMLMap } from "yaml";
import type { Rule } from "../engine/rule";
import type { Fix, TextEdit } from "../engine/types";
import { containersOf, kubeObjects, type KubeContainer } from "../languages/kubernetes";
import { scalarString } from "../languages/yamlFile";
import { isTemplated, mapItems } from "../languages/yamlSyntax";
import { addRequestsEdit, namespaceDefaults, requestState } from "./shared/kubeResources";
import type { ResourceName } from "./shared/kubeResources";
import {
  containerName,
  containerRelated,
  isUnknownBlock,
  namespaceOf,
  rangeOf,
  scaleTargetOf,
  targets,
  workspaceObjects,
  type KubeEntry,
} from "./shared/kubeWorkloads";
import { yamlEditor } from "./shared/yamlEdits";

/** A resource whose utilisation an autoscaler reads, measured against the request. */
interface Need {
  resource: ResourceName;
  /** A ContainerResource metric reads one container only. */
  container?: string;
  anchor: Node;
}

const SCALABLE = new Set(["Deployment", "StatefulSet", "ReplicaSet"]);
const asResource = (name: string | undefined): ResourceName | undefined =>
  name === "cpu" || name === "memory" ? name : undefined;

function metricNeed(metric: YAMLMap): Need | undefined {
  const type = scalarString(metric.get("type", true));
  const key =
    type === "Resource" ? "resource" : type === "ContainerResource" ? "containerResource" : "";
  const source = key ? metric.get(key, true) : undefined;
  if (!isMap(source)) return undefined;
  const resource = asResource(scalarString(source.get("name", true)));
  const target = source.get("target", true);
  const utilization =
    (isMap(target) && scalarString(target.get("type", true)) === "Utilization") ||
    source.has("targetAverageUtilization");
  if (!resource || !utilization) return undefined;
  const container = scalarString(source.get("container", true));
  return { resource, container, anchor: source.get("name", true) as Node };
}

function hpaNeeds(entry: KubeEntry): Need[] {
  const spec = entry.object.node.get("spec", true);
  if (!isMap(spec) || isUnknownBlock(entry.file, spec)) return [];
  const percentage = spec.get("targetCPUUtilizationPercentage", true);
  if (percentage !== undefined) {
    const key = spec.items.find((p) => p.value === percentage)?.key as Node;
    return [{ resource: "cpu", anchor: key }];
  }
  const metrics = spec.get("metrics", true);
  if (metrics === undefined || mapItems(metrics).length === 0) {
    if (isTemplated(entry.file.source, metrics)) return [];
    const ref = spec.get("scaleTargetRef", true);
    const name = isMap(ref) ? (ref.get("name", true) as Node | undefined) : undefined;
    return name ? [{ resource: "cpu", anchor: name }] : [];
  }
  return mapItems(metrics).flatMap((m) => metricNeed(m) ?? []);
}

/** KEDA's cpu and memory scalers also divide usage by the request. */
function kedaNeeds(entry: KubeEntry): Need[] {
  const spec = entry.object.node.get("spec", true);
  const triggers = isMap(spec) ? mapItems(spec.get("triggers", true)) : [];
  return triggers.flatMap((trigger) => {
    const resource = asResource(scalarString(trigger.get("type", true)));
    const metricType = scalarString(trigger.get("metricType", true)) ?? "Utilization";
    if (!resource || metricType !== "Utilization") return [];
    return [{ resource, anchor: trigger.get("type", true) as Node }];
  });
}

/** Containers of the target that a need reads and that lack the request. */
function lacking(target: KubeEntry, need: Need, entries: KubeEntry[]): KubeContainer[] | undefined {
  const defaults = namespaceDefaults(entries, namespaceOf(target.object));
  if (defaults.has(need.resource)) return [];
  const result: KubeContainer[] = [];
  for (const container of containersOf(target.object)) {
    const sidecar = scalarString(container.node.get("restartPolicy", true)) === "Always";
    if (container.init && !sidecar) continue;
    if (need.container && containerName(container) !== need.container) continue;
    if (isUnknownBlock(target.file, container.node)) return undefined;
    const state = requestState(target.file, container.node, [need.resource]);
    if (state.unknown) return undefined;
    if (state.missing.length > 0) result.push(container);
  }
  return result;
}

function requestFix(target: KubeEntry, containers: KubeContainer[], need: Need): Fix[] {
  if (target.file.yaml?.helm) return [];
  const editor = yamlEditor(target.file.source);
  const edits = containers.map((c) => addRequestsEdit(editor, c.node, [need.resource]));
  if (edits.some((e) => !e)) return [];
  return [
    {
      title: {
        en: `Add a ${need.resource} request to ${target.object.kind} "${target.object.name}"`,
        zh: `为 ${target.object.kind} "${target.object.name}" 添加 ${need.resource} request`,
      },
      changes: [{ file: target.file.path, edits: edits as TextEdit[] }],
      preferred: true,
    },
  ];
}

/** An autoscaler on utilisation whose target has no request to measure against. */
export const rule: Rule = {
  meta: {
    id: "hpa-target-no-cpu-request",
    factors: [8],
    categories: ["scaling", "performance"],
    severity: "error",
    kinds: ["kubernetes"],
    fixable: true,
    handbook: "scaling",
    title: {
      en: "Autoscaler on CPU/memory utilisation, target without the request",
      zh: "按 CPU/内存利用率扩缩，但目标未设置相应 request",
    },
    description: {
      en: "Utilisation is usage divided by the request. When a container of the target has no request, the HPA reports <unknown> and never scales, however high the load.",
      zh: "利用率等于用量除以 request。目标中有容器没有 request 时，HPA 显示 <unknown>，无论负载多高都不会扩容。",
    },
  },

  check(context) {
    const { file, report } = context;
    if (!file.yaml) return;
    const own = kubeObjects(file.yaml).filter((o) =>
      ["HorizontalPodAutoscaler", "ScaledObject"].includes(o.kind),
    );
    if (own.length === 0) return;
    const entries = workspaceObjects(context);

    for (const object of own) {
      const entry = { file, object };
      const target = scaleTargetOf(entry);
      const found =
        target && entries.find((e) => SCALABLE.has(e.object.kind) && targets(target, e.object));
      if (!found) continue;
      const needs = object.kind === "ScaledObject" ? kedaNeeds(entry) : hpaNeeds(entry);
      for (const need of needs) {
        const containers = lacking(found, need, entries);
        if (!containers || containers.length === 0 || !need.anchor?.range) continue;
        const names = containers.map(containerName).join(", ");
        const what = need.resource === "cpu" ? "CPU" : "memory";
        report({
          range: rangeOf(file, need.anchor),
          message: {
            en: `${object.kind} "${object.name}" scales ${found.object.kind} "${found.object.name}" on ${what} utilisation, but container ${names} has no ${what} request: utilisation is measured against the request, so the autoscaler reports <unknown> and never scales.`,
            zh: `${object.kind} "${object.name}" 按 ${what === "CPU" ? "CPU" : "内存"}利用率扩缩 ${found.object.kind} "${found.object.name}"，但容器 ${names} 没有对应的 request：利用率以 request 为基准，自动扩缩会显示 <unknown> 且永不扩容。`,
          },
          fixes: requestFix(found, containers, need),
          related: containers.map((c) =>
            containerRelated(found, c, {
              en: `container without a ${need.resource} request`,
              zh: `未设置 ${need.resource} request 的容器`,
            }),
          ),
        });
      }
    }
  },
};
