import { ts, walkScript } from "../../languages/script";
import { declarationName } from "../../languages/scriptSyntax";
import { enclosingScriptFunction } from "../shared/scriptCode";
import { isScriptRouteCallback, isScriptWebModule } from "../shared/webApps";
import { KEY_HINT, STATE_NAME } from "./stateNames";

export type ScriptContainerKind = "map" | "set" | "object" | "array";

/** A Map, Set, object or array that outlives requests: module-level or a singleton's field. */
export interface ScriptContainer {
  name: string;
  scope: "module" | "class";
  /** What a finding underlines: the declaration (`sessions = new Map()`). */
  definition: ts.Node;
  value: ts.Expression;
  kind: ScriptContainerKind;
  declaration?: ts.VariableDeclaration;
  /** References: identifiers, or `this.x` accesses for class fields. */
  refs: ts.Expression[];
  /** The first reference that changes it inside a function. */
  mutation: ts.Expression;
}

/** Methods of Map, Set and Array that change the container in place. */
const MUTATING_METHODS = new Set(
  "set delete clear add push pop shift unshift splice sort reverse fill".split(" "),
);

function containerKind(value: ts.Expression): ScriptContainerKind | undefined {
  if (ts.isObjectLiteralExpression(value)) return "object";
  if (ts.isArrayLiteralExpression(value)) return "array";
  if (ts.isNewExpression(value) && ts.isIdentifier(value.expression)) {
    if (value.expression.text === "Map") return "map";
    if (value.expression.text === "Set") return "set";
  }
  if (ts.isCallExpression(value) && value.expression.getText() === "Object.create") return "object";
  return undefined;
}

const isAssignmentOperator = (kind: ts.SyntaxKind): boolean =>
  kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;

/** Whether an expression is written: assigned, deleted, incremented. */
export function isWritten(node: ts.Expression): boolean {
  const parent = node.parent;
  if (ts.isBinaryExpression(parent))
    return parent.left === node && isAssignmentOperator(parent.operatorToken.kind);
  if (ts.isDeleteExpression(parent)) return true;
  if (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) {
    return [ts.SyntaxKind.PlusPlusToken, ts.SyntaxKind.MinusMinusToken].includes(parent.operator);
  }
  return false;
}

/** Whether the value an expression yields is changed in place (`x.push(v)`, `x.n = 1`, `x[k]++`). */
export function changedInPlace(node: ts.Expression): boolean {
  const parent = node.parent;
  if (
    (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) &&
    parent.expression === node
  ) {
    if (isWritten(parent)) return true;
    const call = parent.parent;
    if (
      ts.isPropertyAccessExpression(parent) &&
      ts.isCallExpression(call) &&
      call.expression === parent
    ) {
      return MUTATING_METHODS.has(parent.name.text);
    }
    return changedInPlace(parent);
  }
  return false;
}

/**
 * The variable a read value is kept in (`const cart = carts.get(u) || []`), when it is later
 * changed in place: the change is to the stored value.
 */
export function changedAlias(read: ts.Expression): ts.Identifier | undefined {
  let node: ts.Node = read;
  while (ts.isBinaryExpression(node.parent) || ts.isParenthesizedExpression(node.parent)) {
    node = node.parent;
  }
  const declaration = node.parent;
  if (!ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name))
    return undefined;
  const name = declaration.name.text;
  const fn = enclosingScriptFunction(declaration);
  if (!fn) return undefined;
  const uses = [...walkScript(fn)].filter(
    (n): n is ts.Identifier => ts.isIdentifier(n) && n.text === name && n !== declaration.name,
  );
  return uses.filter((u) => changedInPlace(u)).pop();
}

/** Whether a reference changes the container or a value in it. */
export function mutates(ref: ts.Expression): boolean {
  const parent = ref.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.expression === ref) {
    const call = parent.parent;
    if (ts.isCallExpression(call) && call.expression === parent) {
      if (MUTATING_METHODS.has(parent.name.text)) return true;
      return parent.name.text === "get" && (changedInPlace(call) || !!changedAlias(call));
    }
    return isWritten(parent) || changedInPlace(parent) || !!changedAlias(parent);
  }
  if (ts.isElementAccessExpression(parent) && parent.expression === ref) {
    return isWritten(parent) || changedInPlace(parent) || !!changedAlias(parent);
  }
  return false;
}

