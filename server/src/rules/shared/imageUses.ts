import { isMap, isScalar, type Scalar } from "yaml";
import type { ParsedFile } from "../../engine/parse";
import type { Range } from "../../engine/types";
import type { DockerFile } from "../../languages/dockerfile";
import { stageFroms } from "../../languages/dockerSyntax";
import { containersOf, kubeObjects } from "../../languages/kubernetes";
import { nodeOffsets } from "../../languages/yamlFile";

/** Where a file names a container image it pulls. */
export interface ImageUse {
  image: string;
  /** The text of the reference in the file, quotes included. */
  range: Range;
  /** The quote around the value in YAML (`"`, `'`), or "" when plain. */
  quote: string;
}

/**
 * The images a Dockerfile (FROM, earlier stages left out), a compose file (`image:` of services
 * that do not build it) or a Kubernetes manifest (`image:` of every container) pulls.
 */
export function imageUses(file: ParsedFile): ImageUse[] {
  if (file.docker) return dockerImages(file.docker);
  if (file.kind === "compose") return composeImages(file);
  if (file.kind === "kubernetes") return kubeImages(file);
  return [];
}

function dockerImages(docker: DockerFile): ImageUse[] {
  const froms = stageFroms(docker);
  const uses: ImageUse[] = [];
  froms.forEach((from, index) => {
    if (!from) return;
    const image = from.image.toLowerCase();
    const stage = froms.slice(0, index).some((earlier) => earlier?.alias === image);
    if (!stage) uses.push({ image: from.image, range: from.imageRange, quote: "" });
  });
  return uses;
}

function scalarUse(file: ParsedFile, node: unknown): ImageUse | undefined {
  if (!isScalar(node) || typeof node.value !== "string") return undefined;
  const [start, end] = nodeOffsets(node as Scalar);
  const first = file.source.text[start];
  const quote = first === '"' || first === "'" ? first : "";
  return { image: node.value, range: file.source.range(start, end), quote };
}

function composeImages(file: ParsedFile): ImageUse[] {
  const uses: ImageUse[] = [];
  for (const document of file.yaml?.documents ?? []) {
    const services = isMap(document.contents) ? document.contents.get("services", true) : null;
    if (!isMap(services)) continue;
    for (const pair of services.items) {
      const service = pair.value;
      if (!isMap(service) || service.has("build")) continue;
      const use = scalarUse(file, service.get("image", true));
      if (use) uses.push(use);
    }
  }
  return uses;
}

function kubeImages(file: ParsedFile): ImageUse[] {
  if (!file.yaml) return [];
  return kubeObjects(file.yaml).flatMap((object) =>
    containersOf(object).flatMap((container) => {
      const use = scalarUse(file, container.node.get("image", true));
      return use ? [use] : [];
    }),
  );
}
