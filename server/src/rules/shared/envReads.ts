import { isMap, isScalar, isSeq } from "yaml";
import type { Node } from "web-tree-sitter";
import type { ParsedFile } from "../../engine/parse";
import { walkPython } from "../../languages/python";
import { pythonEnvNames, pythonString, type PythonEnvNames } from "../../languages/pythonSyntax";
import { ts, walkScript } from "../../languages/script";
import { envAliases, isProcessEnv, scriptString } from "../../languages/scriptSyntax";
import { finalStage } from "../../languages/dockerfile";
import { scalarString } from "../../languages/yamlFile";

/** An environment variable a file reads, with the offsets of its name. */
export interface EnvRead {
  name: string;
  start: number;
  end: number;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The variables a Python, JavaScript, Dockerfile or compose file reads from the environment. */
export function envReadsOf(file: ParsedFile): EnvRead[] {
  if (file.python) return pythonEnvReads(file.python.root, pythonEnvNames(file.python.root));
  if (file.script) return scriptEnvReads(file.script.source);
  if (file.docker) return dockerEnvReads(file);
  if (file.kind === "compose") return composeEnvReads(file);
  return [];
}

function isEnviron(node: Node | null, env: PythonEnvNames): boolean {
  if (!node) return false;
  if (node.type === "identifier") return env.environ.has(node.text);
  const object = node.childForFieldName("object");
  return (
    node.type === "attribute" &&
    node.childForFieldName("attribute")?.text === "environ" &&
    !!object &&
    env.os.has(object.text)
  );
}

function literalRead(node: Node | null | undefined): EnvRead | undefined {
  const name = pythonString(node);
  if (!node || !name || !NAME.test(name)) return undefined;
  return { name, start: node.startIndex, end: node.endIndex };
}

/** `os.environ["X"]`, `os.environ.get("X")`, `os.getenv("X")`, `"X" in os.environ`, aliases. */
export function pythonEnvReads(root: Node, env: PythonEnvNames): EnvRead[] {
  const reads: EnvRead[] = [];
  for (const node of walkPython(root)) {
    let read: EnvRead | undefined;
    if (node.type === "subscript" && isEnviron(node.childForFieldName("value"), env)) {
      const parent = node.parent;
      const written =
        (parent?.type === "assignment" && parent.childForFieldName("left")?.id === node.id) ||
        parent?.type === "delete_statement";
      if (!written) read = literalRead(node.childForFieldName("subscript"));
    } else if (node.type === "call" && isEnvCall(node, env)) {
      read = literalRead(node.childForFieldName("arguments")?.namedChildren[0]);
    } else if (node.type === "comparison_operator" && node.children.some((c) => c.type === "in")) {
      const [left, right] = node.namedChildren;
      if (isEnviron(right ?? null, env)) read = literalRead(left);
    }
    if (read) reads.push(read);
  }
  return reads;
}

function isEnvCall(call: Node, env: PythonEnvNames): boolean {
  const fn = call.childForFieldName("function");
  if (fn?.type === "identifier") return env.getenv.has(fn.text);
  if (fn?.type !== "attribute") return false;
  const attribute = fn.childForFieldName("attribute")?.text;
  const object = fn.childForFieldName("object");
  if (attribute === "getenv") return !!object && env.os.has(object.text);
  return attribute === "get" && isEnviron(object, env);
}

/** `process.env.X`, `process.env["X"]`, `const { X } = process.env`, `"X" in process.env`. */
export function scriptEnvReads(source: ts.SourceFile): EnvRead[] {
  const aliases = envAliases(source);
  const reads: EnvRead[] = [];
  const push = (name: string | undefined, node: ts.Node) => {
    if (name && NAME.test(name))
      reads.push({ name, start: node.getStart(source), end: node.getEnd() });
  };
  for (const node of walkScript(source)) {
    if (ts.isPropertyAccessExpression(node) && isProcessEnv(node.expression, aliases)) {
      if (!isWritten(node)) push(node.name.text, node.name);
    } else if (ts.isElementAccessExpression(node) && isProcessEnv(node.expression, aliases)) {
      if (!isWritten(node)) push(scriptString(node.argumentExpression), node.argumentExpression);
    } else if (
      ts.isVariableDeclaration(node) &&
      ts.isObjectBindingPattern(node.name) &&
      node.initializer &&
      isProcessEnv(node.initializer, aliases)
    ) {
      for (const element of node.name.elements) {
        const key = element.propertyName ?? element.name;
        if (ts.isIdentifier(key) || ts.isStringLiteral(key)) push(key.text, key);
      }
    } else if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.InKeyword &&
      isProcessEnv(node.right, aliases)
    ) {
      push(scriptString(node.left), node.left);
    }
  }
  return reads;
}

