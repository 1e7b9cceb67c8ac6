import { Edit, type Point, type Tree } from "web-tree-sitter";
import { parsePython, type PythonFile } from "./python";
import { changedSpan } from "./textDiff";

interface Previous {
  text: string;
  tree: Tree;
}

/** The tree-sitter edit turning one text into another. */
export function diffEdit(before: string, after: string): Edit {
  const { start, oldEnd, newEnd } = changedSpan(before, after);
  return new Edit({
    startIndex: start,
    oldEndIndex: oldEnd,
    newEndIndex: newEnd,
    startPosition: pointAt(before, start),
    oldEndPosition: pointAt(before, oldEnd),
    newEndPosition: pointAt(after, newEnd),
  });
}

function pointAt(text: string, offset: number): Point {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: offset - lineStart };
}

/**
 * Keeps the last tree of each open Python file and re-parses edits incrementally: the old tree
 * is told what changed (`tree.edit`) and tree-sitter reuses every untouched subtree.
 */
export class PythonTreeCache {
  private readonly trees = new Map<string, Previous>();

  parse(file: string, text: string): PythonFile {
    const previous = this.trees.get(file);
    if (previous && previous.text === text)
      return { tree: previous.tree, root: previous.tree.rootNode };
    let parsed: PythonFile;
    if (previous) {
      previous.tree.edit(diffEdit(previous.text, text));
      parsed = parsePython(text, previous.tree);
      previous.tree.delete();
    } else {
      parsed = parsePython(text);
    }
    this.trees.set(file, { text, tree: parsed.tree });
    return parsed;
  }

  /** Whether the cache owns this tree (the caller must then not delete it). */
  owns(tree: Tree): boolean {
    for (const entry of this.trees.values()) if (entry.tree === tree) return true;
    return false;
  }

  forget(file: string): void {
    this.trees.get(file)?.tree.delete();
    this.trees.delete(file);
  }
}
