/**
 * Custom requests and notifications between the extension and the language server.
 * Types and method names only: both sides import this module.
 */
import type { Category, Localized, Severity } from "./engine/types";

/** A category of the fault index, with the live findings of the workspace under it. */
export interface FaultCategory {
  id: Category;
  title: Localized;
  symptoms: Localized[];
  causes: Localized[];
  factors: number[];
  checklist: Localized[];
  findings: FaultFinding[];
  /** The handbook's link target for this category's section, without the leading `#`. */
  anchor?: string;
}

export interface FaultFinding {
  rule: string;
  /** File URI. */
  uri: string;
  /** 0-based. */
  line: number;
  character: number;
  severity: Severity;
  message: Localized;
}

export interface FaultIndex {
  categories: FaultCategory[];
}

/** Request: the fault index with the current findings. */
export const FAULT_INDEX_REQUEST = "twelveFactor/faultIndex";

/** Notification from the server: findings changed; the client asks for the index again. */
export const FINDINGS_CHANGED_NOTIFICATION = "twelveFactor/findingsChanged";

/** Notification from the server: analysis state for the language status item. */
export const STATUS_NOTIFICATION = "twelveFactor/status";

export interface StatusParams {
  state: "indexing" | "ready";
  files: number;
  findings: number;
}
