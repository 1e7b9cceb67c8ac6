/** The handbook's fault index, and the index with a workspace's findings filed under it. */
import { pathToFileURL } from "node:url";

import type { Category, ResolvedFinding, Severity } from "../engine/types";
import { SEVERITY_ORDER } from "../engine/types";
import type { FaultCategory, FaultFinding, FaultIndex } from "../protocol";
import { dataLoss } from "./categories/dataLoss";
import { parity } from "./categories/parity";
import { performance } from "./categories/performance";
import { scaling } from "./categories/scaling";
import { security } from "./categories/security";
import { startup } from "./categories/startup";
import type { FaultCategoryInfo } from "./faultCategory";

export type { FaultCategoryInfo } from "./faultCategory";

/** The six categories in the handbook's order. */
export const FAULT_CATEGORIES: readonly FaultCategoryInfo[] = [
  startup,
  dataLoss,
  parity,
  performance,
  security,
  scaling,
];

const BY_ID = new Map<Category, FaultCategoryInfo>(FAULT_CATEGORIES.map((c) => [c.id, c]));

/** The handbook section of a category. */
export function faultCategory(id: Category): FaultCategoryInfo {
  const info = BY_ID.get(id);

  if (!info) {
    throw new Error(`Unknown fault category: ${id}`);
  }
  return info;
}

export interface FaultIndexOptions {
  /** Turns a finding's absolute path into the URI the client opens; a `file:` URL by default. */
  toUri?: (file: string) => string;
}

/**
 * The fault index with each finding under every category it belongs to, most severe first,
 * then by file and position.
 */
export function buildFaultIndex(
  findings: readonly ResolvedFinding[],
  options: FaultIndexOptions = {},
): FaultIndex {
  const toUri = options.toUri ?? ((file: string) => pathToFileURL(file).href);
  const entries = findings.map((finding) => ({ finding, item: toFaultFinding(finding, toUri) }));

  return {
    categories: FAULT_CATEGORIES.map((info) => {
      const items = entries.filter((e) => e.finding.categories.includes(info.id));

      return toFaultCategory(info, items.map((e) => e.item).sort(compareFindings));
    }),
  };
}

function toFaultCategory(info: FaultCategoryInfo, findings: FaultFinding[]): FaultCategory {
  return {
    id: info.id,
    title: info.title,
    symptoms: info.symptoms,
    causes: info.causes,
    factors: info.factors,
    checklist: info.checklist,
    findings,
    anchor: info.anchor,
  };
}

function toFaultFinding(finding: ResolvedFinding, toUri: (file: string) => string): FaultFinding {
  return {
    rule: finding.rule,
    uri: toUri(finding.file),
    line: finding.range.start.line,
    character: finding.range.start.character,
    severity: finding.severity,
    message: finding.message,
  };
}

function compareFindings(a: FaultFinding, b: FaultFinding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    compareText(a.uri, b.uri) ||
    a.line - b.line ||
    a.character - b.character ||
    compareText(a.rule, b.rule)
  );
}

function severityRank(severity: Severity): number {
  return SEVERITY_ORDER.indexOf(severity);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
