import * as fs from "node:fs";
import * as path from "node:path";
import { Language, Parser, type Node, type Tree } from "web-tree-sitter";

/** A parsed Python file: the tree-sitter tree and helpers rules share. */
export interface PythonFile {
  tree: Tree;
  root: Node;
}

let parser: Parser | undefined;

/** Where a wasm file sits: next to the bundle, else in its package. */
function locateWasm(file: string, pkg: string): string {
  const beside = path.join(__dirname, file);
  if (fs.existsSync(beside)) return beside;
  return require.resolve(`${pkg}/${file}`);
}

/** Loads the tree-sitter runtime and the Python grammar once per process. */
export async function initPython(): Promise<void> {
  if (parser) return;
  const runtime = locateWasm("web-tree-sitter.wasm", "web-tree-sitter");
  await Parser.init({ locateFile: () => runtime });
  const grammar = await Language.load(locateWasm("tree-sitter-python.wasm", "tree-sitter-python"));
  const created = new Parser();
  created.setLanguage(grammar);
  parser = created;
}

export function parsePython(text: string, previous?: Tree): PythonFile {
  if (!parser) throw new Error("The Python parser is not initialised.");
  const tree = parser.parse(text, previous ?? null);
  if (!tree) throw new Error("The Python parser returned no tree.");
  return { tree, root: tree.rootNode };
}

/** All descendants of a node in document order, the node included. */
export function* walkPython(node: Node): Generator<Node> {
  const cursor = node.walk();
  try {
    let descending = true;
    for (;;) {
      if (descending) yield cursor.currentNode;
      if (descending && cursor.gotoFirstChild()) continue;
      if (cursor.gotoNextSibling()) {
        descending = true;
        continue;
      }
      if (!cursor.gotoParent()) return;
      descending = false;
      if (cursor.currentNode.id === node.id) return;
    }
  } finally {
    cursor.delete();
  }
}
