import type { DockerFile, DockerInstruction } from "../../languages/dockerfile";
import {
  fromInfo,
  isRootUser,
  stageChain,
  stageInstructions,
  userOf,
} from "../../languages/dockerSyntax";
import { runsAsNonRootByDefault } from "./dockerUser";

/** The user the final image runs as, when it is known not to be root. */
export interface NonRootUser {
  user: string;
  /** The USER instruction, or the FROM whose image runs as non-root by default. */
  instruction: DockerInstruction;
  /** The image of the first stage of the chain (its base image). */
  baseImage: string;
}

/** The stages the final image is made of, the final stage first. */
export function finalChain(file: DockerFile): number[] {
  return file.stageCount > 0 ? stageChain(file, file.stageCount - 1) : [];
}

/** The non-root user the final image runs as; undefined for root or an unknown user. */
export function nonRootUser(file: DockerFile): NonRootUser | undefined {
  const chain = finalChain(file);
  if (chain.length === 0) return undefined;
  const from = stageInstructions(file, chain[chain.length - 1]).find((i) => i.keyword === "FROM");
  const baseImage = from ? (fromInfo(from)?.image ?? "") : "";
  for (const stage of chain) {
    const users = stageInstructions(file, stage).filter((i) => i.keyword === "USER");
    const last = users[users.length - 1];
    if (!last) continue;
    const user = userOf(last.args);
    if (!user || user.includes("$") || isRootUser(user)) return undefined;
    return { user, instruction: last, baseImage };
  }
  if (from && runsAsNonRootByDefault(baseImage)) {
    return { user: "nonroot", instruction: from, baseImage };
  }
  return undefined;
}

/** Whether a RUN of the final image lets a binary bind low ports (`setcap cap_net_bind_service`). */
export function grantsLowPorts(file: DockerFile): boolean {
  return finalChain(file).some((stage) =>
    stageInstructions(file, stage).some(
      (i) => i.keyword === "RUN" && /cap_net_bind_service/i.test(i.args),
    ),
  );
}

/** Reverse proxies and load balancers, whose job is to listen on 80 and 443. */
export const PROXY_NAME =
  /(^|[/_.-])(nginx|ingress|traefik|haproxy|envoy|caddy|httpd|kong|contour|varnish|gateway|load-?balancer)([/_.:-]|$)/i;
