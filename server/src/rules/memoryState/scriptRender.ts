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

/** Renders source ranges with every store rewrite inside them applied, innermost first. */
export class StoreRenderer {
  constructor(
    private readonly source: ts.SourceFile,
    private readonly store: string,
    private readonly rewrites: ScriptRewrite[],
    private readonly local: string,
  ) {}

  /** The text of a node with the rewrites inside it applied (`overrides` replace nodes outright). */
  text(node: ts.Node, overrides = new Map<ts.Node, string>()): string {
    const start = node.getStart(this.source);
    const end = node.getEnd();
    const inner = this.maximal(start, end, node, overrides);
    let result = "";
    let at = start;
    for (const item of inner) {
      result += this.source.text.slice(at, item.node.getStart(this.source)) + item.render();
      at = item.node.getEnd();
    }
    return result + this.source.text.slice(at, end);
  }

  private maximal(start: number, end: number, self: ts.Node, overrides: Map<ts.Node, string>) {
    const items = [
      ...[...overrides].map(([node, text]) => ({ node, render: () => text })),
      ...this.rewrites.map((r) => ({ node: r.node, render: () => this.render(r, overrides) })),
    ].filter(
      (i) => i.node !== self && i.node.getStart(this.source) >= start && i.node.getEnd() <= end,
    );
    const outer = items.filter(
      (i) =>
        !items.some(
          (o) =>
            o !== i &&
            o.node.getStart(this.source) <= i.node.getStart(this.source) &&
            o.node.getEnd() >= i.node.getEnd() &&
            o.node !== i.node,
        ),
    );
    return outer.sort((a, b) => a.node.getStart(this.source) - b.node.getStart(this.source));
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
