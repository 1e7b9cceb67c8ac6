import * as path from "node:path";
import { isMap } from "yaml";
import type { ParsedFile } from "../engine/parse";
import type { Rule, RuleContext } from "../engine/rule";
import type { Fix, RelatedLocation } from "../engine/types";
import { mapEntries } from "../languages/yamlSyntax";
import { FAMILY_LABELS, imagesOf, type ServiceFamily } from "./shared/backingServices";
import { addComposeService, pinnedImage } from "./shared/composeServices";
import { rangeOf } from "./shared/kubeWorkloads";
import { serviceNeeds, type ServiceNeed } from "./shared/serviceClients";

const COMPOSE_NAMES = ["compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"];
const PYTHON_MANIFESTS = ["requirements.txt", "pyproject.toml", "Pipfile", "setup.cfg"];

/** Service names that say what runs even when the service builds its own image. */
const NAMED: Record<string, ServiceFamily> = {
  redis: "redis",
  postgres: "postgres",
  postgresql: "postgres",
  mysql: "mysql",
  mariadb: "mysql",
  rabbitmq: "rabbitmq",
  mongo: "mongo",
  mongodb: "mongo",
  elasticsearch: "elasticsearch",
  memcached: "memcached",
};

interface DevCompose {
  main: ParsedFile;
  families: Set<ServiceFamily>;
}

/** The dev compose file above a file, with every service family its folder's compose files run. */
function devCompose(context: RuleContext): DevCompose | undefined {
  const found = context.workspace.findUp(context.file.path, COMPOSE_NAMES);
  const main = found ? context.workspace.model.parsed(found) : undefined;
  if (!main?.yaml) return undefined;
  const dir = path.dirname(main.path);
  const siblings = context.workspace.model
    .filesOfKind("compose")
    .filter((f) => path.dirname(f.path) === dir);
  const families = new Set<ServiceFamily>();
  for (const file of [main, ...siblings.filter((f) => f.path !== main.path)]) {
    imagesOf(file).forEach((use) => families.add(use.service.family));
    for (const document of file.yaml?.documents ?? []) {
      const services = isMap(document.contents) ? document.contents.get("services", true) : null;
      mapEntries(services).forEach(({ key }) => NAMED[key] && families.add(NAMED[key]));
    }
  }
  if (families.has("mariadb")) families.add("mysql");
  return { main, families };
}

/** Families the manifest of a source file declares: the manifest then carries the finding. */
function declaredFamilies(context: RuleContext): Set<ServiceFamily> {
  const names = context.file.python ? PYTHON_MANIFESTS : ["package.json"];
  const families = new Set<ServiceFamily>();
  for (const name of names) {
    const manifest = context.workspace.findUp(context.file.path, [name]);
    const parsed = manifest ? context.workspace.model.parsed(manifest) : undefined;
    if (parsed) serviceNeeds(parsed).forEach((n) => n.declared && families.add(n.family));
  }
  return families;
}

function addServiceFix(context: RuleContext, compose: ParsedFile, family: ServiceFamily): Fix[] {
  const image = pinnedImage(context, family);
  const edit = addComposeService(compose, family, image);
  if (!edit) return [];
  const name = path.basename(compose.path);
  return [
    {
      title: {
        en: `Add a ${family} service (${image}) to ${name}`,
        zh: `在 ${name} 中添加 ${family} 服务（${image}）`,
      },
      changes: [{ file: compose.path, edits: [edit] }],
      preferred: true,
    },
  ];
}

function composeRelated(compose: ParsedFile): RelatedLocation[] {
  const root = compose.yaml?.documents.find((d) => isMap(d.contents))?.contents;
  const key = isMap(root) ? root.items.find((p) => isMap(p.value))?.key : undefined;
  if (!key || typeof key !== "object" || !("range" in key)) return [];
  return [
    {
      file: compose.path,
      range: rangeOf(compose, key as Parameters<typeof rangeOf>[1]),
      message: { en: "the dev services", zh: "开发环境的服务" },
    },
  ];
}

/** Code that needs a backing service the dev compose file does not run. */
export const rule: Rule = {
  meta: {
    id: "parity-missing-dev-service",
    factors: [10, 4],
    categories: ["parity", "startup"],
    severity: "warning",
    kinds: ["python", "javascript", "typescript", "requirements", "pyproject", "package-json"],
    fixable: true,
    handbook: "parity",
    title: {
      en: "Backing service used by the code but missing from the dev compose file",
      zh: "代码依赖的后端服务不在开发环境 compose 文件中",
    },
    description: {
      en: "When the code needs Redis, PostgreSQL, RabbitMQ… and the dev compose file does not run it, developers hit connection errors or quietly point the app at a shared server, and dev no longer matches production.",
      zh: "代码需要 Redis、PostgreSQL、RabbitMQ 等服务而开发环境的 compose 文件没有运行它时，开发者会遇到连接错误，或者悄悄连到共享服务器，开发环境与生产不再一致。",
    },
  },

  check(context) {
    const needs = serviceNeeds(context.file);
    if (needs.length === 0) return;
    const compose = devCompose(context);
    if (!compose) return;
    const declared = needs[0].declared ? new Set<ServiceFamily>() : declaredFamilies(context);
    const reported = new Set<ServiceFamily>();

    for (const need of needs) {
      if (compose.families.has(need.family) || declared.has(need.family)) continue;
      if (reported.has(need.family)) continue;
      reported.add(need.family);
      report(context, need, compose.main);
    }
  },
};

function report(context: RuleContext, need: ServiceNeed, compose: ParsedFile): void {
  const label = FAMILY_LABELS[need.family];
  const name = path.basename(compose.path);
  context.report({
    range: need.range,
    message: {
      en: `The code uses ${label} (${need.name}), but ${name} runs no ${label} service: in dev the app fails on first use or gets pointed at a shared server, so dev stops matching production.`,
      zh: `代码使用了 ${label}（${need.name}），但 ${name} 中没有 ${label} 服务：开发环境中应用首次使用时就会失败，或被指向共享服务器，开发环境不再与生产一致。`,
    },
    fixes: addServiceFix(context, compose, need.family),
    related: composeRelated(compose),
  });
}
