import type { Node } from "web-tree-sitter";
import { walkPython } from "../../languages/python";
import { pythonString } from "../../languages/pythonSyntax";
import { ts, walkScript } from "../../languages/script";
import { scriptString } from "../../languages/scriptSyntax";
import { nameWords } from "./secretNames";

/**
 * Code that picks its configuration by comparing the environment's name
 * (`if ENV == "production":`, `process.env.NODE_ENV === 'production' ? … : …`), when a branch
 * chooses a backing service or its settings, or a conditional's value is stored as one
 * (`host: NODE_ENV === 'production' ? … : 'localhost'`, `DB_HOST = … if ENV == "prod" else …`).
 * Branches that only turn logging or debugging up or down are left alone.
 */
export interface EnvBranch {
  /** Offsets of the comparison. */
  start: number;
  end: number;
  environment: string;
}

export const ENVIRONMENT_NAMES = new Set(
  "production prod development dev staging stage qa uat preprod test testing local".split(" "),
);

/** `ENV`, `APP_ENV`, `NODE_ENV`, `settings.ENVIRONMENT`, `config.env`, `STAGE`. */
export function isEnvironmentName(name: string): boolean {
  const words = nameWords(name);
  const last = words[words.length - 1];
  return last === "env" || last === "environment" || (words.length === 1 && last === "stage");
}

/** Words that name a backing service or one of its settings. */
export const CONFIG_WORDS = new Set(
  (
    "url uri dsn host hosts database databases db engine store cache caches redis mongo mongodb " +
    "broker queue bucket endpoint backend sqlalchemy connection client storage " +
    "postgres mysql amqp rabbitmq kafka s3 elasticsearch memcached smtp mail"
  ).split(" "),
);

function mentionsConfig(name: string): boolean {
  return nameWords(name).some((w) => CONFIG_WORDS.has(w));
}

/** `DB_HOST`, `databaseUrl`, `host`: a name that is a setting of a backing service. */
function namesConfig(name: string | undefined): boolean {
  const words = nameWords(name ?? "");
  return words.length > 0 && CONFIG_WORDS.has(words[words.length - 1]);
}

function isAddress(value: string | undefined): boolean {
  return !!value && /^[a-z][a-z0-9+.-]*:\/\//i.test(value.trim());
}

// Python

export function pythonEnvBranches(root: Node): EnvBranch[] {
  const found: EnvBranch[] = [];
  for (const node of walkPython(root)) {
    if (!["if_statement", "elif_clause", "conditional_expression"].includes(node.type)) continue;
    const condition =
      node.type === "conditional_expression"
        ? node.namedChildren[1]
        : node.childForFieldName("condition");
    const comparison = condition && pythonComparison(condition);
    if (!comparison) continue;
    const stored = node.type === "conditional_expression" && namesConfig(pythonTarget(node));
    if (stored || pythonBodies(node).some((b) => pythonChoosesConfig(b))) found.push(comparison);
  }
  return found;
}

function pythonComparison(condition: Node): EnvBranch | undefined {
  for (const node of walkPython(condition)) {
    if (node.type !== "comparison_operator") continue;
    const [left, right] = node.namedChildren;
    if (!left || !right) continue;
    const environment = pythonEnvLiteral(right) ?? pythonEnvLiteral(left);
    const subject = pythonEnvLiteral(right) ? left : right;
    if (environment && isPythonEnvSubject(subject)) {
      return { start: node.startIndex, end: node.endIndex, environment };
    }
  }
  return undefined;
}

function pythonEnvLiteral(node: Node): string | undefined {
  const values =
    node.type === "tuple" || node.type === "list" || node.type === "set"
      ? node.namedChildren.map((c) => pythonString(c))
      : [pythonString(node)];
  const first = values[0]?.toLowerCase();
  return values.every((v) => v && ENVIRONMENT_NAMES.has(v.toLowerCase())) ? first : undefined;
}

