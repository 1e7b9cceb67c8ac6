import type { Rule } from "../engine/rule";
import { rule as scaleSessionAffinity } from "./scale-session-affinity";

/** Every rule of the product. */
export const RULES: readonly Rule[] = [
  // Kubernetes, compose and Dockerfile rules
  scaleSessionAffinity,
  // Source-code rules: secrets and configuration
  // Source-code rules: state, ports, processes
  // Dependency and manifest rules
];
