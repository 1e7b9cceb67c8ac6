import { isMap, isScalar, isSeq } from "yaml";
import type { ParsedFile } from "../engine/parse";
import type { Rule, RuleContext } from "../engine/rule";
import { containersOf, kubeObjects } from "../languages/kubernetes";
import { walkPython } from "../languages/python";
import { ts, walkScript } from "../languages/script";
import { scalarString } from "../languages/yamlFile";
import { pythonString } from "../languages/pythonSyntax";
import { scriptString } from "../languages/scriptSyntax";
import { CONFIG_WORDS, pythonEnvBranches, scriptEnvBranches } from "./shared/envBranches";
import { envReadsOf } from "./shared/envReads";
import { nameWords } from "./shared/secretNames";

/** Environment words a per-environment variable name starts or ends with. */
const SUFFIXES = new Set("dev development prod production staging stage qa uat preprod".split(" "));
const PREFIXES = new Set("dev development prod production staging qa uat preprod".split(" "));
/** What remains of the name when it is a switch, not configuration (`IS_PROD`, `LOG_LEVEL_DEV`). */
const TOGGLES = new Set(
  "is use enable enabled disable flag only mode env environment name debug log logs logging level verbose trace".split(
    " ",
  ),
);

/** `DATABASE_URL_PROD`, `PROD_REDIS_HOST`, `stripeKeyStaging`. */
export function perEnvironmentName(name: string): string | undefined {
  const words = nameWords(name);
  if (words.length < 2) return undefined;
  const last = words[words.length - 1];
  const first = words[0];
  const rest = SUFFIXES.has(last)
    ? words.slice(0, -1)
    : PREFIXES.has(first)
      ? words.slice(1)
      : undefined;
  if (!rest || rest.every((w) => TOGGLES.has(w))) return undefined;
  return rest.join("_").toUpperCase();
}

/** Besides backing services, what a per-environment constant of code holds: credentials. */
const CREDENTIAL_WORDS = new Set("key secret token password pass credentials api".split(" "));

interface Named {
  name: string;
  start: number;
  end: number;
  /**
   * A name the code chose rather than an environment variable: `std_dev`, `prod_id` and
   * `devServer` are ordinary names, so it counts only when the rest of it names a setting and
   * its value looks environment-specific (`literal`: an address, host or key; a read of the
   * environment).
   */
  code?: { literal: boolean };
}

/** `DB_HOST_DEV = "localhost"`, `stripeKeyStaging = process.env.X`, not `prod_id = p["id"]`. */
function codeSetting(named: Named, single: string): boolean {
  if (!named.code) return true;
  const words = nameWords(single);
  return named.code.literal && words.some((w) => CONFIG_WORDS.has(w) || CREDENTIAL_WORDS.has(w));
}

/** A literal without spaces (an address, host, path or key) or an environment read. */
function environmentSpecific(literal: string | undefined, text: string): boolean {
  if (literal !== undefined) return literal.length > 0 && !/\s/.test(literal);
  return /\b(process\.env|import\.meta\.env|os\.environ|os\.getenv|getenv)\b/.test(text);
}

/** Configuration that differs by environment name instead of by deploy. */
export const rule: Rule = {
  meta: {
    id: "config-per-env-branch",
    factors: [3, 10],
    categories: ["parity"],
    severity: "warning",
    kinds: ["python", "javascript", "typescript", "dotenv", "compose", "kubernetes"],
    fixable: false,
    handbook: "parity",
    title: {
      en: "Configuration chosen by environment name",
      zh: "按环境名称选择配置",
    },
    description: {
      en: "Variables such as DATABASE_URL_DEV / DATABASE_URL_PROD, or code that compares the environment's name to pick a backing service, make each environment run a different code path: development stops testing what production runs, and a new environment needs a code change. Use one variable (DATABASE_URL) with a different value per deploy.",
      zh: "DATABASE_URL_DEV / DATABASE_URL_PROD 这类变量，或通过比较环境名称来选择后端服务的代码，会让每个环境走不同的代码路径：开发环境不再验证生产运行的代码，新增环境还得改代码。请使用同一个变量（DATABASE_URL），在每次部署时赋予不同的值。",
    },
  },

  check(context) {
    const { file } = context;
    const seen = new Set<string>();
    for (const named of namesOf(file)) {
      const single = perEnvironmentName(named.name);
      if (!single || seen.has(named.name) || !codeSetting(named, single)) continue;
      seen.add(named.name);
      reportName(context, named, single);
    }
    const branches = file.python
      ? pythonEnvBranches(file.python.root)
      : file.script
        ? scriptEnvBranches(file.script.source)
        : [];
    for (const branch of branches) {
      context.report({
        range: file.source.range(branch.start, branch.end),
        message: {
          en: `This picks a backing service or its settings by comparing the environment's name with "${branch.environment}": each environment runs a different code path, so what development tests is not what production runs. Read the setting from one environment variable whose value differs per deploy.`,
          zh: `这里通过把环境名称与 "${branch.environment}" 比较来选择后端服务或其配置：每个环境走不同的代码路径，开发环境验证的就不是生产运行的代码。请从同一个环境变量读取该配置，每次部署赋予不同的值。`,
        },
      });
    }
  },
};