function isWritten(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isDeleteExpression(parent)) return true;
  return (
    ts.isBinaryExpression(parent) &&
    parent.left === node &&
    parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
    parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment
  );
}

const REFERENCE = /(?<!\$)\$(?:\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}|([A-Za-z_][A-Za-z0-9_]*))/g;

function references(text: string, offset: number): EnvRead[] {
  const reads: EnvRead[] = [];
  for (const match of text.matchAll(REFERENCE)) {
    const name = match[1] ?? match[2];
    const start = offset + (match.index ?? 0) + (match[1] ? 2 : 1);
    reads.push({ name, start, end: start + name.length });
  }
  return reads;
}

/**
 * Variables the container's start command expands at run time (`CMD`, `ENTRYPOINT`,
 * `HEALTHCHECK` of the final stage) that the Dockerfile does not set itself.
 */
export function dockerEnvReads(file: ParsedFile): EnvRead[] {
  const docker = file.docker;
  if (!docker) return [];
  const defined = new Set<string>();
  for (const instruction of docker.instructions) {
    if (instruction.keyword !== "ENV" && instruction.keyword !== "ARG") continue;
    for (const match of instruction.args.matchAll(/(?:^|\s)([A-Za-z_][A-Za-z0-9_]*)(?==|\s|$)/g)) {
      defined.add(match[1]);
    }
  }
  const reads: EnvRead[] = [];
  for (const instruction of finalStage(docker)) {
    if (!["CMD", "ENTRYPOINT", "HEALTHCHECK"].includes(instruction.keyword)) continue;
    if (!instruction.argsRange) continue;
    const start = file.source.offsetAt(instruction.argsRange.start);
    const end = file.source.offsetAt(instruction.argsRange.end);
    for (const read of references(file.source.text.slice(start, end), start)) {
      if (!defined.has(read.name)) reads.push(read);
    }
  }
  return reads;
}

/** `${VAR}` / `$VAR` interpolation and pass-through entries (`- VAR`, `VAR:`) of compose. */
export function composeEnvReads(file: ParsedFile): EnvRead[] {
  const reads: EnvRead[] = [];
  const { source } = file;
  for (let line = 0; line < source.lineCount; line++) {
    const text = source.lineText(line).replace(/(^|\s)#.*$/, "");
    reads.push(...references(text, source.lineStart(line)));
  }
  for (const document of file.yaml?.documents ?? []) {
    const services = isMap(document.contents) ? document.contents.get("services", true) : null;
    if (!isMap(services)) continue;
    for (const pair of services.items) {
      const environment = isMap(pair.value) ? pair.value.get("environment", true) : null;
      reads.push(...passThrough(environment));
    }
  }
  return reads.sort((a, b) => a.start - b.start);
}

function passThrough(environment: unknown): EnvRead[] {
  const reads: EnvRead[] = [];
  if (isSeq(environment)) {
    for (const item of environment.items) {
      const text = scalarString(item);
      if (isScalar(item) && text && NAME.test(text) && item.range) {
        reads.push({ name: text, start: item.range[0], end: item.range[1] });
      }
    }
  } else if (isMap(environment)) {
    for (const pair of environment.items) {
      const name = scalarString(pair.key);
      const key = pair.key as { range?: [number, number, number] } | null;
      const empty = pair.value === null || (isScalar(pair.value) && pair.value.value === null);
      if (name && empty && key?.range) reads.push({ name, start: key.range[0], end: key.range[1] });
    }
  }
  return reads;
}
