import type { Node } from "web-tree-sitter";
import { walkPython } from "../../languages/python";
import { pythonString, type PythonEnvNames } from "../../languages/pythonSyntax";

/** The static text of a string literal between its quotes, with source offsets. */
export interface LiteralPart {
  start: number;
  end: number;
  /** The characters the program sees (escapes decoded). */
  text: string;
}

export type BindingKind =
  | "assignment"
  | "attribute"
  | "subscript"
  | "keyword"
  | "key"
  | "default"
  | "comparison";

/** A string literal bound to a name: assigned, passed by keyword, stored under a key… */
export interface NamedLiteral {
  name: string;
  kind: BindingKind;
  /** The literal node (string, concatenated string or template). */
  literal: { start: number; end: number };
  /** The whole value when the literal has no interpolation. */
  value?: string;
  parts: LiteralPart[];
  /** What the name belongs to: the dict's variable, the call, the attribute's object. */
  context?: string;
  /** `app.config["SECRET_KEY"]`: the key is already the setting's name. */
  configKey: boolean;
  /** `os.environ["X"] = "…"`: the code sets the environment itself. */
  envWrite: boolean;
  /** A function parameter's default. */
  isDefault: boolean;
  /** Python prefix of the literal (`f`, `r`, `b`…), lower case. */
  prefix: string;
  quote: string;
}

const CONFIG_OWNER = /(^|\.)(config|settings|conf|configuration|options|CONFIG|SETTINGS)$/;

/** Every string literal of a Python file that is bound to a name. */
export function pythonNamedLiterals(root: Node, env: PythonEnvNames): NamedLiteral[] {
  const found: NamedLiteral[] = [];
  for (const node of walkPython(root)) {
    const entry = namedLiteralAt(node, env);
    if (entry) found.push(entry);
  }
  return found;
}

function namedLiteralAt(node: Node, env: PythonEnvNames): NamedLiteral | undefined {
  switch (node.type) {
    case "assignment":
      return assigned(node, env);
    case "keyword_argument":
      return bound(node.childForFieldName("name")?.text, node.childForFieldName("value"), {
        kind: "keyword",
        context: callOf(node),
      });
    case "pair":
      return bound(pythonString(node.childForFieldName("key")), node.childForFieldName("value"), {
        kind: "key",
        context: dictOwner(node.parent),
      });
    case "default_parameter":
    case "typed_default_parameter":
      return bound(node.childForFieldName("name")?.text, node.childForFieldName("value"), {
        kind: "default",
      });
    case "comparison_operator":
      return compared(node);
  }
  return undefined;
}

function assigned(node: Node, env: PythonEnvNames): NamedLiteral | undefined {
  const left = node.childForFieldName("left");
  const right = node.childForFieldName("right");
  if (!left || !right) return undefined;
  if (left.type === "identifier") return bound(left.text, right, { kind: "assignment" });
  if (left.type === "attribute") {
    const object = left.childForFieldName("object");
    return bound(left.childForFieldName("attribute")?.text, right, {
      kind: "attribute",
      context: object?.type === "identifier" ? object.text : undefined,
    });
  }
  if (left.type === "subscript") {
    const owner = left.childForFieldName("value");
    const key = pythonString(left.childForFieldName("subscript"));
    const envWrite = !!owner && isEnviron(owner, env);
    return bound(key, right, {
      kind: "subscript",
      configKey: !!owner && CONFIG_OWNER.test(owner.text),
      envWrite,
    });
  }
  return undefined;
}

function isEnviron(node: Node, env: PythonEnvNames): boolean {
  if (node.type === "identifier") return env.environ.has(node.text);
  const object = node.childForFieldName("object");
  return (
    node.type === "attribute" &&
    node.childForFieldName("attribute")?.text === "environ" &&
    !!object &&
    env.os.has(object.text)
  );
}

