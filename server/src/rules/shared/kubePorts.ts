import { isMap, isScalar, isSeq, type Node, type Scalar, type YAMLMap } from "yaml";
import type { ParsedFile } from "../../engine/parse";
import type { TextEdit } from "../../engine/types";
import {
  containersOf,
  kubeObjects,
  type KubeContainer,
  type KubeObject,
} from "../../languages/kubernetes";
import { nodeAt, scalarString } from "../../languages/yamlFile";
import { addPairs, replaceNode, yamlEditor } from "./yamlEdits";

/** A containerPort of a container, with what the container runs as. */
export interface ContainerPort {
  object: KubeObject;
  container: KubeContainer;
  node: Scalar;
  port: number;
}

function securityValue(container: KubeContainer, key: string): unknown {
  for (const map of [container.node, container.pod]) {
    const value = nodeAt(map, "securityContext", key);
    if (isScalar(value)) return value.value;
  }
  return undefined;
}

/** Whether the container is known to run as a non-root user. */
export function runsAsNonRoot(container: KubeContainer): boolean {
  const user = securityValue(container, "runAsUser");
  if (typeof user === "number") return user > 0;
  return securityValue(container, "runAsNonRoot") === true;
}

/** Whether the container may bind low ports anyway (capability or sysctl). */
export function mayBindLowPorts(container: KubeContainer, port: number): boolean {
  const add = nodeAt(container.node, "securityContext", "capabilities", "add");
  if (
    isSeq(add) &&
    add.items.some((i) => /^(CAP_)?NET_BIND_SERVICE$/.test(scalarString(i) ?? ""))
  ) {
    return true;
  }
  const sysctls = nodeAt(container.pod, "securityContext", "sysctls");
  if (!isSeq(sysctls)) return false;
  return sysctls.items.some(
    (s) =>
      isMap(s) &&
      scalarString(s.get("name", true)) === "net.ipv4.ip_unprivileged_port_start" &&
      Number(scalarString(s.get("value", true))) <= port,
  );
}

export function containerPorts(file: ParsedFile): ContainerPort[] {
  if (!file.yaml) return [];
  const result: ContainerPort[] = [];
  for (const object of kubeObjects(file.yaml)) {
    for (const container of containersOf(object)) {
      const ports = container.node.get("ports", true);
      if (container.init || !isSeq(ports)) continue;
      for (const item of ports.items) {
        const node = isMap(item) ? item.get("containerPort", true) : undefined;
        if (isScalar(node) && typeof node.value === "number") {
          result.push({ object, container, node, port: node.value });
        }
      }
    }
  }
  return result;
}

/** The text of a container that names it as a proxy: object, container, image, labels. */
export function containerIdentity(port: ContainerPort): string {
  const labels = nodeAt(port.object.node, "metadata", "labels");
  const labelText = isMap(labels)
    ? labels.items.map((p) => scalarString(p.value) ?? "").join(" ")
    : "";
  return [
    port.object.name,
    scalarString(port.container.node.get("name", true)),
    scalarString(port.container.node.get("image", true)),
    labelText,
  ].join(" ");
}

const PROBES = ["livenessProbe", "readinessProbe", "startupProbe"];
const PROBE_KINDS = ["httpGet", "tcpSocket", "grpc"];

function samePort(node: unknown, port: number): node is Scalar {
  return isScalar(node) && String(node.value) === String(port) && typeof node.value === "number";
}

/** The pod labels a workload's template carries. */
function podLabels(object: KubeObject): YAMLMap | undefined {
  const path =
    object.kind === "Pod" ? ["metadata", "labels"] : ["spec", "template", "metadata", "labels"];
  const labels = nodeAt(object.node, ...path);
  return isMap(labels) ? labels : undefined;
}

function selects(service: KubeObject, labels: YAMLMap | undefined): boolean {
  const selector = nodeAt(service.node, "spec", "selector");
  if (!isMap(selector) || !labels || selector.items.length === 0) return false;
  return selector.items.every(
    (p) => scalarString(labels.get(scalarString(p.key) ?? "", true)) === scalarString(p.value),
  );
}

/**
 * The edits that move a container to a new port: its containerPort, probes on that port, a
 * PORT env value, and the targetPort of Services of the same file that select its pods.
 */
export function movePortEdits(file: ParsedFile, target: ContainerPort, next: number): TextEdit[] {
  const editor = yamlEditor(file.source);
  const edits: TextEdit[] = [replaceNode(editor, target.node, String(next))];
  for (const probe of PROBES) {
    for (const kind of PROBE_KINDS) {
      const node = nodeAt(target.container.node, probe, kind, "port");
      if (samePort(node, target.port)) edits.push(replaceNode(editor, node, String(next)));
    }
  }
  edits.push(...commandPortEdits(file, target, next));
  const env = target.container.node.get("env", true);
  for (const item of isSeq(env) ? env.items : []) {
    const value = isMap(item) ? item.get("value", true) : undefined;
    if (isMap(item) && scalarString(item.get("name", true)) === "PORT" && isScalar(value)) {
      if (String(value.value) === String(target.port)) edits.push(quotedReplace(file, value, next));
    }
  }
  const labels = podLabels(target.object);
  for (const service of kubeObjects(file.yaml ?? { documents: [], flavor: "yaml", helm: false })) {
    if (service.kind !== "Service" || !selects(service, labels)) continue;
    const ports = nodeAt(service.node, "spec", "ports");
    for (const item of isSeq(ports) ? ports.items : []) {
      if (!isMap(item)) continue;
      const targetPort = item.get("targetPort", true);
      if (samePort(targetPort, target.port))
        edits.push(replaceNode(editor, targetPort, String(next)));
      if (targetPort === undefined && samePort(item.get("port", true), target.port)) {
        const added = addPairs(editor, item, { targetPort: next });
        if (added) edits.push(added);
      }
    }
  }
  return edits;
}

function quotedReplace(file: ParsedFile, node: Node, next: number): TextEdit {
  const [start, end] = [node.range?.[0] ?? 0, node.range?.[1] ?? 0];
  const text = file.source.text.slice(start, end);
  const quoted = /^(['"]).*\1$/.test(text);
  return {
    range: file.source.range(quoted ? start + 1 : start, quoted ? end - 1 : end),
    newText: String(next),
  };
}

const PORT_FLAG = /^(-p|--port|--listen|--bind|-b)$/;

/**
 * The port in the container's command and args: `0.0.0.0:80`, `--port=80`, or `80` after a
 * port flag (`--port 80`), so the process listens where the new containerPort points.
 */
function commandPortEdits(file: ParsedFile, target: ContainerPort, next: number): TextEdit[] {
  const edits: TextEdit[] = [];
  const port = String(target.port);
  const pattern = new RegExp(`(^|[:=])${port}$`);
  for (const key of ["command", "args"]) {
    const list = target.container.node.get(key, true);
    const items = isSeq(list) ? list.items : [];
    items.forEach((item, index) => {
      const text = scalarString(item);
      if (!isScalar(item) || text === undefined || !item.range) return;
      const after = PORT_FLAG.test(scalarString(items[index - 1]) ?? "") && text === port;
      if (!after && !pattern.test(text)) return;
      const raw = file.source.text.slice(item.range[0], item.range[1]);
      const at = item.range[0] + raw.lastIndexOf(port);
      edits.push({ range: file.source.range(at, at + port.length), newText: String(next) });
    });
  }
  return edits;
}
