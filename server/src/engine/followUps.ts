import * as path from "node:path";
import type { FileChange, Fix, FollowUp } from "./types";

/** A follow-up with the file whose change calls for it. */
export interface ChangeFollowUp extends FollowUp {
  changed: string;
}

/** The commands a fix leaves to the user, once each. */
export function followUpsOf(changes: readonly FileChange[]): ChangeFollowUp[] {
  const found = new Map<string, ChangeFollowUp>();
  for (const change of changes) {
    const followUp = change.followUp;
    if (!followUp) continue;
    found.set(`${followUp.command}\0${followUp.updates}`, { ...followUp, changed: change.file });
  }
  return [...found.values()];
}

/** The fix with a title that ends with what to run after it, when it leaves something stale. */
export function withFollowUpTitle(fix: Fix): Fix {
  const followUps = followUpsOf(fix.changes);
  if (followUps.length === 0) return fix;
  const en = followUps.map((f) => `run ${f.command} to update ${path.basename(f.updates)}`);
  const zh = followUps.map((f) => `运行 ${f.command} 更新 ${path.basename(f.updates)}`);
  return {
    ...fix,
    title: {
      en: `${fix.title.en}, then ${en.join(" and ")}`,
      zh: `${fix.title.zh}，然后${zh.join("并")}`,
    },
  };
}
