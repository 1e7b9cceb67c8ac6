import { ts } from "../../languages/script";
import type { ScriptRewrite } from "./scriptUses";

/** Contexts where an `await …` expression needs no parentheses. */
function bare(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isExpressionStatement(parent) || ts.isReturnStatement(parent)) return true;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent))
    return parent.initializer === node;
  if (ts.isParenthesizedExpression(parent) || ts.isArrayLiteralExpression(parent)) return true;
  if (ts.isTemplateSpan(parent) || ts.isSpreadElement(parent)) return true;
  if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) return parent.expression !== node;
  return false;
}

const wrap = (node: ts.Node, text: string): string => (bare(node) ? text : `(${text})`);

/**
 * The items whose node lies inside no other item's node (two nodes with the same span each hold
 * the other), in their original order. Sorting by start, then by end from the longest, puts
 * every possible holder of a node before it, so one pass decides each item.
 */
export function outermost<T extends { node: ts.Node }>(
  items: T[],
  startOf: (node: ts.Node) => number,
): T[] {
  const nodes = [...new Set(items.map((i) => i.node))].map((node) => ({
    node,
    start: startOf(node),
    end: node.getEnd(),
  }));
  nodes.sort((a, b) => a.start - b.start || b.end - a.end);
  const held = new Set<ts.Node>();
  let reach = -1;
  nodes.forEach((n, k) => {
    const twin = [nodes[k - 1], nodes[k + 1]].some((o) => o?.start === n.start && o.end === n.end);
    if (twin || reach >= n.end) held.add(n.node);
    reach = Math.max(reach, n.end);
  });
  return items.filter((i) => !held.has(i.node));
}

/** Renders source ranges with every store rewrite inside them applied, innermost first. */
export class StoreRenderer {
  constructor(
    private readonly source: ts.SourceFile,
    private readonly store: string,
    private readonly rewrites: ScriptRewrite[],
    private readonly local: string,
  ) {}

  private readonly starts = new Map<ts.Node, number>();

  /** Where a node's text starts, without its leading trivia; remembered per node. */
  startOf(node: ts.Node): number {
    let start = this.starts.get(node);
    if (start === undefined) {
      start = node.getStart(this.source);
      this.starts.set(node, start);
    }
    return start;
  }

  /** The text of a node with the rewrites inside it applied (`overrides` replace nodes outright). */
  text(node: ts.Node, overrides = new Map<ts.Node, string>()): string {
    const start = this.startOf(node);
    const end = node.getEnd();
    const inner = this.maximal(start, end, node, overrides);
    let result = "";
    let at = start;
    for (const item of inner) {
      result += this.source.text.slice(at, this.startOf(item.node)) + item.render();
      at = item.node.getEnd();
    }
    return result + this.source.text.slice(at, end);
  }

  private byStart: ScriptRewrite[] | undefined;

  /** The rewrites whose node starts within a range, in order of start then of the list. */
  private rewritesFrom(start: number, end: number): ScriptRewrite[] {
    const sorted = (this.byStart ??= [...this.rewrites].sort(
      (a, b) => this.startOf(a.node) - this.startOf(b.node),
    ));
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.startOf(sorted[middle].node) < start) low = middle + 1;
      else high = middle;
    }
    let stop = low;
    while (stop < sorted.length && this.startOf(sorted[stop].node) <= end) stop++;
    return sorted.slice(low, stop);
  }

  private maximal(start: number, end: number, self: ts.Node, overrides: Map<ts.Node, string>) {
    const items = [
      ...[...overrides].map(([node, text]) => ({ node, render: () => text })),
      ...this.rewritesFrom(start, end).map((r) => ({
        node: r.node,
        render: () => this.render(r, overrides),
      })),
    ].filter((i) => i.node !== self && this.startOf(i.node) >= start && i.node.getEnd() <= end);
    const outer = outermost(items, (node) => this.startOf(node));
    return outer.sort((a, b) => this.startOf(a.node) - this.startOf(b.node));
  }

  private key(key: ts.Expression | string, overrides: Map<ts.Node, string>): string {
    return typeof key === "string" ? JSON.stringify(key) : this.text(key, overrides);
  }

  /** The replacement text of one rewrite. */
  render(rewrite: ScriptRewrite, overrides = new Map<ts.Node, string>()): string {
    const store = this.store;
    switch (rewrite.kind) {
      case "read":
        return wrap(rewrite.node, `await ${store}.get(${this.key(rewrite.key, overrides)})`);
      case "call": {
        const args = rewrite.node.arguments.map((a) => this.text(a, overrides)).join(", ");
        return wrap(rewrite.node, `await ${store}.${rewrite.method}(${args})`);
      }
      case "has":
        return wrap(rewrite.node, `await ${store}.has(${this.text(rewrite.key, overrides)})`);
      case "delete":
        return wrap(rewrite.node, `await ${store}.delete(${this.key(rewrite.key, overrides)})`);
      case "assign": {
        const key = this.key(rewrite.key, overrides);
        const value = rewrite.value ? this.text(rewrite.value, overrides) : "1";
        const next = rewrite.operator
          ? `(await ${store}.get(${key})) ${rewrite.operator} ${value}`
          : value;
        return `await ${store}.set(${key}, ${next})`;
      }
      case "update": {
        const body = this.text(rewrite.node, new Map([...overrides, [rewrite.read, this.local]]));
        const async = /\bawait\b/.test(body) ? "async " : "";
        return `await ${store}.update(${this.key(rewrite.key, overrides)}, ${async}(${this.local}) => ${body})`;
      }
      default:
        return rewrite.node.getText(this.source);
    }
  }
}
