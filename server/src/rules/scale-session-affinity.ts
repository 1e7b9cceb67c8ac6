import { isMap } from "yaml";
import { kubeObjects } from "../languages/kubernetes";
import { nodeOffsets, scalarString } from "../languages/yamlFile";
import type { Rule } from "../engine/rule";

/** A Service that pins each client to one pod defeats scaling out. */
export const rule: Rule = {
  meta: {
    id: "scale-session-affinity",
    factors: [6, 8],
    categories: ["scaling", "data-loss"],
    severity: "warning",
    kinds: ["kubernetes"],
    fixable: true,
    handbook: "scaling",
    title: {
      en: "Service pins clients to one pod (sessionAffinity: ClientIP)",
      zh: "Service 把客户端固定到单个 Pod（sessionAffinity: ClientIP）",
    },
    description: {
      en: "Session affinity hides in-process state: new replicas get no traffic from existing clients and a pod restart still logs its users out. Keep state in a backing service and let the Service balance freely.",
      zh: "会话亲和性掩盖了进程内状态：新副本接不到已有客户端的流量，Pod 重启后用户照样掉线。把状态放到后端服务中，让 Service 自由负载均衡。",
    },
  },

  check({ file, report }) {
    if (!file.yaml) return;
    for (const object of kubeObjects(file.yaml)) {
      if (object.kind !== "Service") continue;
      const spec = object.node.get("spec", true);
      if (!isMap(spec)) continue;
      const value = spec.get("sessionAffinity", true);
      if (scalarString(value) !== "ClientIP" || !value) continue;
      const [start, end] = nodeOffsets(value);
      const range = file.source.range(start, end);
      report({
        range,
        message: {
          en: `Service "${object.name}" sends each client to the same pod, so adding replicas does not spread existing load and a restarted pod still drops its users' sessions.`,
          zh: `Service "${object.name}" 将每个客户端固定到同一个 Pod：增加副本无法分担已有负载，Pod 重启仍会丢失用户会话。`,
        },
        fixes: [
          {
            title: { en: "Set sessionAffinity: None", zh: "改为 sessionAffinity: None" },
            changes: [{ file: file.path, edits: [{ range, newText: "None" }] }],
            preferred: true,
          },
        ],
      });
    }
  },
};
