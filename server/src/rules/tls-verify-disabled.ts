import type { Node } from "web-tree-sitter";
import type { ParsedFile } from "../engine/parse";
import type { Rule, RuleContext } from "../engine/rule";
import type { TextEdit } from "../engine/types";
import { walkPython } from "../languages/python";
import { ts, walkScript } from "../languages/script";
import { envAliases, isProcessEnv, scriptString } from "../languages/scriptSyntax";
import { envSettingsOf, lineRemoval } from "./shared/envSettings";
import { removeListElement } from "./shared/listEdits";

/** Environment switches that turn certificate checks off for a whole runtime. */
const DISABLING_VARIABLES: Record<string, RegExp> = {
  NODE_TLS_REJECT_UNAUTHORIZED: /^(0|false|no|off)$/i,
  PYTHONHTTPSVERIFY: /^(0|false|no|off)$/i,
  GIT_SSL_NO_VERIFY: /^(1|true|yes|on)$/i,
};
/** HTTP client calls whose `verify=False` / `ssl=False` disables certificate checks. */
const HTTP_CALL =
  /^(requests|httpx|aiohttp|urllib3)\.|(^|\.)(session|client|Session|Client|AsyncClient|ClientSession|TCPConnector)(\(\))?\.|(^|\.)(get|post|put|patch|delete|head|options|request|stream|send|Client|AsyncClient|TCPConnector|ClientSession|PoolManager)$/;

interface Site {
  start: number;
  end: number;
  what: string;
  edit?: TextEdit;
}

/** Certificate verification switched off: traffic can be read and changed in transit. */
export const rule: Rule = {
  meta: {
    id: "tls-verify-disabled",
    factors: [3, 10],
    categories: ["security", "parity"],
    severity: "warning",
    kinds: ["python", "javascript", "typescript", "compose", "kubernetes", "dockerfile", "dotenv"],
    fixable: true,
    handbook: "security",
    title: { en: "TLS certificate verification disabled", zh: "关闭了 TLS 证书校验" },
    description: {
      en: "verify=False, rejectUnauthorized: false or NODE_TLS_REJECT_UNAUTHORIZED=0 accept any certificate, so anyone on the network path can read and change the traffic, credentials included. It usually hides a development certificate problem that production does not have. Keep verification on and point the client at the right CA bundle.",
      zh: "verify=False、rejectUnauthorized: false 或 NODE_TLS_REJECT_UNAUTHORIZED=0 会接受任何证书，网络路径上的任何人都能读取和篡改流量（包括凭据）。它通常是为了掩盖开发环境的证书问题，而生产环境并没有这个问题。请保持校验开启，并让客户端使用正确的 CA 证书包。",
    },
  },

  check(context) {
    const { file } = context;
    const sites = file.python
      ? pythonSites(file, file.python.root)
      : file.script
        ? scriptSites(file, file.script.source)
        : envSites(file);
    for (const site of sites) report(context, site);
  },
};

function report(context: RuleContext, site: Site): void {
  const { file } = context;
  context.report({
    range: file.source.range(site.start, site.end),
    message: {
      en: `${site.what} turns certificate verification off: any machine on the network path can impersonate the server and read or change the traffic, credentials included.`,
      zh: `${site.what} 关闭了证书校验：网络路径上的任何机器都能冒充服务器，读取或篡改流量（包括凭据）。`,
    },
    fixes: site.edit
      ? [
          {
            title: { en: "Keep certificate verification on", zh: "保持证书校验开启" },
            changes: [{ file: file.path, edits: [site.edit] }],
            preferred: true,
          },
        ]
      : [],
  });
}

function pythonSites(file: ParsedFile, root: Node): Site[] {
  const sites: Site[] = [];
  const { source } = file;
  for (const node of walkPython(root)) {
    if (node.type === "keyword_argument") {
      const site = pythonKeyword(file, node);
      if (site) sites.push(site);
    } else if (
      node.type === "attribute" &&
      node.text.replace(/\s+/g, "") === "ssl._create_unverified_context"
    ) {
      const statement = node.parent?.type === "assignment" ? node.parent.parent : undefined;
      const edit =
        node.parent?.type === "call"
          ? {
              range: source.range(node.startIndex, node.endIndex),
              newText: "ssl.create_default_context",
            }
          : statement
            ? lineRemoval(source, statement.startIndex, statement.endIndex)
            : undefined;
      sites.push({
        start: node.startIndex,
        end: node.endIndex,
        what: "ssl._create_unverified_context",
        edit,
      });
    } else if (node.type === "assignment") {
      const site = pythonAssignment(file, node);
      if (site) sites.push(site);
    }
  }
  return sites;
}

