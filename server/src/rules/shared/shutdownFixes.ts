import type { Node } from "web-tree-sitter";
import type { ParsedFile } from "../../engine/parse";
import type { Fix, TextEdit } from "../../engine/types";
import { ts } from "../../languages/script";
import { preferredQuote } from "../../languages/scriptSyntax";
import { enclosingStatement, ensureModuleImport, linesBefore, startsLine } from "./pythonCode";
import { pythonImportMap } from "./pythonServers";
import { freshScriptName, identifiersOf, scriptIndent, usesSemicolons } from "./scriptCode";
import type { ScriptServerCall } from "./scriptServers";
import { constInitializer, unwrapScript } from "./scriptValues";

const TITLE = {
  en: "Add a SIGTERM handler that shuts down gracefully",
  zh: "添加优雅关闭的 SIGTERM 处理器",
};

function fixOf(file: ParsedFile, edits: TextEdit[]): Fix {
  return { title: TITLE, changes: [{ file: file.path, edits }], preferred: true };
}

/** Python: `signal.signal(signal.SIGTERM, …)` before the call that starts serving. */
export function pythonShutdownFix(file: ParsedFile, entry: Node): Fix | undefined {
  const root = file.python?.root;
  if (!root) return undefined;
  const imports = pythonImportMap(root);
  for (const name of ["signal", "sys"]) {
    const bound = imports.get(name);
    if (bound !== undefined && bound !== name) return undefined;
  }
  const handler = "signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))";
  const statement = enclosingStatement(entry);
  const at = file.source.positionAt(statement.startIndex);
  const insert = startsLine(file.source, statement)
    ? linesBefore(file.source, statement, [handler])
    : { range: { start: at, end: at }, newText: `${handler}; ` };
  return fixOf(file, [
    ...ensureModuleImport(root, file.source, "signal"),
    ...ensureModuleImport(root, file.source, "sys"),
    insert,
  ]);
}

interface ScriptStyle {
  quote: string;
  semi: string;
  indent: string;
  eol: string;
}

function handlerLines(style: ScriptStyle, body: string[]): string {
  const { quote, semi, indent, eol } = style;
  const lines = [
    `process.on(${quote}SIGTERM${quote}, () => {`,
    ...body.map((l) => `  ${l}${semi}`),
    `})${semi}`,
  ];
  return lines.map((l) => `${eol}${indent}${l}`).join("");
}

/** The statement a `listen` call is the whole of (`app.listen(…)`, `await app.listen(…)`). */
function listenStatement(call: ts.CallExpression): ts.Statement | undefined {
  let node: ts.Node = call;
  if (ts.isAwaitExpression(node.parent)) node = node.parent;
  if (ts.isExpressionStatement(node.parent)) return node.parent;
  const declaration = node.parent;
  if (ts.isVariableDeclaration(declaration) && ts.isIdentifier(declaration.name)) {
    const statement = declaration.parent.parent;
    return ts.isVariableStatement(statement) ? statement : undefined;
  }
  return undefined;
}

/** The name the server object is reachable by after the listen statement. */
function serverName(
  source: ts.SourceFile,
  server: ScriptServerCall,
  statement: ts.Statement,
): string | undefined {
  if (ts.isVariableStatement(statement)) {
    const name = statement.declarationList.declarations[0].name;
    return ts.isIdentifier(name) ? name.text : undefined;
  }
  const receiver = server.receiver ? unwrapScript(server.receiver) : undefined;
  if (!receiver || !ts.isIdentifier(receiver)) return undefined;
  const init = constInitializer(source, receiver.text);
  const created = init && ts.isCallExpression(unwrapScript(init)) ? unwrapScript(init) : undefined;
  const isServer =
    !!created &&
    ts.isCallExpression(created) &&
    /(^|\.)createServer$/.test(created.expression.getText(source));
  return isServer ? receiver.text : undefined;
}

/** JavaScript: close the server on SIGTERM, then exit (Nest: its own shutdown hooks). */
export function scriptShutdownFix(file: ParsedFile, server: ScriptServerCall): Fix | undefined {
  const source = file.script?.source;
  const call = server.call;
  if (!source || !ts.isCallExpression(call)) return undefined;
  const statement = listenStatement(call);
  if (!statement) return undefined;
  const style: ScriptStyle = {
    quote: preferredQuote(source),
    semi: usesSemicolons(source) ? ";" : "",
    indent: scriptIndent(file.source, statement, source),
    eol: file.source.eol,
  };
  const receiver = server.receiver?.getText(source);
  const start = file.source.positionAt(statement.getStart(source));
  const end = file.source.positionAt(statement.getEnd());
  if (server.kind === "nest") {
    const text = `${receiver}.enableShutdownHooks()${style.semi}${style.eol}${style.indent}`;
    return fixOf(file, [{ range: { start, end: start }, newText: text }]);
  }
  if (server.kind === "fastify") {
    const body = [`${receiver}.close().then(() => process.exit(0))`];
    return fixOf(file, [{ range: { start: end, end }, newText: handlerLines(style, body) }]);
  }
  const edits: TextEdit[] = [];
  let name = serverName(source, server, statement);
  if (!name && ts.isExpressionStatement(statement) && statement.expression === call) {
    name = freshScriptName(identifiersOf(source), "server");
    edits.push({ range: { start, end: start }, newText: `const ${name} = ` });
  }
  if (!name) return undefined;
  const body = [
    `${name}.close(() => process.exit(0))`,
    "setTimeout(() => process.exit(1), 10000).unref()",
  ];
  edits.push({ range: { start: end, end }, newText: handlerLines(style, body) });
  return fixOf(file, edits);
}