function isPythonEnvSubject(node: Node): boolean {
  if (node.type === "parenthesized_expression" && node.namedChildren[0]) {
    return isPythonEnvSubject(node.namedChildren[0]);
  }
  if (node.type === "boolean_operator") {
    const left = node.childForFieldName("left");
    return !!left && isPythonEnvSubject(left);
  }
  if (node.type === "identifier") return isEnvironmentName(node.text);
  if (node.type === "attribute")
    return isEnvironmentName(node.childForFieldName("attribute")?.text ?? "");
  if (node.type === "subscript")
    return isEnvironmentName(pythonString(node.childForFieldName("subscript")) ?? "");
  if (node.type === "call") {
    const name = pythonString(node.childForFieldName("arguments")?.namedChildren[0]);
    return !!name && isEnvironmentName(name);
  }
  return false;
}

function pythonBodies(node: Node): Node[] {
  if (node.type === "conditional_expression")
    return [node.namedChildren[0], node.namedChildren[2]].filter(Boolean);
  const bodies: Node[] = [];
  const consequence = node.childForFieldName("consequence");
  if (consequence) bodies.push(consequence);
  if (node.type === "if_statement") {
    for (const clause of node.childrenForFieldName("alternative")) {
      if (clause.type === "else_clause") bodies.push(clause);
    }
  }
  return bodies;
}

/** The name an assignment stores under: `DB_HOST`, `settings.DB_HOST`, `config["DB_HOST"]`. */
function pythonAssignedName(left: Node | null): string | undefined {
  if (left?.type === "subscript") return pythonString(left.childForFieldName("subscript"));
  if (left?.type === "attribute") return left.childForFieldName("attribute")?.text;
  return left?.text;
}

/**
 * The name a conditional expression's value is stored under: an assignment's target, a
 * dictionary key (`"HOST": … if … else …`) or a keyword argument (`broker_url=…`).
 */
function pythonTarget(node: Node): string | undefined {
  let value = node;
  while (value.parent?.type === "parenthesized_expression") value = value.parent;
  const parent = value.parent;
  if (parent?.type === "assignment" && parent.childForFieldName("right")?.id === value.id) {
    return pythonAssignedName(parent.childForFieldName("left"));
  }
  if (parent?.type === "pair" && parent.childForFieldName("value")?.id === value.id) {
    return pythonString(parent.childForFieldName("key"));
  }
  if (parent?.type === "keyword_argument") return parent.childForFieldName("name")?.text;
  return undefined;
}

function pythonChoosesConfig(body: Node): boolean {
  for (const node of walkPython(body)) {
    if (node.type === "string" && isAddress(pythonString(node))) return true;
    if (node.type === "assignment") {
      const name = pythonAssignedName(node.childForFieldName("left"));
      if (name && mentionsConfig(name)) return true;
    }
    if (node.type === "call" && mentionsConfig(node.childForFieldName("function")?.text ?? ""))
      return true;
  }
  return false;
}

// JavaScript and TypeScript

export function scriptEnvBranches(source: ts.SourceFile): EnvBranch[] {
  const found: EnvBranch[] = [];
  for (const node of walkScript(source)) {
    let condition: ts.Node | undefined;
    let bodies: ts.Node[] = [];
    if (ts.isIfStatement(node)) {
      condition = node.expression;
      bodies = node.elseStatement ? [node.thenStatement, node.elseStatement] : [node.thenStatement];
    } else if (ts.isConditionalExpression(node)) {
      condition = node.condition;
      bodies = [node.whenTrue, node.whenFalse];
    } else if (ts.isSwitchStatement(node) && isScriptEnvSubject(node.expression)) {
      const clause = node.caseBlock.clauses.find(
        (c) =>
          ts.isCaseClause(c) &&
          ENVIRONMENT_NAMES.has(scriptString(c.expression)?.toLowerCase() ?? ""),
      );
      if (clause && node.caseBlock.clauses.some((c) => scriptChoosesConfig(c))) {
        const start = node.expression.getStart(source);
        found.push({
          start,
          end: node.expression.getEnd(),
          environment: scriptString((clause as ts.CaseClause).expression) ?? "",
        });
      }
      continue;
    }
    const comparison = condition && scriptComparison(condition, source);
    if (!comparison) continue;
    const stored = ts.isConditionalExpression(node) && namesConfig(scriptTarget(node));
    if (stored || bodies.some((b) => scriptChoosesConfig(b))) found.push(comparison);
  }
  return found;
}

