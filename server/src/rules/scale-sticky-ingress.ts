import { isMap, isScalar, type Node, type Pair, type YAMLMap } from "yaml";
import type { ParsedFile } from "../engine/parse";
import type { Rule } from "../engine/rule";
import type { Localized, TextEdit } from "../engine/types";
import { kubeObjects, type KubeObject } from "../languages/kubernetes";
import { scalarString } from "../languages/yamlFile";
import { isTemplated, mapEntries, mapItems, pairOf } from "../languages/yamlSyntax";
import { rangeOf } from "./shared/kubeWorkloads";
import {
  removeEntries,
  removePairs,
  rewriteScalar,
  yamlEditor,
  type YamlEditor,
} from "./shared/yamlEdits";

/** One way of switching stickiness on, and the annotations that configure it. */
interface AnnotationGroup {
  trigger: RegExp;
  enabled: (value: string) => boolean;
  related: RegExp;
  mechanism: Localized;
}

const isTrue = (value: string) => value.toLowerCase() === "true";
/** Target-group attributes of the AWS load balancer controller, on an Ingress or a Service. */
const TG_KEYS = [
  "alb.ingress.kubernetes.io/target-group-attributes",
  "service.beta.kubernetes.io/aws-load-balancer-target-group-attributes",
];
const TG_ATTRIBUTES = new RegExp(`^(${TG_KEYS.map((k) => k.replace(/\./g, "\\.")).join("|")})$`);
const STICKY_ATTRIBUTE = /^stickiness\./;

const GROUPS: AnnotationGroup[] = [
  {
    trigger: /^(nginx\.)?ingress\.kubernetes\.io\/affinity$/,
    enabled: (v) => v === "cookie",
    related:
      /^(nginx\.)?ingress\.kubernetes\.io\/(affinity(-mode|-canary-behavior)?|session-cookie-[\w-]+)$/,
    mechanism: { en: "NGINX cookie affinity", zh: "NGINX cookie 亲和性" },
  },
  {
    trigger: /^haproxy-ingress\.github\.io\/affinity$/,
    enabled: (v) => v === "cookie",
    related: /^haproxy-ingress\.github\.io\/(affinity|session-cookie-[\w-]+|cookie-key)$/,
    mechanism: { en: "HAProxy cookie affinity", zh: "HAProxy cookie 亲和性" },
  },
  {
    trigger: /^haproxy\.org\/cookie-persistence$/,
    enabled: (v) => v.trim() !== "",
    related: /^haproxy\.org\/cookie-persistence$/,
    mechanism: { en: "HAProxy cookie persistence", zh: "HAProxy cookie 持久化" },
  },
  {
    trigger: /^traefik\.ingress\.kubernetes\.io\/(service\.sticky\.cookie|affinity)$/,
    enabled: isTrue,
    related:
      /^traefik\.ingress\.kubernetes\.io\/(service\.sticky\.cookie(\.\w+)?|affinity|session-cookie-name)$/,
    mechanism: { en: "Traefik sticky cookie", zh: "Traefik 粘性 cookie" },
  },
  {
    trigger: /^traefik\.backend\.loadbalancer\.stick(y|iness)$/,
    enabled: isTrue,
    related: /^traefik\.backend\.loadbalancer\.stick(y|iness)(\.\w+)?$/,
    mechanism: { en: "Traefik sticky cookie", zh: "Traefik 粘性 cookie" },
  },
  {
    trigger: TG_ATTRIBUTES,
    enabled: (v) =>
      v.split(",").some((a) => a.trim().replace(/\s/g, "") === "stickiness.enabled=true"),
    related: TG_ATTRIBUTES,
    mechanism: { en: "AWS ALB/NLB target-group stickiness", zh: "AWS ALB/NLB 目标组粘性" },
  },
];

interface Sticky {
  anchor: Node;
  mechanism: Localized;
  edits: TextEdit[] | undefined;
}

/** Removes annotations; the `annotations` key itself when nothing would be left. */
function removeAnnotations(editor: YamlEditor, metadata: YAMLMap, pairs: Pair[]) {
  const annotations = pairOf(metadata, "annotations");
  const map = annotations?.value;
  if (!annotations || !isMap(map)) return undefined;
  if (pairs.length === map.items.length) return removePairs(editor, metadata, [annotations]);
  return removePairs(editor, map, pairs);
}

function annotationEdits(
  editor: YamlEditor,
  metadata: YAMLMap,
  group: AnnotationGroup,
  pair: Pair,
) {
  const annotations = metadata.get("annotations", true);
  if (group.trigger === TG_ATTRIBUTES && isScalar(pair.value)) {
    const kept = String(pair.value.value)
      .split(",")
      .map((a) => a.trim())
      .filter((a) => a && !STICKY_ATTRIBUTE.test(a));
    if (kept.length > 0) return [rewriteScalar(editor, pair.value, kept.join(","))];
    return removeAnnotations(editor, metadata, [pair]);
  }
  const related = mapEntries(annotations)
    .filter((e) => group.related.test(e.key))
    .map((e) => e.pair);
  return removeAnnotations(editor, metadata, related);
}

