import { ts } from "ts-morph";

/** A parsed JavaScript or TypeScript file. */
export interface ScriptFile {
  source: ts.SourceFile;
}

function scriptKind(file: string): ts.ScriptKind {
  if (/\.tsx$/i.test(file)) return ts.ScriptKind.TSX;
  if (/\.[cm]?ts$/i.test(file)) return ts.ScriptKind.TS;
  if (/\.jsx$/i.test(file)) return ts.ScriptKind.JSX;
  return ts.ScriptKind.JS;
}

export function parseScript(file: string, text: string): ScriptFile {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKind(file));
  return { source };
}

/** Every node of a syntax tree in document order, and where each node's subtree ends. */
interface NodeOrder {
  nodes: ts.Node[];
  index: Map<ts.Node, number>;
  /** For the node at `i`, the position after its last descendant in `nodes`. */
  ends: number[];
}

/**
 * One walk per tree, shared by every rule. A tree is never changed once parsed: an incremental
 * parse builds a new source file, so its key drops out of the map with the old tree.
 */
const orders = new WeakMap<ts.SourceFile, NodeOrder>();

function childrenOf(node: ts.Node): ts.Node[] {
  const children: ts.Node[] = [];
  ts.forEachChild(node, (child) => {
    children.push(child);
  });
  return children;
}

function orderOf(source: ts.SourceFile): NodeOrder {
  const cached = orders.get(source);
  if (cached) return cached;
  const nodes: ts.Node[] = [];
  const parents: number[] = [];
  const stack: Array<[ts.Node, number]> = [[source, -1]];
  while (stack.length > 0) {
    const [current, parent] = stack.pop() as [ts.Node, number];
    const at = nodes.push(current) - 1;
    parents.push(parent);
    const children = childrenOf(current);
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], at]);
  }
  const ends = nodes.map((_, i) => i + 1);
  for (let i = nodes.length - 1; i > 0; i--) {
    ends[parents[i]] = Math.max(ends[parents[i]], ends[i]);
  }
  const order = { nodes, index: new Map(nodes.map((n, i) => [n, i])), ends };
  orders.set(source, order);
  return order;
}

function* walkTree(node: ts.Node): Generator<ts.Node> {
  const stack: ts.Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as ts.Node;
    yield current;
    const children = childrenOf(current);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

/** All descendants of a node in document order, the node included. */
export function walkScript(node: ts.Node): Iterable<ts.Node> {
  let root = node;
  while (root.parent) root = root.parent;
  if (!ts.isSourceFile(root)) return walkTree(node);
  const order = orderOf(root);
  const at = order.index.get(node);
  if (at === undefined) return walkTree(node);
  return at === 0 ? order.nodes : order.nodes.slice(at, order.ends[at]);
}

export { ts };
