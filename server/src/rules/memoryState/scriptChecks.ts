import type { Localized } from "../../engine/types";
import { ts, walkScript } from "../../languages/script";
import { enclosingScriptFunction } from "../shared/scriptCode";
import { unwrapScript } from "../shared/scriptValues";
import type { ScriptContainer } from "./scriptDetect";
import { changedAlias } from "./scriptDetect";
import type { ScriptRewrite } from "./scriptUses";

export interface ScriptProblem extends Localized {
  node: ts.Node;
}

/** The value type a TypeScript container declares (`Map<string, V>`, `Record<string, V>`). */
export function valueType(container: ScriptContainer): { text?: string; problem?: Localized } {
  const value = container.value;
  const keyOk = (key: ts.TypeNode | undefined) =>
    !key || /^(string|number|string \| number|`.*`|'.*'|".*")$/.test(key.getText());
  const bad = {
    problem: {
      en: "its keys are not strings or numbers, which Redis keys cannot stand for; move it to Redis by hand.",
      zh: "它的键不是字符串或数字，无法作为 Redis 键；请手动迁移到 Redis。",
    },
  };
  if (ts.isNewExpression(value) && value.typeArguments) {
    const [key, item] = value.typeArguments;
    return keyOk(key) ? { text: item?.getText() } : bad;
  }
  const annotation = container.declaration?.type;
  if (!annotation) return {};
  if (ts.isTypeReferenceNode(annotation) && /^(Record|Map)$/.test(annotation.typeName.getText())) {
    const [key, item] = annotation.typeArguments ?? [];
    return keyOk(key) ? { text: item?.getText() } : bad;
  }
  if (ts.isTypeLiteralNode(annotation)) {
    const index = annotation.members.find(ts.isIndexSignatureDeclaration);
    if (index && annotation.members.length === 1) return { text: index.type.getText() };
  }
  return bad;
}

const SIMPLE_KEY = (node: ts.Expression | string): boolean => {
  if (typeof node === "string") return true;
  const inner = unwrapScript(node);
  if (ts.isIdentifier(inner) || ts.isStringLiteral(inner) || ts.isNumericLiteral(inner))
    return true;
  if (ts.isNoSubstitutionTemplateLiteral(inner)) return true;
  if (ts.isPropertyAccessExpression(inner)) return SIMPLE_KEY(inner.expression);
  if (ts.isElementAccessExpression(inner)) {
    return SIMPLE_KEY(inner.expression) && SIMPLE_KEY(inner.argumentExpression);
  }
  return false;
};

const OBJECT_KEYS = /^(socket|ws|conn|connection|req|request|res|response|ctx|client)$/;

/**
 * Whether a value stored as JSON would come back as something else (class instances, functions,
 * a socket, request or response given as a parameter).
 */
function notJson(node: ts.Expression, depth = 0): boolean {
  const value = unwrapScript(node);
  if (depth > 3) return false;
  if (ts.isNewExpression(value) || ts.isFunctionLike(value) || ts.isClassExpression(value))
    return true;
  if (ts.isObjectLiteralExpression(value)) {
    return value.properties.some(
      (p) =>
        ts.isMethodDeclaration(p) ||
        (ts.isPropertyAssignment(p) && notJson(p.initializer, depth + 1)),
    );
  }
  if (ts.isArrayLiteralExpression(value)) return value.elements.some((e) => notJson(e, depth + 1));
  if (ts.isIdentifier(value)) {
    const init = localInitializer(value);
    return init ? notJson(init, depth + 1) : OBJECT_KEYS.test(value.text);
  }
  return false;
}

function localInitializer(name: ts.Identifier): ts.Expression | undefined {
  const fn = enclosingScriptFunction(name);
  if (!fn) return undefined;
  for (const node of walkScript(fn)) {
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.name.text === name.text
    ) {
      return node.initializer;
    }
  }
  return undefined;
}

function writtenValues(rewrite: ScriptRewrite): ts.Expression[] {
  if (rewrite.kind === "call" && rewrite.method === "set") return rewrite.node.arguments.slice(1);
  if (rewrite.kind === "assign" && rewrite.value) return [rewrite.value];
  if (rewrite.kind === "update") {
    return [...walkScript(rewrite.node)]
      .filter(ts.isCallExpression)
      .flatMap((c) => [...c.arguments]);
  }
  return [];
}

