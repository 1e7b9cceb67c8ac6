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

/** All descendants of a node in document order, the node included. */
export function* walkScript(node: ts.Node): Generator<ts.Node> {
  const stack: ts.Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as ts.Node;
    yield current;
    const children: ts.Node[] = [];
    ts.forEachChild(current, (child) => {
      children.push(child);
    });
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

export { ts };
