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

/**
 * Every node of a tree in document order, with where each node's subtree ends, built once per
 * tree: the rules walk the same tree many times, and each walk through the WebAssembly cursor
 * costs as much as the parse.
 */
interface TreeIndex {
  nodes: Node[];
  /** For the node at position i, the position just after its last descendant. */
  ends: number[];
  positions: Map<number, number>;
}

const treeIndexes = new WeakMap<Tree, TreeIndex>();

function treeIndex(tree: Tree): TreeIndex {
  const known = treeIndexes.get(tree);
  if (known) return known;
  const index: TreeIndex = { nodes: [], ends: [], positions: new Map() };
  const open: number[] = [];
  const cursor = tree.rootNode.walk();
  try {
    descend: for (;;) {
      const node = cursor.currentNode;
      open.push(index.nodes.length);
      index.positions.set(node.id, index.nodes.length);
      index.nodes.push(node);
      index.ends.push(0);
      if (cursor.gotoFirstChild()) continue;
      for (;;) {
        index.ends[open.pop()!] = index.nodes.length;
        if (cursor.gotoNextSibling()) continue descend;
        if (!cursor.gotoParent()) break descend;
      }
    }
  } finally {
    cursor.delete();
  }
  treeIndexes.set(tree, index);
  return index;
}

/** All descendants of a node in document order, the node included. */
export function* walkPython(node: Node): Generator<Node> {
  const index = treeIndex(node.tree);
  const at = index.positions.get(node.id);
  const found = at === undefined ? undefined : index.nodes[at];
  if (at === undefined || !found || !sameNode(found, node)) {
    yield* walkWithCursor(node);
    return;
  }
  for (let i = at; i < index.ends[at]; i++) yield index.nodes[i];
}

function sameNode(a: Node, b: Node): boolean {
  return a.startIndex === b.startIndex && a.endIndex === b.endIndex && a.typeId === b.typeId;
}

function* walkWithCursor(node: Node): Generator<Node> {
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