/** The scope a local declaration of a name covers: its function, block or file. */
function shadowedScope(node: ts.Node): ts.Node | undefined {
  if (ts.isParameter(node)) return node.parent;
  if (
    ts.isVariableDeclaration(node) ||
    ts.isFunctionDeclaration(node) ||
    ts.isClassDeclaration(node)
  ) {
    return node.parent?.parent?.parent ?? node;
  }
  return undefined;
}

function within(node: ts.Node, scope: ts.Node): boolean {
  return node.pos >= scope.pos && node.end <= scope.end;
}

/** Whether an identifier reads a variable, not names a property or a declaration. */
function isVariableUse(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  const named = (parent as { name?: ts.Node }).name === node;
  return !named || ts.isShorthandPropertyAssignment(parent);
}

/** Identifiers and local declarations of some names, gathered in one walk of the file. */
interface NameUses {
  identifiers: Map<string, ts.Identifier[]>;
  declarations: Map<string, Array<{ node: ts.Node; scope: ts.Node }>>;
}

function nameUses(source: ts.SourceFile, names: Set<string>): NameUses {
  const uses: NameUses = { identifiers: new Map(), declarations: new Map() };
  for (const node of walkScript(source)) {
    const declared = declarationName(node);
    const scope = declared !== undefined && names.has(declared) && shadowedScope(node);
    if (scope) pushTo(uses.declarations, declared as string, { node, scope });
    if (ts.isIdentifier(node) && names.has(node.text) && isVariableUse(node)) {
      pushTo(uses.identifiers, node.text, node);
    }
  }
  return uses;
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** References to a module-level variable outside the scopes where a local one shadows it. */
function moduleRefs(uses: NameUses, declaration: ts.VariableDeclaration, name: string) {
  const scopes = (uses.declarations.get(name) ?? [])
    .filter((d) => d.node !== declaration)
    .map((d) => d.scope);
  return (uses.identifiers.get(name) ?? []).filter(
    (node) => node !== declaration.name && !scopes.some((s) => within(node, s)),
  );
}

type Candidate = Omit<ScriptContainer, "mutation"> & {
  className?: ts.ClassLikeDeclaration;
  /** A static field: one per process whatever the number of instances. */
  shared?: boolean;
};

function moduleCandidates(source: ts.SourceFile): Candidate[] {
  const found: Array<Omit<Candidate, "refs"> & { declaration: ts.VariableDeclaration }> = [];
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      const value = declaration.initializer;
      const kind = value ? containerKind(value) : undefined;
      if (!value || !kind || !ts.isIdentifier(declaration.name)) continue;
      const name = declaration.name.text;
      found.push({ name, scope: "module", definition: declaration, value, kind, declaration });
    }
  }
  if (found.length === 0) return [];

  const uses = nameUses(source, new Set(found.map((c) => c.name)));
  return found.map((c) => ({ ...c, refs: moduleRefs(uses, c.declaration, c.name) }));
}

function thisRefs(
  cls: ts.ClassLikeDeclaration,
  name: string,
  definition: ts.Node,
): ts.Expression[] {
  const refs: ts.Expression[] = [];
  for (const node of walkScript(cls)) {
    if (!ts.isPropertyAccessExpression(node) || node.name.text !== name) continue;
    if (node.expression.kind !== ts.SyntaxKind.ThisKeyword) continue;
    if (ts.isBinaryExpression(node.parent) && node.parent === definition) continue;
    refs.push(node);
  }
  return refs;
}

/** `Class.name` anywhere in the file, and `this.name` inside the class's static members. */
function staticRefs(
  source: ts.SourceFile,
  cls: ts.ClassLikeDeclaration,
  name: string,
): ts.Expression[] {
  const className = cls.name?.text;
  const refs: ts.Expression[] = [];
  for (const node of walkScript(source)) {
    if (!ts.isPropertyAccessExpression(node) || node.name.text !== name) continue;
    const owner = node.expression;
    if (className && ts.isIdentifier(owner) && owner.text === className) refs.push(node);
    else if (owner.kind === ts.SyntaxKind.ThisKeyword && isInStaticMember(node, cls)) {
      refs.push(node);
    }
  }
  return refs;
}

function isInStaticMember(node: ts.Node, cls: ts.ClassLikeDeclaration): boolean {
  for (let p = node.parent; p && p !== cls; p = p.parent) {
    if (p.parent === cls && ts.isClassElement(p)) return isStatic(p);
  }
  return false;
}

