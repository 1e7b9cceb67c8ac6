import { isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node } from "yaml";

export type YamlFlavor = "compose" | "kubernetes" | "yaml";

/** A parsed YAML stream: every document, including partial content of broken ones. */
export interface YamlFile {
  documents: Document.Parsed[];
  flavor: YamlFlavor;
  /** A Helm template (`{{ }}` outside scalars or under a chart's templates/). */
  helm: boolean;
}

const COMPOSE_NAME = /(^|[\\/])(docker-)?compose(\.[\w-]+)*\.ya?ml$/i;
const HELM_MARKUP = /^[^#\n]*\{\{-?\s*(if|else|end|range|with|include|define|template|toYaml|-)/m;

export function isComposeName(file: string): boolean {
  return COMPOSE_NAME.test(file);
}

export function parseYaml(file: string, text: string, helmChart = false): YamlFile {
  const helm = helmChart || HELM_MARKUP.test(text);
  const source = helm ? blankHelmLines(text) : text;
  const documents = parseAllDocuments(source, { prettyErrors: false, uniqueKeys: false });
  const list = Array.isArray(documents) ? documents : [];
  return { documents: list, flavor: classify(file, list), helm };
}

/**
 * Helm control lines (`{{- if }}`, `{{ include … | nindent }}`) are not YAML; blanking them
 * with spaces keeps every offset of the rest of the file, so the rest can still be read.
 */
function blankHelmLines(text: string): string {
  return text.replace(/^[ \t]*\{\{[^\n]*\}\}[ \t]*$/gm, (line) => " ".repeat(line.length));
}

function classify(file: string, documents: Document.Parsed[]): YamlFlavor {
  if (isComposeName(file)) return "compose";
  const contents = documents.map((d) => d.contents);
  if (contents.some((c) => isMap(c) && c.has("apiVersion") && c.has("kind"))) return "kubernetes";
  if (contents.some((c) => isMap(c) && isMap(c.get("services")) && !c.has("on"))) {
    return "compose";
  }
  return "yaml";
}

/** The scalar string value of a node, or undefined. */
export function scalarString(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

/** The node at a path of keys and indices, or undefined. */
export function nodeAt(root: unknown, ...keys: Array<string | number>): Node | undefined {
  let current: unknown = root;
  for (const key of keys) {
    if (isMap(current)) current = current.get(key, true);
    else if (isSeq(current) && typeof key === "number") current = current.get(key, true);
    else return undefined;
  }
  return (current ?? undefined) as Node | undefined;
}

/** The [start, end] offsets of a node. */
export function nodeOffsets(node: Node): [number, number] {
  const range = node.range ?? [0, 0, 0];
  return [range[0], range[1]];
}