function keyOf(rewrite: ScriptRewrite): ts.Expression | string | undefined {
  if (rewrite.kind === "call") return rewrite.node.arguments[0];
  return "key" in rewrite ? rewrite.key : undefined;
}

/** A variable given a stored value and then changed in place, with no write-back after it. */
function unsavedAlias(container: ScriptContainer, rewrite: ScriptRewrite): ts.Node | undefined {
  if (rewrite.kind !== "read") return undefined;
  const last = changedAlias(rewrite.node);
  if (!last) return undefined;
  return lastSaveStart(container) > last.getStart() ? undefined : last;
}

const lastSaves = new WeakMap<ScriptContainer, number>();

/** Where the last reference that stores into a container starts (`x.set(…)`, `x[k] = …`). */
function lastSaveStart(container: ScriptContainer): number {
  let last = lastSaves.get(container);
  if (last === undefined) {
    last = -1;
    for (const r of container.refs) {
      if (/\b(set\s*\(|\]\s*=[^=])/.test(r.parent.parent.getText())) {
        last = Math.max(last, r.getStart());
      }
    }
    lastSaves.set(container, last);
  }
  return last;
}

function exported(container: ScriptContainer, source: ts.SourceFile): boolean {
  const statement = container.declaration?.parent.parent;
  if (statement && ts.canHaveModifiers(statement)) {
    if (ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword))
      return true;
  }
  return container.refs.some((r) => {
    const text = r.parent.getText(source);
    return (
      /module\.exports|exports\./.test(r.parent.parent?.getText(source) ?? "") ||
      ts.isExportSpecifier(r.parent) ||
      text.startsWith("export")
    );
  });
}

/** The first reason the uses of a container cannot all become store calls. */
export function problemOf(
  source: ts.SourceFile,
  container: ScriptContainer,
  rewrites: ScriptRewrite[],
): ScriptProblem | undefined {
  if (exported(container, source)) {
    return {
      node: container.definition,
      en: "it is exported, so other modules use it synchronously; move it to Redis by hand.",
      zh: "它被导出，其他模块会同步使用它；请手动迁移到 Redis。",
    };
  }
  for (const rewrite of rewrites) {
    if (rewrite.kind === "unsupported") {
      return {
        node: rewrite.node,
        en: "this use cannot become a call of a Redis store (whole-object use, iteration, size or chained calls); move it to Redis by hand.",
        zh: "此处的用法（整体使用、遍历、size 或链式调用）无法改写为 Redis 存储调用；请手动迁移到 Redis。",
      };
    }
    const key = keyOf(rewrite);
    const twice = rewrite.kind === "assign" && rewrite.operator !== undefined;
    if (key !== undefined && twice && !SIMPLE_KEY(key)) {
      return {
        node: rewrite.node,
        en: "the key has side effects and would be evaluated twice; store it in a variable first.",
        zh: "键表达式有副作用且会被求值两次；请先把它存入变量。",
      };
    }
    if (
      container.kind === "map" &&
      typeof key !== "string" &&
      key &&
      ts.isIdentifier(key) &&
      OBJECT_KEYS.test(key.text)
    ) {
      return {
        node: rewrite.node,
        en: `the key ${key.text} looks like an object, which cannot be a Redis key; key the state by an id.`,
        zh: `键 ${key.text} 看起来是对象，无法作为 Redis 键；请改用 id 作键。`,
      };
    }
    const bad = writtenValues(rewrite).find((v) => notJson(v));
    if (bad) {
      return {
        node: bad,
        en: `the stored value ${bad.getText(source)} is not plain data and would not survive JSON; store plain data and move it to Redis by hand.`,
        zh: `存入的值 ${bad.getText(source)} 不是普通数据，经过 JSON 后无法还原；请改存普通数据并手动迁移到 Redis。`,
      };
    }
    const alias = unsavedAlias(container, rewrite);
    if (alias) {
      return {
        node: alias,
        en: "a value read from it is changed in place and never stored again; write it back (store.set(key, value)) after changing it.",
        zh: "从中读出的值被原地修改后没有重新存入；修改后请写回（store.set(key, value)）。",
      };
    }
  }
  return undefined;
}
