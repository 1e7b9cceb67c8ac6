import * as path from "node:path";
import type { Localized } from "../../engine/types";
import type { Workspace } from "../../workspace/workspace";

const escape = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * What is left to do by hand when code starts requiring variables that no Kubernetes manifest
 * of the workspace sets: `.env` stays on the developer's machine, so the cluster never gets
 * them. A manifest sets a name as an `env` entry or as a ConfigMap or Secret key.
 */
export function kubeEnvNotes(workspace: Workspace, names: string[], file: string): Localized[] {
  const manifests = workspace.model.filesOfKind("kubernetes").map((parsed) => parsed.source.text);
  if (manifests.length === 0) return [];
  const setsName = (name: string, text: string) =>
    new RegExp(
      `(name:\\s*["']?${escape(name)}["']?\\s*$|^\\s*["']?${escape(name)}["']?\\s*:)`,
      "m",
    ).test(text);
  const missing = names.filter((name) => !manifests.some((text) => setsName(name, text)));
  const reader = path.basename(file);
  return missing.map((name) => ({
    en:
      `set ${name}, which ${reader} now reads, in the Kubernetes workloads that run it ` +
      "(a Secret and secretKeyRef for a secret): .env does not reach the cluster.",
    zh:
      `在运行 ${reader} 的 Kubernetes 工作负载中设置它现在读取的 ${name}` +
      "（机密用 Secret 和 secretKeyRef）：.env 不会进入集群。",
  }));
}