function compared(node: Node): NamedLiteral | undefined {
  if (!node.children.some((c) => c.type === "==" || c.type === "!=")) return undefined;
  const [a, b] = node.namedChildren;
  if (!a || !b || node.namedChildren.length !== 2) return undefined;
  const [subject, literal] = isStringNode(b) ? [a, b] : [b, a];
  return bound(subjectName(subject), literal, { kind: "comparison" });
}

function subjectName(node: Node): string | undefined {
  if (node.type === "identifier") return node.text;
  if (node.type === "attribute") return node.childForFieldName("attribute")?.text;
  if (node.type === "subscript") return pythonString(node.childForFieldName("subscript"));
  return undefined;
}

interface BindOptions {
  kind: BindingKind;
  context?: string;
  configKey?: boolean;
  envWrite?: boolean;
}

function bound(
  name: string | undefined,
  value: Node | null,
  options: BindOptions,
): NamedLiteral | undefined {
  const literal = unwrap(value);
  if (!name || !literal || !isStringNode(literal)) return undefined;
  const strings = literal.type === "concatenated_string" ? literal.namedChildren : [literal];
  const first = strings[0];
  const start = first.namedChildren.find((c) => c.type === "string_start")?.text ?? '"';
  const prefix = /^[a-zA-Z]*/.exec(start)?.[0].toLowerCase() ?? "";
  if (prefix.includes("b")) return undefined;
  const parts = strings.flatMap(literalParts);
  const interpolated = strings.some((s) => s.namedChildren.some((c) => c.type === "interpolation"));
  return {
    name,
    kind: options.kind,
    literal: { start: literal.startIndex, end: literal.endIndex },
    value: interpolated ? undefined : parts.map((p) => p.text).join(""),
    parts,
    context: options.context,
    configKey: options.configKey ?? false,
    envWrite: options.envWrite ?? false,
    isDefault: options.kind === "default",
    prefix,
    quote: start.slice(prefix.length),
  };
}

function unwrap(node: Node | null): Node | null {
  let current = node;
  while (current?.type === "parenthesized_expression") current = current.namedChildren[0] ?? null;
  return current;
}

function isStringNode(node: Node): boolean {
  return node.type === "string" || node.type === "concatenated_string";
}

/** The static pieces of one string node, between interpolations. */
function literalParts(string: Node): LiteralPart[] {
  const start = string.namedChildren.find((c) => c.type === "string_start")?.text ?? "";
  const raw = /r/i.test(/^[a-zA-Z]*/.exec(start)?.[0] ?? "");
  return string.namedChildren
    .filter((c) => c.type === "string_content")
    .map((c) => ({
      start: c.startIndex,
      end: c.endIndex,
      text: raw ? c.text : decodePythonEscapes(c.text),
    }));
}

const SIMPLE_ESCAPES: Record<string, string> = {
  n: "\n",
  t: "\t",
  r: "\r",
  "0": "\0",
  "\\": "\\",
  "'": "'",
  '"': '"',
  "\n": "",
};

export function decodePythonEscapes(text: string): string {
  return text.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.|\n)/g, (m, e) => {
    if (/^[xuU]/.test(e)) return String.fromCodePoint(parseInt(e.slice(1), 16));
    return SIMPLE_ESCAPES[e] ?? m;
  });
}

/** The call a keyword argument is passed to, by its dotted callee text. */
function callOf(argument: Node): string | undefined {
  const call = argument.parent?.parent;
  return call?.type === "call" ? call.childForFieldName("function")?.text : undefined;
}

/** What a dict literal belongs to: its variable, the call it is passed to, or its parent key. */
function dictOwner(dict: Node | null): string | undefined {
  const parent = dict?.parent;
  if (!parent) return undefined;
  if (parent.type === "assignment") return parent.childForFieldName("left")?.text;
  if (parent.type === "argument_list") return callOf(dict);
  if (parent.type === "pair") return pythonString(parent.childForFieldName("key"));
  if (parent.type === "keyword_argument") return parent.childForFieldName("name")?.text;
  return undefined;
}
