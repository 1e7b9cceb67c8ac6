import type { Rule } from "../engine/rule";
import type { Fix, Localized } from "../engine/types";
import { containersOf, kubeObjects } from "../languages/kubernetes";
import {
  DEFAULT_REQUESTS,
  addRequestsEdit,
  namespaceDefaults,
  requestState,
} from "./shared/kubeResources";
import type { ResourceName } from "./shared/kubeResources";
import {
  containerAnchor,
  containerName,
  isUnknownBlock,
  namespaceOf,
  rangeOf,
  workspaceObjects,
} from "./shared/kubeWorkloads";
import { yamlEditor } from "./shared/yamlEdits";

const LABELS: Record<ResourceName, Localized> = {
  cpu: { en: "CPU", zh: "CPU" },
  memory: { en: "memory", zh: "内存" },
};

function describeMissing(missing: ResourceName[]): Localized {
  return {
    en: missing.map((m) => LABELS[m].en).join(" or "),
    zh: missing.map((m) => LABELS[m].zh).join("或"),
  };
}

/** A container the scheduler cannot size: it lands on full nodes and is evicted first. */
export const rule: Rule = {
  meta: {
    id: "k8s-no-resources",
    factors: [8],
    categories: ["performance", "scaling"],
    severity: "warning",
    kinds: ["kubernetes"],
    fixable: true,
    handbook: "performance",
    title: {
      en: "Container without CPU/memory requests",
      zh: "容器没有设置 CPU/内存 requests",
    },
    description: {
      en: "Without resource requests the scheduler places pods blindly: they share overloaded nodes, are throttled and evicted first under pressure, and an HPA has nothing to compute utilisation against.",
      zh: "没有资源 requests 时调度器无法合理放置 Pod：它们挤在过载节点上，在资源紧张时最先被限流和驱逐，HPA 也无法据此计算利用率。",
    },
  },

  check(context) {
    const { file, report } = context;
    if (!file.yaml) return;
    const objects = kubeObjects(file.yaml);
    if (!objects.some((o) => containersOf(o).length > 0)) return;
    const entries = workspaceObjects(context);
    const editor = yamlEditor(file.source);

    for (const object of objects) {
      const defaults = namespaceDefaults(entries, namespaceOf(object));
      for (const container of containersOf(object)) {
        if (container.init || isUnknownBlock(file, container.node)) continue;
        const state = requestState(file, container.node);
        const missing = state.missing.filter((m) => !defaults.has(m));
        if (state.unknown || missing.length === 0) continue;

        const name = containerName(container);
        const what = describeMissing(missing);
        const edit = file.yaml.helm ? undefined : addRequestsEdit(editor, container.node, missing);
        const figures = missing.map((m) => `${m} ${DEFAULT_REQUESTS[m]}`).join(", ");
        const fixes: Fix[] = edit
          ? [
              {
                title: {
                  en: `Add resource requests (${figures})`,
                  zh: `添加资源 requests（${figures}）`,
                },
                changes: [{ file: file.path, edits: [edit] }],
                preferred: true,
              },
            ]
          : [];
        report({
          range: rangeOf(file, containerAnchor(container)),
          message: {
            en: `Container "${name}" of ${object.kind} "${object.name}" has no ${what.en} request: the scheduler may put it on a node that is already full, where it is throttled or evicted first under load, and an autoscaler cannot compute its utilisation.`,
            zh: `${object.kind} "${object.name}" 的容器 "${name}" 没有 ${what.zh} request：调度器可能把它放到已满的节点上，负载高时最先被限流或驱逐，自动扩缩也无法计算其利用率。`,
          },
          fixes,
        });
      }
    }
  },
};
