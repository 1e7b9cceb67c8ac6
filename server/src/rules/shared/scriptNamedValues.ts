import { ts, walkScript } from "../../languages/script";
import { isProcessEnv, scriptCallee, scriptString } from "../../languages/scriptSyntax";
import type { BindingKind, LiteralPart, NamedLiteral } from "./pythonNamedValues";

const CONFIG_OWNER = /(^|\.)(config|settings|conf|configuration|options|CONFIG|SETTINGS)$/;

/** Every string or template literal of a JavaScript/TypeScript file that is bound to a name. */
export function scriptNamedLiterals(source: ts.SourceFile, aliases: Set<string>): NamedLiteral[] {
  const found: NamedLiteral[] = [];
  for (const node of walkScript(source)) {
    const entry = namedLiteralAt(node, source, aliases);
    if (entry) found.push(entry);
  }
  return found;
}

function namedLiteralAt(
  node: ts.Node,
  source: ts.SourceFile,
  aliases: Set<string>,
): NamedLiteral | undefined {
  const bind = (name: string | undefined, value: ts.Node | undefined, extra: Extra) =>
    bound(source, name, value, extra);
  if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) {
    return bind(node.name.text, node.initializer, { kind: "assignment" });
  }
  if (ts.isPropertyAssignment(node)) {
    const context = objectOwner(node.parent);
    return bind(propertyName(node.name), node.initializer, { kind: "key", context });
  }
  if (ts.isParameter(node) || ts.isBindingElement(node)) {
    const name = ts.isBindingElement(node) && node.propertyName ? node.propertyName : node.name;
    return bind(propertyName(name), node.initializer, { kind: "default" });
  }
  if (ts.isPropertyDeclaration(node)) {
    return bind(propertyName(node.name), node.initializer, { kind: "assignment" });
  }
  if (ts.isJsxAttribute(node) && node.initializer && ts.isStringLiteral(node.initializer)) {
    return bind(node.name.getText(source), node.initializer, { kind: "key" });
  }
  if (ts.isBinaryExpression(node)) return binary(node, source, aliases);
  return undefined;
}

function binary(
  node: ts.BinaryExpression,
  source: ts.SourceFile,
  aliases: Set<string>,
): NamedLiteral | undefined {
  const operator = node.operatorToken.kind;
  if (operator === ts.SyntaxKind.EqualsToken) {
    const left = node.left;
    if (ts.isPropertyAccessExpression(left)) {
      return bound(source, left.name.text, node.right, {
        kind: "attribute",
        context: ts.isIdentifier(left.expression) ? left.expression.text : undefined,
        envWrite: isProcessEnv(left.expression, aliases),
      });
    }
    if (ts.isElementAccessExpression(left)) {
      return bound(source, scriptString(left.argumentExpression), node.right, {
        kind: "subscript",
        configKey: CONFIG_OWNER.test(left.expression.getText(source)),
        envWrite: isProcessEnv(left.expression, aliases),
      });
    }
    return undefined;
  }
  const comparisons = [
    ts.SyntaxKind.EqualsEqualsEqualsToken,
    ts.SyntaxKind.EqualsEqualsToken,
    ts.SyntaxKind.ExclamationEqualsEqualsToken,
    ts.SyntaxKind.ExclamationEqualsToken,
  ];
  if (!comparisons.includes(operator)) return undefined;
  const [subject, literal] = isLiteral(node.right)
    ? [node.left, node.right]
    : [node.right, node.left];
  return bound(source, subjectName(subject), literal, { kind: "comparison" });
}

function subjectName(node: ts.Node): string | undefined {
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isElementAccessExpression(node)) return scriptString(node.argumentExpression);
  return undefined;
}

function propertyName(name: ts.Node | undefined): string | undefined {
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name)) return scriptString(name.expression);
  return undefined;
}

/** What an object literal belongs to: its variable, the call it is passed to, its parent key. */
function objectOwner(object: ts.Node): string | undefined {
  const parent = object.parent;
  if (!parent) return undefined;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) {
    return ts.isCallExpression(parent)
      ? scriptCallee(parent)
      : parent.expression.getText().replace(/\s+/g, "");
  }
  if (ts.isPropertyAssignment(parent)) return propertyName(parent.name);
  return undefined;
}

interface Extra {
  kind: BindingKind;
  context?: string;
  configKey?: boolean;
  envWrite?: boolean;
}

function unwrap(node: ts.Node | undefined): ts.Node | undefined {
  let current = node;
  while (
    current &&
    (ts.isParenthesizedExpression(current) ||
      ts.isAsExpression(current) ||
      ts.isSatisfiesExpression(current))
  ) {
    current = current.expression;
  }
  return current;
}

function isLiteral(node: ts.Node | undefined): boolean {
  const inner = unwrap(node);
  return (
    !!inner &&
    (ts.isStringLiteral(inner) ||
      ts.isNoSubstitutionTemplateLiteral(inner) ||
      ts.isTemplateExpression(inner))
  );
}

function bound(
  source: ts.SourceFile,
  name: string | undefined,
  value: ts.Node | undefined,
  extra: Extra,
): NamedLiteral | undefined {
  const literal = unwrap(value);
  if (!name || !literal || !isLiteral(literal)) return undefined;
  const parts = templateParts(literal, source);
  const start = literal.getStart(source);
  return {
    name,
    kind: extra.kind,
    literal: { start, end: literal.getEnd() },
    value: ts.isTemplateExpression(literal) ? undefined : parts.map((p) => p.text).join(""),
    parts,
    context: extra.context,
    configKey: extra.configKey ?? false,
    envWrite: extra.envWrite ?? false,
    isDefault: extra.kind === "default",
    prefix: "",
    quote: source.text[start],
  };
}

/** The static pieces of a string or template literal, with source offsets. */
export function templateParts(literal: ts.Node, source: ts.SourceFile): LiteralPart[] {
  if (ts.isStringLiteral(literal) || ts.isNoSubstitutionTemplateLiteral(literal)) {
    return [{ start: literal.getStart(source) + 1, end: literal.getEnd() - 1, text: literal.text }];
  }
  if (!ts.isTemplateExpression(literal)) return [];
  const head = literal.head;
  const parts: LiteralPart[] = [
    { start: head.getStart(source) + 1, end: head.getEnd() - 2, text: head.text },
  ];
  for (const span of literal.templateSpans) {
    const piece = span.literal;
    const closing = ts.isTemplateTail(piece) ? 1 : 2;
    parts.push({
      start: piece.getStart(source) + 1,
      end: piece.getEnd() - closing,
      text: piece.text,
    });
  }
  return parts.filter((p) => p.text.length > 0);
}
