import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from "yaml";
import type { ParsedFile } from "../../engine/parse";
import type { TextEdit } from "../../engine/types";
import type { KubeContainer, KubeObject } from "../../languages/kubernetes";
import { scalarString } from "../../languages/yamlFile";
import { isTemplated, mapItems } from "../../languages/yamlSyntax";
import { imageUser } from "./imageUsers";
import { isUnknownBlock } from "./kubeWorkloads";
import { addPairs, fillEmptyPair, replaceNode, yamlEditor, type YamlValue } from "./yamlEdits";

/** Why a container may run as root; `node` is the value that says so, when one does. */
export interface RootCause {
  kind: "privileged" | "run-as-root" | "non-root-off" | "unset";
  node?: Node;
}

/** The uid a fix sets for other images: high enough to match no user of common base images. */
export const NON_ROOT_UID = 10001;

interface Setting {
  value: unknown;
  node?: Node;
  unknown: boolean;
}

function securityContext(map: YAMLMap): YAMLMap | undefined {
  const context = map.get("securityContext", true);
  return isMap(context) ? context : undefined;
}

/** A securityContext field, the container's value overriding the pod's. */
function setting(file: ParsedFile, container: KubeContainer, key: string): Setting {
  for (const map of [securityContext(container.node), securityContext(container.pod)]) {
    const node = map?.get(key, true);
    if (!isScalar(node)) continue;
    return { value: node.value, node, unknown: isTemplated(file.source, node) };
  }
  return { value: undefined, unknown: false };
}

function isUnknown(file: ParsedFile, container: KubeContainer): boolean {
  if (isUnknownBlock(file, container.node) || isUnknownBlock(file, container.pod)) return true;
  return [container.node, container.pod].some((map) => {
    const context = map.get("securityContext", true);
    return isTemplated(file.source, context) || (isScalar(context) && context.value !== null);
  });
}

/** Whether, and why, a container may run as root; undefined when it does not. */
export function rootCause(file: ParsedFile, container: KubeContainer): RootCause | undefined {
  const privileged = setting(file, container, "privileged");
  if (privileged.value === true) return { kind: "privileged", node: privileged.node };
  const user = setting(file, container, "runAsUser");
  if (user.value === 0) return { kind: "run-as-root", node: user.node };
  const nonRoot = setting(file, container, "runAsNonRoot");
  if (nonRoot.value === true || nonRoot.unknown || user.unknown) return undefined;
  if (typeof user.value === "number" && user.value > 0) return undefined;
  if (nonRoot.value === false) return { kind: "non-root-off", node: nonRoot.node };
  return isUnknown(file, container) ? undefined : { kind: "unset" };
}

/** The edits of a non-root fix, and the uid it sets when it sets one. */
export interface NonRootFix {
  edits: TextEdit[];
  uid?: number;
}

/**
 * The edits that make a container run as a non-root user, keeping the file's text. Well-known
 * images run as their own user; when the pod keeps data on persistent volumes, the pod's
 * `fsGroup` gives that user's group access to them.
 */
export function nonRootEdits(
  file: ParsedFile,
  object: KubeObject,
  container: KubeContainer,
): NonRootFix | undefined {
  const user = imageUser(scalarString(container.node.get("image", true)));
  const own = containerEdits(file, container, user?.uid ?? NON_ROOT_UID);
  if (!own || !user || !keepsData(object, container.pod)) return own;
  const group = fsGroupEdit(file, container.pod, user.gid);
  return group ? { ...own, edits: [...own.edits, group] } : own;
}

function containerEdits(
  file: ParsedFile,
  container: KubeContainer,
  uid: number,
): NonRootFix | undefined {
  const editor = yamlEditor(file.source);
  const wanted: Record<string, YamlValue> = {};
  if (setting(file, container, "runAsNonRoot").value !== true) wanted.runAsNonRoot = true;
  const user = setting(file, container, "runAsUser");
  if (!(typeof user.value === "number" && user.value > 0)) wanted.runAsUser = uid;
  if (setting(file, container, "privileged").value === true) wanted.privileged = false;

  const pair = container.node.items.find(
    (p) => isScalar(p.key) && p.key.value === "securityContext",
  ) as Pair | undefined;
  const uidSet = typeof wanted.runAsUser === "number" ? wanted.runAsUser : undefined;
  const fix = (edits: TextEdit[] | undefined) => (edits ? { edits, uid: uidSet } : undefined);
  if (!pair) return fix(single(addPairs(editor, container.node, { securityContext: wanted })));
  if (!isMap(pair.value)) return fix(single(fillEmptyPair(editor, pair, wanted)));

  const context = pair.value;
  const edits: TextEdit[] = [];
  const missing: Record<string, YamlValue> = {};
  for (const [key, value] of Object.entries(wanted)) {
    const node = context.get(key, true);
    if (isScalar(node)) {
      if (node.value !== value) edits.push(replaceNode(editor, node, String(value)));
    } else if (node === undefined) missing[key] = value;
    else return undefined;
  }
  if (Object.keys(missing).length > 0) {
    const edit = addPairs(editor, context, missing);
    if (!edit) return undefined;
    edits.push(edit);
  }
  return fix(edits);
}

/** Whether the pod mounts persistent volumes: claim templates or claims among its volumes. */
function keepsData(object: KubeObject, pod: YAMLMap): boolean {
  const spec = object.node.get("spec", true);
  const templates = isMap(spec) ? spec.get("volumeClaimTemplates", true) : undefined;
  if (isSeq(templates) && templates.items.length > 0) return true;
  return mapItems(pod.get("volumes", true)).some(
    (v) => v.has("persistentVolumeClaim") || v.has("ephemeral"),
  );
}

/** Adds `fsGroup` to the pod's securityContext unless one is set. */
function fsGroupEdit(file: ParsedFile, pod: YAMLMap, gid: number): TextEdit | undefined {
  const editor = yamlEditor(file.source);
  const pair = pod.items.find((p) => isScalar(p.key) && p.key.value === "securityContext") as
    | Pair
    | undefined;
  if (!pair) return addPairs(editor, pod, { securityContext: { fsGroup: gid } });
  if (!isMap(pair.value)) return fillEmptyPair(editor, pair, { fsGroup: gid });
  if (pair.value.has("fsGroup")) return undefined;
  return addPairs(editor, pair.value, { fsGroup: gid });
}

function single(edit: TextEdit | undefined): TextEdit[] | undefined {
  return edit ? [edit] : undefined;
}
