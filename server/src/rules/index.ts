import type { Rule } from "../engine/rule";
import { rule as scaleSessionAffinity } from "./scale-session-affinity";

/** Every rule of the product, in catalogue order. */
export const RULES: readonly Rule[] = [scaleSessionAffinity];
