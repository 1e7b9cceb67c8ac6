import type { Node, YAMLMap } from "yaml";
import type { Rule } from "../engine/rule";
import type { Localized } from "../engine/types";
import { containersOf, kubeObjects } from "../languages/kubernetes";
import { scalarString } from "../languages/yamlFile";
import { mapItems } from "../languages/yamlSyntax";
import { rangeOf } from "./shared/kubeWorkloads";

/** Path segments where user data lives. */
const STATE_WORDS = [
  "uploads?",
  "media",
  "sessions?",
  "data",
  "files?",
  "storage",
  "attachments?",
  "avatars?",
  "documents?",
  "userdata",
  "user[-_]?content",
  "db",
  "database",
  "sqlite",
  "state",
  "persistent",
];
const STATE_SEGMENT = new RegExp(`^(${STATE_WORDS.join("|")})$`, "i");

/** Path segments of scratch space, caches, sockets and logs: losing them loses nothing. */
const SCRATCH_SEGMENT = /^(\.?cache[s]?|tmp|temp|run|shm|logs?|sock(et)?s?|scratch|buffers?)$/i;

/** Long-running workloads; Jobs use scratch space by design and DaemonSets read their node. */
const WORKLOADS = new Set([
  "Deployment",
  "StatefulSet",
  "ReplicaSet",
  "ReplicationController",
  "Pod",
]);

type Ephemeral = "emptyDir" | "hostPath";

function ephemeralVolumes(pod: YAMLMap): Map<string, Ephemeral> {
  const volumes = new Map<string, Ephemeral>();
  for (const volume of mapItems(pod.get("volumes", true))) {
    const name = scalarString(volume.get("name", true));
    const type = (["emptyDir", "hostPath"] as const).find((t) => volume.has(t));
    if (name && type) volumes.set(name, type);
  }
  return volumes;
}

export function holdsState(mountPath: string): boolean {
  const segments = mountPath.split("/").filter(Boolean);
  if (segments.some((s) => SCRATCH_SEGMENT.test(s))) return false;
  return segments.some((s) => STATE_SEGMENT.test(s));
}

const LOSS: Record<Ephemeral, Localized> = {
  emptyDir: {
    en: "an emptyDir, which is deleted with the pod: files written there are lost on every restart, rollout or reschedule, and other replicas never see them",
    zh: "emptyDir，它随 Pod 一起删除：写入的文件在每次重启、发布或重新调度时丢失，其他副本也看不到",
  },
  hostPath: {
    en: "a hostPath, which stays on one node: a replica or a rescheduled pod on another node does not see the files",
    zh: "hostPath，只存在于单个节点：其他节点上的副本或重新调度的 Pod 看不到这些文件",
  },
};

/** User data on pod-local or node-local disk is lost on the next reschedule. */
export const rule: Rule = {
  meta: {
    id: "k8s-emptydir-state",
    factors: [6],
    categories: ["data-loss", "scaling"],
    severity: "warning",
    kinds: ["kubernetes"],
    fixable: false,
    handbook: "data-loss",
    title: {
      en: "Uploads or sessions stored on an emptyDir/hostPath volume",
      zh: "上传文件或会话存放在 emptyDir/hostPath 卷中",
    },
    description: {
      en: "An emptyDir disappears with its pod and a hostPath stays on one node, so user files or sessions kept there are lost on restart and invisible to other replicas. Use object storage, or a persistent volume claim.",
      zh: "emptyDir 随 Pod 消失，hostPath 只在单个节点上，放在其中的用户文件或会话会在重启时丢失，其他副本也看不到。请使用对象存储或持久卷声明。",
    },
  },

  check({ file, report }) {
    if (!file.yaml) return;
    for (const object of kubeObjects(file.yaml)) {
      if (!WORKLOADS.has(object.kind)) continue;
      for (const container of containersOf(object)) {
        if (container.init) continue;
        const volumes = ephemeralVolumes(container.pod);
        for (const mount of mapItems(container.node.get("volumeMounts", true))) {
          const type = volumes.get(scalarString(mount.get("name", true)) ?? "");
          const path = scalarString(mount.get("mountPath", true));
          if (!type || !path || !holdsState(path)) continue;
          if (scalarString(mount.get("readOnly", true)) === "true") continue;
          report({
            range: rangeOf(file, mount.get("mountPath", true) as Node),
            message: {
              en: `${path} is ${LOSS[type].en}. Keep uploads and sessions in object storage (S3/MinIO) or a backing service, or mount a persistent volume claim.`,
              zh: `${path} 挂载的是${LOSS[type].zh}。请把上传文件和会话放到对象存储（S3/MinIO）或后端服务中，或挂载持久卷声明。`,
            },
          });
        }
      }
    }
  },
};