const FALLBACK = new Set([ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken]);

const EQUALITY = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

function scriptComparison(condition: ts.Node, source: ts.SourceFile): EnvBranch | undefined {
  for (const node of walkScript(condition)) {
    if (ts.isBinaryExpression(node) && EQUALITY.has(node.operatorToken.kind)) {
      const literal = scriptString(node.right) ?? scriptString(node.left);
      const subject = scriptString(node.right) !== undefined ? node.left : node.right;
      if (literal && ENVIRONMENT_NAMES.has(literal.toLowerCase()) && isScriptEnvSubject(subject)) {
        return { start: node.getStart(source), end: node.getEnd(), environment: literal };
      }
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const list = node.expression.expression;
      if (node.expression.name.text !== "includes" || !ts.isArrayLiteralExpression(list)) continue;
      const values = list.elements.map((e) => scriptString(e)?.toLowerCase() ?? "");
      const subject = node.arguments[0];
      if (subject && values.every((v) => ENVIRONMENT_NAMES.has(v)) && isScriptEnvSubject(subject)) {
        return { start: node.getStart(source), end: node.getEnd(), environment: values[0] };
      }
    }
  }
  return undefined;
}

function isScriptEnvSubject(node: ts.Node): boolean {
  if (ts.isParenthesizedExpression(node)) return isScriptEnvSubject(node.expression);
  if (ts.isBinaryExpression(node) && FALLBACK.has(node.operatorToken.kind)) {
    return isScriptEnvSubject(node.left);
  }
  if (ts.isIdentifier(node)) return isEnvironmentName(node.text);
  if (ts.isPropertyAccessExpression(node)) return isEnvironmentName(node.name.text);
  if (ts.isElementAccessExpression(node))
    return isEnvironmentName(scriptString(node.argumentExpression) ?? "");
  if (ts.isCallExpression(node)) return isEnvironmentName(scriptString(node.arguments[0]) ?? "");
  return false;
}

/** The name an assignment stores under: `host`, `opts.store`, `process.env["DB_URL"]`. */
function scriptAssignedName(left: ts.Expression): string | undefined {
  if (ts.isPropertyAccessExpression(left)) return left.name.text;
  if (ts.isElementAccessExpression(left)) return scriptString(left.argumentExpression);
  return left.getText();
}

/** The name a conditional expression's value is stored under (`host: … ? … : …`). */
function scriptTarget(node: ts.ConditionalExpression): string | undefined {
  let value: ts.Node = node;
  while (
    ts.isParenthesizedExpression(value.parent) ||
    ts.isAsExpression(value.parent) ||
    ts.isSatisfiesExpression(value.parent) ||
    ts.isNonNullExpression(value.parent)
  ) {
    value = value.parent;
  }
  const parent = value.parent;
  if (ts.isPropertyAssignment(parent) || ts.isVariableDeclaration(parent)) {
    return ts.isIdentifier(parent.name) || ts.isStringLiteral(parent.name)
      ? parent.name.text
      : undefined;
  }
  const assigns =
    ts.isBinaryExpression(parent) &&
    parent.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
    parent.right === value;
  return assigns ? scriptAssignedName(parent.left) : undefined;
}

function scriptChoosesConfig(body: ts.Node): boolean {
  for (const node of walkScript(body)) {
    if (
      (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) &&
      isAddress(node.text)
    )
      return true;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const name = scriptAssignedName(node.left);
      if (name && mentionsConfig(name)) return true;
    }
    if (ts.isPropertyAssignment(node) && mentionsConfig(node.name.getText())) return true;
    if (ts.isVariableDeclaration(node) && mentionsConfig(node.name.getText())) return true;
    if (
      (ts.isCallExpression(node) || ts.isNewExpression(node)) &&
      mentionsConfig(node.expression.getText())
    ) {
      return true;
    }
  }
  return false;
}
