import { isMap } from "yaml";
import type { ParsedFile } from "../../engine/parse";
import type { RuleContext } from "../../engine/rule";
import type { TextEdit } from "../../engine/types";
import { DEFAULT_IMAGES, workspaceImages, type ServiceFamily } from "./backingServices";
import { addPairs, yamlEditor, type YamlValue } from "./yamlEdits";

/** Settings an added service needs to start in dev without a password to keep. */
const DEV_ENVIRONMENT: Partial<Record<ServiceFamily, Record<string, YamlValue>>> = {
  postgres: { POSTGRES_HOST_AUTH_METHOD: "trust" },
  mysql: { MYSQL_ALLOW_EMPTY_PASSWORD: "yes", MYSQL_DATABASE: "app" },
  elasticsearch: { "discovery.type": "single-node", "xpack.security.enabled": "false" },
};

/** The environment an added service starts with, as the strings compose passes. */
export function devEnvironment(family: ServiceFamily): Map<string, string> {
  return new Map(Object.entries(DEV_ENVIRONMENT[family] ?? {}).map(([k, v]) => [k, String(v)]));
}

/** The image production runs for a family, by its version, else a known pin. */
export function pinnedImage(
  context: Pick<RuleContext, "file" | "workspace">,
  family: ServiceFamily,
): string {
  const repository = DEFAULT_IMAGES[family].replace(/:[^:/]*$/, "");
  const versions = new Set(
    workspaceImages(context)
      .filter((u) => u.environment === "kubernetes" && u.service.family === family)
      .flatMap((u) => (u.service.version ? [u.service.version.text] : [])),
  );
  return versions.size === 1 ? `${repository}:${[...versions][0]}` : DEFAULT_IMAGES[family];
}

/** The edit that adds a backing service named after its family to a compose file. */
export function addComposeService(
  compose: ParsedFile,
  family: ServiceFamily,
  image: string,
): TextEdit | undefined {
  const document = compose.yaml?.documents.find(
    (d) => isMap(d.contents) && d.contents.has("services"),
  );
  const services = isMap(document?.contents) ? document.contents.get("services", true) : undefined;
  if (!isMap(services) || compose.yaml?.helm || services.has(family)) return undefined;
  const service: Record<string, YamlValue> = { image };
  if (DEV_ENVIRONMENT[family]) service.environment = DEV_ENVIRONMENT[family];
  return addPairs(yamlEditor(compose.source), services, { [family]: service });
}
