import * as path from "node:path";
import type { Rule, RuleContext } from "../engine/rule";
import type { Fix, Localized } from "../engine/types";
import { codeEnvFix } from "./shared/codeEnvFix";
import { literalAt, namedLiteralsOf } from "./shared/codeSecrets";
import { jsonEntries, yamlEntries, type ConfigEntry } from "./shared/configEntries";
import { configEnvFix } from "./shared/configEnvFix";
import { envFileChanges, writableInDotenv } from "./shared/envFiles";
import { ignoreFileChange, isGitIgnored } from "./shared/gitignore";
import { findKnownSecrets, knownSecretPreview, type KnownSecret } from "./shared/knownSecrets";
import type { NamedLiteral } from "./shared/pythonNamedValues";
import { codeEnvName, contextPrefix, literalEnvName } from "./shared/secretEnvNames";

const TEMPLATE_DOTENV = /(^|[._-])(example|sample|template|tpl|tmpl|dist|defaults)([._-]|$)/i;

/** A credential in a vendor's own format is live wherever it sits, test fixtures included. */
export const rule: Rule = {
  meta: {
    id: "secret-known-format",
    factors: [3],
    categories: ["security"],
    severity: "error",
    kinds: [
      "python",
      "javascript",
      "typescript",
      "dockerfile",
      "compose",
      "kubernetes",
      "yaml",
      "requirements",
      "package-json",
      "dotenv",
      "procfile",
      "text",
    ],
    fixable: true,
    handbook: "security",
    title: {
      en: "Committed credential in a known format (cloud key, vendor token, private key)",
      zh: "提交了已知格式的凭据（云密钥、厂商令牌、私钥）",
    },
    description: {
      en: "AWS access key ids, private key blocks and GitHub, GitLab, Slack, Stripe, Google or OpenAI tokens are recognised by their shape, by scanners and attackers alike. Once committed, the key is in the repository's history: revoke and rotate it, then read the new one from the environment.",
      zh: "AWS 访问密钥 ID、私钥块以及 GitHub、GitLab、Slack、Stripe、Google、OpenAI 的令牌都能凭格式被扫描器和攻击者识别。一旦提交，密钥就留在了仓库历史中：请吊销并轮换，然后从环境变量读取新的密钥。",
    },
  },

  check(context) {
    const secrets = findKnownSecrets(context.file.source.text);
    if (secrets.length === 0) return;
    if (context.file.kind === "dotenv") return checkDotenv(context, secrets);
    const fixFor = fixFinder(context);
    for (const secret of secrets) report(context, secret, fixFor(secret));
  },
};

type FixFinder = (secret: KnownSecret) => Fix | undefined;

/** How the file kind moves a value out, for the value found at an offset. */
function fixFinder(context: RuleContext): FixFinder {
  const { file } = context;
  if (file.python || file.script) {
    const literals = namedLiteralsOf(file);
    return (secret) => codeFix(context, literalAt(literals, secret.start, secret.end), secret);
  }
  let entries: ConfigEntry[] = [];
  if (file.yaml) entries = yamlEntries(file);
  else if (file.kind === "text" && file.path.endsWith(".json"))
    entries = jsonEntries(file.source.text);
  return (secret) => {
    const entry = entries.find((e) => e.start <= secret.start && secret.end <= e.end);
    return entry ? configEnvFix(context, entry) : undefined;
  };
}

function codeFix(
  context: RuleContext,
  literal: NamedLiteral | undefined,
  secret: KnownSecret,
): Fix | undefined {
  if (!literal || literal.envWrite) return undefined;
  const { file, workspace } = context;
  const whole = literal.value !== undefined && literal.value.trim() === secret.value;
  const target = whole
    ? { ...literal.literal, value: literal.value ?? secret.value }
    : { start: secret.start, end: secret.end, value: secret.value };
  if (!whole && secret.format.id === "private-key") return undefined;
  const base = literal.kind === "comparison" ? secret.format.envName : literalEnvName(literal);
  const name = codeEnvName(workspace, {
    file,
    start: literal.literal.start,
    value: target.value,
    base,
    qualifiers: [contextPrefix(literal.context)],
  });
  return codeEnvFix(context, { literal, ...target, name });
}

/**
 * `.env` files are where secrets belong: one that git ignores is fine. A template
 * (`.env.example`) is committed by design, and a `.env` that git does not ignore will be.
 */
function checkDotenv(context: RuleContext, secrets: KnownSecret[]): void {
  const { file, workspace } = context;
  const template = TEMPLATE_DOTENV.test(path.basename(file.path).replace(/^\.env/i, ""));
  if (!template && isGitIgnored(workspace, file.path)) return;
  for (const secret of secrets) {
    const entry = file.dotenv?.entries.find(
      (e) => e.valueStart <= secret.start && secret.end <= e.valueEnd,
    );
    const fix = template ? templateFix(context, entry) : ignoreFix(context);
    report(context, secret, fix);
  }
}

function templateFix(
  context: RuleContext,
  entry: { name: string; value: string; valueStart: number; valueEnd: number } | undefined,
): Fix | undefined {
  if (!entry || !writableInDotenv(entry.value)) return undefined;
  const { file, workspace } = context;
  const dir = path.dirname(file.path);
  return {
    title: {
      en: `Move the ${entry.name} value from ${path.basename(file.path)} to .env`,
      zh: `把 ${entry.name} 的值从 ${path.basename(file.path)} 移到 .env`,
    },
    changes: [
      {
        file: file.path,
        edits: [{ range: file.source.range(entry.valueStart, entry.valueEnd), newText: "" }],
      },
      ...envFileChanges(workspace, file.path, [{ name: entry.name, value: entry.value }], {
        dir,
      }).filter((change) => !change.file.endsWith(".env.example")),
    ],
    preferred: true,
    movesValue: true,
  };
}

function ignoreFix(context: RuleContext): Fix | undefined {
  const change = ignoreFileChange(context.workspace, context.file.path);
  if (!change) return undefined;
  const name = path.basename(context.file.path);
  return {
    title: { en: `Ignore ${name} in .gitignore`, zh: `在 .gitignore 中忽略 ${name}` },
    changes: [change],
    preferred: true,
  };
}

function report(context: RuleContext, secret: KnownSecret, fix: Fix | undefined): void {
  const { file } = context;
  const label = secret.format.label;
  const shown = secret.format.id === "private-key" ? "" : ` (${knownSecretPreview(secret)})`;
  const end =
    secret.format.id === "private-key"
      ? file.source.text.indexOf("-----", secret.start + 11) + 5
      : secret.end;
  const message: Localized = {
    en: `${/^[AEIOU]/i.test(label.en) ? "An" : "A"} ${label.en}${shown} is committed here: anyone who can read the repository or its history can use it until it is revoked. Revoke and rotate it, then read the new one from the environment.${fix ? "" : " Remove it from this file by hand."}`,
    zh: `此处提交了${label.zh}${shown}：任何能读取仓库或其历史的人都能使用它，直到它被吊销。请吊销并轮换，然后从环境变量读取新值。${fix ? "" : "请手动把它从此文件中删除。"}`,
  };
  context.report({
    range: file.source.range(secret.start, end),
    message,
    fixes: fix ? [fix] : [],
  });
}
