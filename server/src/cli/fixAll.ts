import * as fs from "node:fs";
import { applyChanges } from "../engine/applyEdits";
import type { AnalysisService } from "../service/analysisService";

/** Most fixes one file can take in a run; each round re-analyses the file. */
const MAX_ROUNDS = 100;

/**
 * Applies the first fix of each finding, one finding at a time, re-analysing in between so
 * fixes never see stale offsets. Returns how many fixes were applied.
 */
export function fixFile(service: AnalysisService, file: string): number {
  let applied = 0;
  const tried = new Set<string>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const finding = service
      .analyse(file)
      .find((f) => f.fixes.length > 0 && !tried.has(`${f.rule}:${f.message.en}`));
    if (!finding) break;
    tried.add(`${finding.rule}:${finding.message.en}`);
    const fix = finding.fixes.find((f) => f.preferred) ?? finding.fixes[0];
    const texts = new Map<string, string>();
    for (const change of fix.changes) {
      texts.set(change.file, service.workspace.readText(change.file) ?? "");
    }
    applyChanges(texts, fix.changes);
    texts.forEach((text, target) => fs.writeFileSync(target, text));
    applied++;
  }
  return applied;
}
