import { ts } from "ts-morph";
import { parseScript, type ScriptFile } from "./script";
import { changedSpan } from "./textDiff";

/**
 * Keeps the last syntax tree of each open JavaScript/TypeScript file and updates it with
 * `ts.updateSourceFile`, which re-scans only the changed span.
 */
export class ScriptTreeCache {
  private readonly sources = new Map<string, ts.SourceFile>();

  parse(file: string, text: string): ScriptFile {
    const previous = this.sources.get(file);
    if (previous && previous.text === text) return { source: previous };
    const source = previous
      ? ts.updateSourceFile(previous, text, changeRange(previous.text, text))
      : parseScript(file, text).source;
    this.sources.set(file, source);
    return { source };
  }

  forget(file: string): void {
    this.sources.delete(file);
  }
}

function changeRange(before: string, after: string): ts.TextChangeRange {
  const { start, oldEnd, newEnd } = changedSpan(before, after);
  return ts.createTextChangeRange(ts.createTextSpan(start, oldEnd - start), newEnd - start);
}