function pythonKeyword(file: ParsedFile, node: Node): Site | undefined {
  const name = node.childForFieldName("name")?.text ?? "";
  const value = node.childForFieldName("value");
  const args = node.parent;
  const callee = args?.parent?.childForFieldName("function")?.text.replace(/\s+/g, "") ?? "";
  const disabled =
    (["verify", "ssl", "verify_ssl"].includes(name) &&
      value?.type === "false" &&
      HTTP_CALL.test(callee)) ||
    (name === "cert_reqs" && /CERT_NONE/.test(value?.text ?? ""));
  if (!disabled || !args) return undefined;
  const elements = args.namedChildren.filter((c) => c.type !== "comment");
  const index = elements.findIndex((c) => c.id === node.id);
  const edit = removeListElement(
    file.source,
    elements.map((e) => ({ start: e.startIndex, end: e.endIndex })),
    index,
  );
  return { start: node.startIndex, end: node.endIndex, what: node.text, edit };
}

function pythonAssignment(file: ParsedFile, node: Node): Site | undefined {
  const left = node.childForFieldName("left");
  const right = node.childForFieldName("right");
  if (left?.type !== "attribute" || !right) return undefined;
  const attribute = left.childForFieldName("attribute")?.text;
  const off =
    ((attribute === "verify" || attribute === "check_hostname") && right.type === "false") ||
    (attribute === "verify_mode" && /CERT_NONE$/.test(right.text));
  if (!off) return undefined;
  const statement = node.parent?.type === "expression_statement" ? node.parent : node;
  const edit =
    attribute === "verify_mode"
      ? {
          range: file.source.range(right.endIndex - "CERT_NONE".length, right.endIndex),
          newText: "CERT_REQUIRED",
        }
      : lineRemoval(file.source, statement.startIndex, statement.endIndex);
  return { start: node.startIndex, end: node.endIndex, what: node.text, edit };
}

function scriptSites(file: ParsedFile, source: ts.SourceFile): Site[] {
  const aliases = envAliases(source);
  const sites: Site[] = [];
  for (const node of walkScript(source)) {
    if (ts.isPropertyAssignment(node) && isFalse(node.initializer)) {
      const name = node.name.getText(source).replace(/['"]/g, "");
      if (name !== "rejectUnauthorized" && name !== "strictSSL") continue;
      const object = node.parent as ts.ObjectLiteralExpression;
      const elements = object.properties.map((p) => ({
        start: p.getStart(source),
        end: p.getEnd(),
      }));
      const index = object.properties.indexOf(node);
      const edit = removeListElement(file.source, elements, index);
      sites.push({
        start: node.getStart(source),
        end: node.getEnd(),
        what: node.getText(source),
        edit,
      });
    } else if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken
    ) {
      const site = scriptAssignment(file, source, node, aliases);
      if (site) sites.push(site);
    }
  }
  return sites;
}

function isFalse(node: ts.Node): boolean {
  return node.kind === ts.SyntaxKind.FalseKeyword;
}

function scriptAssignment(
  file: ParsedFile,
  source: ts.SourceFile,
  node: ts.BinaryExpression,
  aliases: Set<string>,
): Site | undefined {
  const left = node.left;
  const envWrite =
    ts.isPropertyAccessExpression(left) &&
    left.name.text === "NODE_TLS_REJECT_UNAUTHORIZED" &&
    isProcessEnv(left.expression, aliases);
  const value = scriptString(node.right) ?? node.right.getText(source);
  const off =
    (envWrite && DISABLING_VARIABLES.NODE_TLS_REJECT_UNAUTHORIZED.test(value)) ||
    (ts.isPropertyAccessExpression(left) &&
      left.name.text === "rejectUnauthorized" &&
      isFalse(node.right));
  if (!off) return undefined;
  const statement = ts.isExpressionStatement(node.parent) ? node.parent : node;
  const edit = lineRemoval(file.source, statement.getStart(source), statement.getEnd());
  return { start: node.getStart(source), end: node.getEnd(), what: node.getText(source), edit };
}

function envSites(file: ParsedFile): Site[] {
  const sites: Site[] = [];
  for (const setting of envSettingsOf(file)) {
    const pattern = DISABLING_VARIABLES[setting.name];
    if (!pattern?.test(setting.value.trim())) continue;
    sites.push({
      start: setting.start,
      end: setting.end,
      what: `${setting.name}=${setting.value}`,
      edit: setting.removal,
    });
  }
  return sites;
}
