import * as path from "node:path";
import { isMap, isScalar, isSeq, type Scalar } from "yaml";
import type { ParsedFile } from "../../engine/parse";
import type { RuleContext } from "../../engine/rule";
import { parseImageRef } from "../../languages/imageRef";
import { containersOf, kubeObjects } from "../../languages/kubernetes";
import { isTemplated, mapEntries } from "../../languages/yamlSyntax";

/** Backing services that dev, CI and production should run at the same version. */
export type ServiceFamily =
  | "postgres"
  | "mysql"
  | "mariadb"
  | "redis"
  | "rabbitmq"
  | "mongo"
  | "elasticsearch"
  | "memcached";

export const FAMILY_LABELS: Record<ServiceFamily, string> = {
  postgres: "PostgreSQL",
  mysql: "MySQL",
  mariadb: "MariaDB",
  redis: "Redis",
  rabbitmq: "RabbitMQ",
  mongo: "MongoDB",
  elasticsearch: "Elasticsearch",
  memcached: "Memcached",
};

/** Images by repository: the family, and whether the tag's number is the service's version. */
const IMAGES: Array<[RegExp, ServiceFamily, boolean]> = [
  [/(^|\/)(postgres|postgresql)$/, "postgres", true],
  [/(^|\/)postgis$/, "postgres", true],
  [/(^|\/)(timescaledb[\w-]*|supabase\/postgres)$/, "postgres", false],
  [/(^|\/)mysql(-server)?$/, "mysql", true],
  [/(^|\/)percona(-server)?$/, "mysql", false],
  [/(^|\/)mariadb$/, "mariadb", true],
  [/(^|\/)redis$/, "redis", true],
  [/(^|\/)(redis-stack(-server)?|valkey|keydb)$/, "redis", false],
  [/(^|\/)rabbitmq$/, "rabbitmq", true],
  [/(^|\/)(mongo|mongodb|mongodb-community-server)$/, "mongo", true],
  [/(^|\/)elasticsearch$/, "elasticsearch", true],
  [/(^|\/)memcached$/, "memcached", true],
];

/** Images a fix pins when it adds a service and production names no version. */
export const DEFAULT_IMAGES: Record<ServiceFamily, string> = {
  postgres: "postgres:16.4",
  mysql: "mysql:8.4.2",
  mariadb: "mariadb:11.4.3",
  redis: "redis:7.4.1",
  rabbitmq: "rabbitmq:3.13.7-management",
  mongo: "mongo:7.0.14",
  elasticsearch: "docker.elastic.co/elasticsearch/elasticsearch:8.15.2",
  memcached: "memcached:1.6.31",
};

export interface ImageVersion {
  /** The numeric version at the start of the tag, e.g. `16.3` of `16.3-alpine`. */
  text: string;
  parts: number[];
  /** Offsets of that version inside the image reference. */
  start: number;
  end: number;
}

export interface BackingImage {
  family: ServiceFamily;
  image: string;
  version?: ImageVersion;
}

export function backingImage(image: string): BackingImage | undefined {
  if (/\$|\{\{/.test(image)) return undefined;
  const ref = parseImageRef(image.toLowerCase());
  const match = IMAGES.find(([pattern]) => pattern.test(ref.repository));
  if (!match) return undefined;
  const [, family, versioned] = match;
  const number = ref.tag ? /^v?(\d+(?:\.\d+)*)/.exec(ref.tag) : null;
  if (!versioned || !number || !ref.tag) return { family, image };
  const tagStart = image.length - (ref.digest ? ref.digest.length + 1 : 0) - ref.tag.length;
  const start = tagStart + number[0].length - number[1].length;
  const parts = number[1].split(".").map(Number);
  return {
    family,
    image,
    version: { text: number[1], parts, start, end: start + number[1].length },
  };
}

/** How many leading numbers make a release line: `16` for PostgreSQL 10+, `7.2` for Redis. */
export function significantParts(family: ServiceFamily, parts: number[]): number {
  if (family === "postgres" && (parts[0] ?? 0) >= 10) return 1;
  return 2;
}

/** Whether two versions are the same release line, compared as far as both are written. */
export function sameRelease(family: ServiceFamily, a: number[], b: number[]): boolean {
  const n = Math.min(significantParts(family, a), significantParts(family, b), a.length, b.length);
  return a.slice(0, n).every((part, i) => part === b[i]);
}

/** Where an environment runs a backing service. */
export type Environment = "kubernetes" | "compose" | "ci";

export interface ImageOccurrence {
  file: ParsedFile;
  node: Scalar;
  environment: Environment;
  service: BackingImage;
}

function occurrence(file: ParsedFile, node: unknown, environment: Environment) {
  if (!isScalar(node) || typeof node.value !== "string") return [];
  if (isTemplated(file.source, node)) return [];
  const service = backingImage(node.value);
  return service ? [{ file, node, environment, service }] : [];
}

/** A CI definition: GitHub Actions workflows and GitLab CI. */
export function isCiFile(file: string): boolean {
  const normalized = file.split(path.sep).join("/");
  return (
    /\/\.github\/workflows\/[^/]+\.ya?ml$/.test(normalized) ||
    /(^|\/)\.gitlab-ci\.ya?ml$/.test(normalized)
  );
}

function ciImages(file: ParsedFile): ImageOccurrence[] {
  const found: ImageOccurrence[] = [];
  for (const document of file.yaml?.documents ?? []) {
    const root = document.contents;
    if (!isMap(root)) continue;
    const jobs = root.get("jobs", true);
    for (const { pair } of mapEntries(isMap(jobs) ? jobs : undefined)) {
      const services = isMap(pair.value) ? pair.value.get("services", true) : undefined;
      for (const service of mapEntries(services)) {
        const value = service.pair.value;
        found.push(...occurrence(file, isMap(value) ? value.get("image", true) : value, "ci"));
      }
    }
    const lists = [
      root.get("services", true),
      ...root.items.map((p) => (isMap(p.value) ? p.value.get("services", true) : undefined)),
    ];
    for (const list of lists) {
      if (!isSeq(list)) continue;
      for (const item of list.items) {
        found.push(...occurrence(file, isMap(item) ? item.get("name", true) : item, "ci"));
      }
    }
  }
  return found;
}

function composeImages(file: ParsedFile): ImageOccurrence[] {
  return (file.yaml?.documents ?? []).flatMap((document) => {
    const services = isMap(document.contents) ? document.contents.get("services", true) : undefined;
    return mapEntries(services).flatMap(({ pair }) =>
      isMap(pair.value) ? occurrence(file, pair.value.get("image", true), "compose") : [],
    );
  });
}

function kubeImages(file: ParsedFile): ImageOccurrence[] {
  if (!file.yaml) return [];
  return kubeObjects(file.yaml).flatMap((object) =>
    containersOf(object).flatMap((c) => occurrence(file, c.node.get("image", true), "kubernetes")),
  );
}

/** The backing-service images one file runs. */
export function imagesOf(file: ParsedFile): ImageOccurrence[] {
  if (file.kind === "kubernetes") return kubeImages(file);
  if (file.kind === "compose") return composeImages(file);
  if (file.yaml && isCiFile(file.path)) return ciImages(file);
  return [];
}

/** Every backing-service image of the workspace, the file under analysis as the rule sees it. */
export function workspaceImages(
  context: Pick<RuleContext, "file" | "workspace">,
): ImageOccurrence[] {
  const files = context.workspace.model.relatedFilesOfKind(
    context.file.path,
    "kubernetes",
    "compose",
    "yaml",
  );
  if (context.file.yaml) files.unshift(context.file);
  return files.flatMap(imagesOf);
}