function isStatic(member: ts.ClassElement): boolean {
  return (
    ts.canHaveModifiers(member) &&
    (ts.getModifiers(member) ?? []).some((m) => m.kind === ts.SyntaxKind.StaticKeyword)
  );
}

function classCandidates(source: ts.SourceFile): Candidate[] {
  const result: Candidate[] = [];
  for (const node of walkScript(source)) {
    if (!ts.isClassDeclaration(node) && !ts.isClassExpression(node)) continue;
    for (const member of node.members) {
      if (ts.isPropertyDeclaration(member) && member.initializer && ts.isIdentifier(member.name)) {
        const kind = containerKind(member.initializer);
        const shared = isStatic(member);
        const field = member.name.text;
        if (kind)
          result.push({
            name: `${node.name?.text ?? "class"}.${field}`,
            scope: "class",
            definition: member,
            value: member.initializer,
            kind,
            refs: shared ? staticRefs(source, node, field) : thisRefs(node, field, member),
            className: node,
            shared,
          });
      }
      if (!ts.isConstructorDeclaration(member) || !member.body) continue;
      for (const statement of member.body.statements) {
        const expression = ts.isExpressionStatement(statement) ? statement.expression : undefined;
        if (
          !expression ||
          !ts.isBinaryExpression(expression) ||
          expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken
        )
          continue;
        const left = expression.left;
        if (
          !ts.isPropertyAccessExpression(left) ||
          left.expression.kind !== ts.SyntaxKind.ThisKeyword
        )
          continue;
        const kind = containerKind(expression.right);
        if (kind)
          result.push({
            name: `${node.name?.text ?? "class"}.${left.name.text}`,
            scope: "class",
            definition: expression,
            value: expression.right,
            kind,
            refs: thisRefs(node, left.name.text, expression),
            className: node,
          });
      }
    }
  }
  return result;
}

/** A NestJS provider made per request or per consumer: `@Injectable({ scope: Scope.REQUEST })`. */
function isRequestScoped(cls: ts.ClassLikeDeclaration): boolean {
  const decorators = ts.canHaveDecorators(cls) ? (ts.getDecorators(cls) ?? []) : [];
  return decorators.some((d) => /\bscope\s*:\s*Scope\.(REQUEST|TRANSIENT)\b/.test(d.getText()));
}

/** A class with one instance per process: decorated as injectable, exported or created once. */
function isSingleton(source: ts.SourceFile, cls: ts.ClassLikeDeclaration | undefined): boolean {
  if (!cls || isRequestScoped(cls)) return false;
  const name = cls.name?.text ?? "";
  if (/(Manager|Store|Registry|Service|Repository|Tracker|Storage)$/.test(name)) return true;
  if (
    ts.canHaveDecorators(cls) &&
    (ts.getDecorators(cls) ?? []).some((d) => /^@?Injectable\b/.test(d.getText()))
  )
    return true;
  for (const node of walkScript(source)) {
    if (
      ts.isNewExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === name
    ) {
      if (!enclosingScriptFunction(node)) return true;
    }
  }
  return false;
}

/** Containers of a file that hold per-user state and are changed while handling requests. */
export function scriptContainers(source: ts.SourceFile): ScriptContainer[] {
  const web = isScriptWebModule(source);
  const result: ScriptContainer[] = [];
  for (const candidate of [...moduleCandidates(source), ...classCandidates(source)]) {
    const mutation = candidate.refs.find((ref) => {
      const fn = enclosingScriptFunction(ref);
      if (!fn || !mutates(ref) || ts.isConstructorDeclaration(fn)) return false;
      return (
        web ||
        isScriptRouteCallback(fn) ||
        ts.isMethodDeclaration(fn) ||
        candidate.scope === "class"
      );
    });
    if (!mutation) continue;
    const field = candidate.name.split(".").pop() ?? "";
    const keyed = candidate.refs.some((r) => mutates(r) && KEY_HINT.test(r.parent.getText()));
    if (!STATE_NAME.test(field) && !keyed) continue;
    const perInstance = candidate.scope === "class" && !candidate.shared;
    if (perInstance && !isSingleton(source, candidate.className)) continue;
    const { className: _cls, shared: _shared, ...rest } = candidate;
    result.push({ ...rest, mutation });
  }
  return result;
}
