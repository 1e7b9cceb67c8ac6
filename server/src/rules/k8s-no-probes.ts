import { isMap, type YAMLMap } from "yaml";
import type { ParsedFile } from "../engine/parse";
import type { Rule } from "../engine/rule";
import type { Fix } from "../engine/types";
import { containersOf, kubeObjects } from "../languages/kubernetes";
import { scalarString } from "../languages/yamlFile";
import { isTemplated, mapItems } from "../languages/yamlSyntax";
import { containerAnchor, containerName, isUnknownBlock, rangeOf } from "./shared/kubeWorkloads";
import { addPairs, yamlEditor, type YamlValue } from "./shared/yamlEdits";

type ProbeKey = "readinessProbe" | "livenessProbe";

const PROBES: readonly ProbeKey[] = ["readinessProbe", "livenessProbe"];
const HANDLERS = ["httpGet", "tcpSocket", "exec", "grpc"];
const WORKLOADS = new Set(["Deployment", "StatefulSet"]);

/** Seconds a new liveness probe waits, so a slow start is not mistaken for a hang. */
const LIVENESS_DELAY = 30;

function hasProbe(file: ParsedFile, container: YAMLMap, key: ProbeKey): boolean {
  const probe = container.get(key, true);
  return isMap(probe) || isTemplated(file.source, probe);
}

/** The check an existing probe runs, to reuse it for the missing one. */
function existingHandler(container: YAMLMap): Record<string, YamlValue> | undefined {
  for (const key of PROBES) {
    const probe = container.get(key, true);
    if (!isMap(probe)) continue;
    const handler = HANDLERS.find((h) => probe.has(h));
    if (handler) return { [handler]: probe.toJSON()[handler] as YamlValue };
  }
  return undefined;
}

/** A TCP check on the container's first port (by name when it has one). */
function portHandler(file: ParsedFile, container: YAMLMap): Record<string, YamlValue> | undefined {
  const port = mapItems(container.get("ports", true)).find((p) => p.has("containerPort"));
  if (!port || isTemplated(file.source, port.get("containerPort", true))) return undefined;
  const name = scalarString(port.get("name", true));
  const number = Number(scalarString(port.get("containerPort", true)));
  if (!name && !Number.isInteger(number)) return undefined;
  return { tcpSocket: { port: name ?? number } };
}

function probeFix(file: ParsedFile, container: YAMLMap, missing: ProbeKey[]): Fix[] {
  if (file.yaml?.helm) return [];
  const handler = existingHandler(container) ?? portHandler(file, container);
  if (!handler) return [];
  const entries: Record<string, YamlValue> = {};
  for (const key of missing) {
    entries[key] =
      key === "livenessProbe" ? { ...handler, initialDelaySeconds: LIVENESS_DELAY } : handler;
  }
  const edit = addPairs(yamlEditor(file.source), container, entries);
  if (!edit) return [];
  return [
    {
      title: {
        en: `Add ${missing.join(" and ")}`,
        zh: `添加 ${missing.join(" 和 ")}`,
      },
      changes: [{ file: file.path, edits: [edit] }],
      preferred: true,
    },
  ];
}

const CONSEQUENCE = {
  readinessProbe: {
    en: "no readiness probe, so Kubernetes routes traffic to it before it can answer and rolling updates drop requests",
    zh: "没有 readiness 探针：在它能响应之前 Kubernetes 就会转发流量，滚动更新时请求会失败",
  },
  livenessProbe: {
    en: "no liveness probe, so a hung process keeps its pod and is never restarted",
    zh: "没有 liveness 探针：进程卡死后 Pod 不会被重启",
  },
};

/** A long-running container without health checks is neither disposable nor safely rolled. */
export const rule: Rule = {
  meta: {
    id: "k8s-no-probes",
    factors: [9],
    categories: ["startup", "performance"],
    severity: "warning",
    kinds: ["kubernetes"],
    fixable: true,
    handbook: "performance",
    title: {
      en: "Deployment/StatefulSet container without readiness or liveness probe",
      zh: "Deployment/StatefulSet 容器缺少 readiness 或 liveness 探针",
    },
    description: {
      en: "Without a readiness probe, new pods get traffic before they are ready and rollouts drop requests; without a liveness probe, a hung process is never restarted.",
      zh: "没有 readiness 探针，新 Pod 在就绪前就接收流量，发布时丢请求；没有 liveness 探针，卡死的进程永远不会被重启。",
    },
  },

  check({ file, report }) {
    if (!file.yaml) return;
    for (const object of kubeObjects(file.yaml)) {
      if (!WORKLOADS.has(object.kind)) continue;
      for (const container of containersOf(object)) {
        if (container.init || isUnknownBlock(file, container.node)) continue;
        const missing = PROBES.filter((key) => !hasProbe(file, container.node, key));
        if (missing.length === 0) continue;
        const name = containerName(container);
        const fixes = probeFix(file, container.node, missing);
        const how = fixes.length
          ? { en: "", zh: "" }
          : {
              en: " Add an httpGet, tcpSocket or exec probe by hand: no container port is declared to check.",
              zh: " 请手动添加 httpGet、tcpSocket 或 exec 探针：容器没有声明可检查的端口。",
            };
        report({
          range: rangeOf(file, containerAnchor(container)),
          message: {
            en: `Container "${name}" of ${object.kind} "${object.name}" has ${missing.map((m) => CONSEQUENCE[m].en).join("; and ")}.${how.en}`,
            zh: `${object.kind} "${object.name}" 的容器 "${name}" ${missing.map((m) => CONSEQUENCE[m].zh).join("；")}。${how.zh}`,
          },
          fixes,
        });
      }
    }
  },
};
