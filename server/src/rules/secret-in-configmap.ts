import * as path from "node:path";
import { isMap, type Node, type Pair, type YAMLMap } from "yaml";
import type { ParsedFile } from "../engine/parse";
import type { Rule, RuleContext } from "../engine/rule";
import type { Fix, Localized, Range } from "../engine/types";
import { kubeObjects, type KubeObject } from "../languages/kubernetes";
import { scalarString } from "../languages/yamlFile";
import { isTemplated, mapEntries } from "../languages/yamlSyntax";
import { planMove } from "./shared/configMapMove";
import { rangeOf, workspaceObjects } from "./shared/kubeWorkloads";
import { isSecretName } from "./shared/secretNames";
import { classifySecretValue } from "./shared/secretValues";
import { classifyUrlPassword, urlsIn } from "./shared/serviceUrls";

/** A credential found in a ConfigMap entry. */
interface Credential {
  pair: Pair;
  key: string;
  range: Range;
  /** The credential is one line of a file the ConfigMap holds, not the whole value. */
  embedded: boolean;
}

const hasUrlPassword = (text: string) =>
  urlsIn(text).some((u) => u.password && classifyUrlPassword(u.password.value) === "secret");

/** `name=value` or `name: value` lines of an embedded config file. */
const ASSIGNMENT = /^\s*([\w.-]+)\s*[:=]\s*["']?([^"'\s#]+)/;

function embeddedCredential(file: ParsedFile, node: Node, value: string): Range | undefined {
  const [start, end] = node.range ?? [0, 0];
  const source = file.source.text.slice(start, end);
  for (const line of value.split(/\r?\n/)) {
    const match = ASSIGNMENT.exec(line);
    const named = match && isSecretName(match[1]) && classifySecretValue(match[2]) === "secret";
    if (!named && !hasUrlPassword(line)) continue;
    const at = source.indexOf(line.trim());
    if (at >= 0) return file.source.range(start + at, start + at + line.trim().length);
  }
  return undefined;
}

function credentialsOf(file: ParsedFile, data: YAMLMap): Credential[] {
  const found: Credential[] = [];
  for (const { key, pair } of mapEntries(data)) {
    const value = scalarString(pair.value);
    if (value === undefined || isTemplated(file.source, pair.value)) continue;
    if (/[\r\n]/.test(value.trim())) {
      const range = embeddedCredential(file, pair.value as Node, value);
      if (range) found.push({ pair, key, range, embedded: true });
      continue;
    }
    const named = isSecretName(key) && classifySecretValue(value) === "secret";
    if (named || hasUrlPassword(value)) {
      found.push({ pair, key, range: rangeOf(file, pair.key as Node), embedded: false });
    }
  }
  return found;
}

const EMBEDDED: Localized = {
  en: "Move the file to a Secret and mount that instead.",
  zh: "请把该文件移到 Secret 中并改为挂载 Secret。",
};

/** A credential in a ConfigMap is readable by anyone who can view config. */
export const rule: Rule = {
  meta: {
    id: "secret-in-configmap",
    factors: [3],
    categories: ["security"],
    severity: "error",
    kinds: ["kubernetes"],
    fixable: true,
    handbook: "security",
    title: {
      en: "Credential stored in a ConfigMap",
      zh: "凭据存放在 ConfigMap 中",
    },
    description: {
      en: "ConfigMaps are plain configuration: readable with view rights, printed by kubectl describe, never encrypted at rest and often logged by tooling. Passwords, tokens and keys belong in a Secret that the workload references.",
      zh: "ConfigMap 是普通配置：拥有查看权限即可读取，kubectl describe 会直接打印，静态存储不加密，还常被工具记录。密码、令牌和密钥应放在 Secret 中，由工作负载引用。",
    },
  },

  check(context) {
    const { file, report } = context;
    if (!file.yaml) return;
    const configMaps = kubeObjects(file.yaml).filter((o) => o.kind === "ConfigMap");
    if (configMaps.length === 0) return;
    const entries = workspaceObjects(context);

    for (const configMap of configMaps) {
      const data = configMap.node.get("data", true);
      if (!isMap(data)) continue;
      for (const credential of credentialsOf(file, data)) {
        const { fixes, note } = moveFix(context, configMap, data, credential, entries);
        report({
          range: credential.range,
          message: {
            en: `ConfigMap "${configMap.name}" holds a credential in ${credential.key}: anyone who can view ConfigMaps (or read kubectl describe) sees it, and it is not encrypted at rest. ${note.en}`,
            zh: `ConfigMap "${configMap.name}" 的 ${credential.key} 中存有凭据：任何能查看 ConfigMap（或 kubectl describe 输出）的人都能看到，且静态存储不加密。${note.zh}`,
          },
          fixes,
        });
      }
    }
  },
};

function moveFix(
  context: RuleContext,
  configMap: KubeObject,
  data: YAMLMap,
  credential: Credential,
  entries: ReturnType<typeof workspaceObjects>,
): { fixes: Fix[]; note: Localized } {
  if (credential.embedded) return { fixes: [], note: EMBEDDED };
  const { file, workspace } = context;
  const plan = planMove({
    file,
    configMap,
    data,
    pair: credential.pair,
    key: credential.key,
    entries,
    workspace,
  });
  if ("reason" in plan) return { fixes: [], note: plan.reason };
  const target = path.basename(plan.secretFile);
  const fix: Fix = {
    title: {
      en: `Move ${credential.key} to Secret "${plan.secret}" in ${target} (ignored by git) and reference it`,
      zh: `把 ${credential.key} 移到 ${target} 中的 Secret "${plan.secret}"（git 忽略该文件）并改为引用它`,
    },
    changes: plan.changes,
    preferred: true,
  };
  return {
    fixes: [fix],
    note: {
      en: `Move it to a Secret kept out of version control: the fix writes it to ${target} beside this file and adds that file to .gitignore; apply it from there, or seal it or sync it from a vault.`,
      zh: `请把它移到不进入版本库的 Secret 中：修复会把它写入本文件旁的 ${target}，并把该文件加入 .gitignore；请从该文件应用，或加密封存、从密钥库同步。`,
    },
  };
}