function reportName(context: RuleContext, named: Named, single: string): void {
  context.report({
    range: context.file.source.range(named.start, named.end),
    message: {
      en: `${named.name} names one environment: the program has to choose a variable per environment, so environments drift apart and a new one needs a code change. Use one ${single} whose value differs per deploy.`,
      zh: `${named.name} 绑定了某一个环境：程序要按环境选择变量，各环境会逐渐不一致，新增环境还得改代码。请使用同一个 ${single}，每次部署赋予不同的值。`,
    },
  });
}

/** The names a file defines or reads: variables, env reads, .env entries, env entries. */
function namesOf(file: ParsedFile): Named[] {
  const names: Named[] = envReadsOf(file).map((r) => ({ ...r }));
  if (file.python) names.push(...pythonAssigned(file));
  if (file.script) names.push(...scriptDeclared(file));
  if (file.dotenv) {
    for (const entry of file.dotenv.entries) {
      const start =
        file.source.lineStart(entry.line) + file.source.lineText(entry.line).indexOf(entry.name);
      names.push({ name: entry.name, start, end: start + entry.name.length });
    }
  }
  if (file.kind === "compose" || file.kind === "kubernetes") names.push(...yamlEnvNames(file));
  return names.sort((a, b) => a.start - b.start);
}

function pythonAssigned(file: ParsedFile): Named[] {
  const names: Named[] = [];
  if (!file.python) return names;
  for (const node of walkPython(file.python.root)) {
    if (node.type !== "assignment") continue;
    const left = node.childForFieldName("left");
    const right = node.childForFieldName("right");
    if (left?.type !== "identifier") continue;
    const literal = !!right && environmentSpecific(pythonString(right), right.text);
    names.push({ name: left.text, start: left.startIndex, end: left.endIndex, code: { literal } });
  }
  return names;
}

function scriptDeclared(file: ParsedFile): Named[] {
  const source = file.script?.source;
  if (!source) return [];
  const names: Named[] = [];
  for (const node of walkScript(source)) {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) {
      const value = node.initializer;
      const literal = !!value && environmentSpecific(scriptString(value), value.getText(source));
      names.push({
        name: node.name.text,
        start: node.name.getStart(source),
        end: node.name.getEnd(),
        code: { literal },
      });
    }
  }
  return names;
}

/** Compose `environment` keys and list entries, Kubernetes container `env` names. */
function yamlEnvNames(file: ParsedFile): Named[] {
  const names: Named[] = [];
  const push = (node: unknown, name: string | undefined) => {
    const range = (node as { range?: [number, number] } | null)?.range;
    if (name && range) names.push({ name, start: range[0], end: range[0] + name.length });
  };
  const environments: unknown[] = [];
  if (file.kind === "kubernetes" && file.yaml) {
    for (const object of kubeObjects(file.yaml)) {
      for (const container of containersOf(object)) {
        const env = container.node.get("env", true);
        for (const item of isSeq(env) ? env.items : []) {
          if (isMap(item)) push(item.get("name", true), scalarString(item.get("name", true)));
        }
      }
    }
    return names;
  }
  for (const document of file.yaml?.documents ?? []) {
    const services = isMap(document.contents) ? document.contents.get("services", true) : null;
    for (const pair of isMap(services) ? services.items : []) {
      if (isMap(pair.value)) environments.push(pair.value.get("environment", true));
    }
  }
  for (const environment of environments) {
    if (isMap(environment)) environment.items.forEach((p) => push(p.key, scalarString(p.key)));
    if (isSeq(environment)) {
      for (const item of environment.items) {
        if (isScalar(item)) push(item, scalarString(item)?.split("=")[0]);
      }
    }
  }
  return names;
}