function annotationStickies(file: ParsedFile, object: KubeObject, editor: YamlEditor): Sticky[] {
  const metadata = object.node.get("metadata", true);
  if (!isMap(metadata)) return [];
  const stickies: Sticky[] = [];
  for (const { key, pair } of mapEntries(metadata.get("annotations", true))) {
    const group = GROUPS.find((g) => g.trigger.test(key));
    const value = scalarString(pair.value);
    if (!group || value === undefined || isTemplated(file.source, pair.value)) continue;
    if (!group.enabled(value)) continue;
    const edits = file.yaml?.helm ? undefined : annotationEdits(editor, metadata, group, pair);
    stickies.push({ anchor: pair.key as Node, mechanism: group.mechanism, edits });
  }
  return stickies;
}

function backendConfigSticky(file: ParsedFile, object: KubeObject, editor: YamlEditor): Sticky[] {
  const spec = object.node.get("spec", true);
  if (!isMap(spec)) return [];
  const pair = pairOf(spec, "sessionAffinity");
  const type = isMap(pair?.value) ? pair.value.get("affinityType", true) : undefined;
  const value = scalarString(type);
  if (!pair || !value || value === "NONE" || isTemplated(file.source, type)) return [];
  const mechanism = {
    en: "GKE BackendConfig session affinity",
    zh: "GKE BackendConfig 会话亲和性",
  };
  const roots = [object.node];
  const edits = removeEntries(editor, roots, spec, {
    count: 1,
    entryEdits: () => removePairs(editor, spec, [pair]),
  });
  return [{ anchor: pair.key as Node, mechanism, edits }];
}

/** Traefik CRDs: `sticky` on the services of an IngressRoute, or on a weighted TraefikService. */
function traefikStickies(object: KubeObject, editor: YamlEditor): Sticky[] {
  const spec = object.node.get("spec", true);
  if (!isMap(spec)) return [];
  const weighted = spec.get("weighted", true);
  const holders: YAMLMap[] =
    object.kind === "IngressRoute"
      ? mapItems(spec.get("routes", true)).flatMap((r) => mapItems(r.get("services", true)))
      : isMap(weighted)
        ? [weighted]
        : [];
  const mechanism = { en: "Traefik sticky cookie", zh: "Traefik 粘性 cookie" };
  return holders.flatMap((holder) => {
    const pair = pairOf(holder, "sticky");
    if (!pair) return [];
    return [{ anchor: pair.key as Node, mechanism, edits: removePairs(editor, holder, [pair]) }];
  });
}

function stickiesOf(file: ParsedFile, object: KubeObject, editor: YamlEditor): Sticky[] {
  if (object.kind === "BackendConfig") return backendConfigSticky(file, object, editor);
  if (object.kind === "IngressRoute" || object.kind === "TraefikService") {
    return traefikStickies(object, editor);
  }
  if (object.kind === "Ingress" || object.kind === "Service") {
    return annotationStickies(file, object, editor);
  }
  return [];
}

/** Load-balancer stickiness hides in-process state and keeps new replicas idle. */
export const rule: Rule = {
  meta: {
    id: "scale-sticky-ingress",
    factors: [6, 8],
    categories: ["scaling", "data-loss"],
    severity: "warning",
    kinds: ["kubernetes"],
    fixable: true,
    handbook: "scaling",
    title: {
      en: "Sticky sessions on an ingress or load balancer",
      zh: "Ingress 或负载均衡器启用了粘性会话",
    },
    description: {
      en: "Cookie or target-group stickiness sends each client back to the same pod: new replicas get no existing users, load stays uneven, and a pod restart still loses the sessions it held.",
      zh: "cookie 或目标组粘性会把客户端一直发往同一个 Pod：新副本接不到已有用户，负载不均，Pod 重启仍会丢失其中的会话。",
    },
  },

  check({ file, report }) {
    if (!file.yaml) return;
    const editor = yamlEditor(file.source);
    for (const object of kubeObjects(file.yaml)) {
      for (const sticky of stickiesOf(file, object, editor)) {
        const fixes = sticky.edits
          ? [
              {
                title: {
                  en: `Remove ${sticky.mechanism.en}`,
                  zh: `移除${sticky.mechanism.zh}`,
                },
                changes: [{ file: file.path, edits: sticky.edits }],
                preferred: true,
              },
            ]
          : [];
        report({
          range: rangeOf(file, sticky.anchor),
          message: {
            en: `${sticky.mechanism.en} on ${object.kind} "${object.name}" pins each client to one pod: added replicas get no existing users, and a restarted pod still loses the sessions it held. Keep sessions in a shared store instead.`,
            zh: `${object.kind} "${object.name}" 上的${sticky.mechanism.zh}把每个客户端固定到一个 Pod：新增副本接不到已有用户，Pod 重启仍会丢失其会话。请把会话放到共享存储中。`,
          },
          fixes,
        });
      }
    }
  },
};
