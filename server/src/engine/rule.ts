import type { Workspace } from "../workspace/workspace";
import type { ParsedFile } from "./parse";
import type { Finding, RuleMeta } from "./types";

/** What a rule reports; the engine adds the rule id, the file and defaults. */
export type Report = Omit<Finding, "rule" | "file" | "fixes"> & Partial<Pick<Finding, "fixes">>;

export interface RuleContext {
  file: ParsedFile;
  workspace: Workspace;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

/** The documentation page of a rule inside the package. */
export function ruleDocPath(id: string): string {
  return `docs/rules/${id}.md`;
}
