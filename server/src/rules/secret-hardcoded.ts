import * as path from "node:path";
import type { Rule, RuleContext } from "../engine/rule";
import type { Localized } from "../engine/types";
import { codeEnvFix, isBrowserCode } from "./shared/codeEnvFix";
import { namedLiteralsOf, secretPiece, type SecretPiece } from "./shared/codeSecrets";
import { jsonEntries, yamlEntries, type ConfigEntry } from "./shared/configEntries";
import { configEnvFix } from "./shared/configEnvFix";
import { containsKnownSecret } from "./shared/knownSecrets";
import type { NamedLiteral } from "./shared/pythonNamedValues";
import { codeEnvName, contextPrefix, literalEnvName } from "./shared/secretEnvNames";
import { isSecretName } from "./shared/secretNames";
import { classifySecretValue, isProse, secretPreview } from "./shared/secretValues";

/** A credential written into code or configuration travels with every copy of it. */
export const rule: Rule = {
  meta: {
    id: "secret-hardcoded",
    factors: [3],
    categories: ["security"],
    severity: "warning",
    kinds: ["python", "javascript", "typescript", "compose", "kubernetes", "yaml", "text"],
    fixable: true,
    handbook: "security",
    title: {
      en: "Hard-coded secret",
      zh: "硬编码的密钥",
    },
    description: {
      en: "A password, token or key written as a literal ships with every clone, image and log of the code; rotating it needs a release, and every environment shares it. Read secrets from the environment (or a secret store) and keep local values in an ignored .env file.",
      zh: "以字面量写死的密码、令牌或密钥会随每一份代码克隆、镜像和日志流传；更换它需要重新发布，且所有环境共用同一个值。应从环境变量（或密钥管理服务）读取密钥，本地值放在被 git 忽略的 .env 文件中。",
    },
  },

  check(context) {
    const { file } = context;
    if (file.python || file.script) checkCode(context);
    else if (isTranslationPath(file.path)) return;
    else if (file.yaml) checkEntries(context, yamlEntries(file));
    else if (isJsonConfig(file.path)) checkEntries(context, jsonEntries(file.source.text));
  },
};

const TRANSLATION_DIRS = new Set(["locales", "locale", "i18n", "l10n", "translations", "lang"]);
const TRANSLATION_FILES = /\.(pot?|mo|xliff|xlf|arb|strings|resx|ftl)$/i;

/** `locales/de.yaml`, `src/i18n/fr.json`, `messages.po`: labels of a user interface. */
function isTranslationPath(file: string): boolean {
  if (TRANSLATION_FILES.test(file)) return true;
  const dirs = path.dirname(file).split(/[\\/]/);
  return dirs.some((dir) => TRANSLATION_DIRS.has(dir.toLowerCase()));
}

/**
 * A catalogue of text wherever it sits: most of its values are sentences, so a one-word value
 * under a secret-looking key (`"password": "Passwort"`) is a label.
 */
function isTextCatalogue(entries: ConfigEntry[]): boolean {
  const prose = entries.filter((e) => isProse(e.value)).length;
  return entries.length >= 4 && prose * 2 > entries.length;
}

/** JSON configuration, not lock files or tool settings. */
function isJsonConfig(file: string): boolean {
  const base = path.basename(file).toLowerCase();
  if (!base.endsWith(".json")) return false;
  return !/(^|[.-])lock\.json$|^npm-shrinkwrap\.json$|^[tj]sconfig.*\.json$|^composer\.json$/.test(
    base,
  );
}

function checkCode(context: RuleContext): void {
  const { file } = context;
  for (const literal of namedLiteralsOf(file)) {
    if (!isSecretName(literal.name)) continue;
    const piece = secretPiece(literal, file.source.text);
    if (!piece || containsKnownSecret(piece.value)) continue;
    reportCode(context, literal, piece);
  }
}

function reportCode(context: RuleContext, literal: NamedLiteral, piece: SecretPiece): void {
  const { file, workspace } = context;
  const name = codeEnvName(workspace, {
    file,
    start: literal.literal.start,
    value: piece.value,
    base: literalEnvName(literal),
    qualifiers: [contextPrefix(literal.context)],
  });
  const browser = !!file.script && isBrowserCode(workspace, file.path);
  const fix =
    piece.located && !literal.envWrite
      ? codeEnvFix(context, {
          literal,
          start: piece.start,
          end: piece.end,
          value: piece.value,
          name,
        })
      : undefined;
  const note = browser
    ? BROWSER_NOTE
    : literal.envWrite
      ? ENV_WRITE_NOTE
      : fix
        ? NO_NOTE
        : MANUAL_NOTE;
  report(context, {
    start: literal.literal.start,
    end: literal.literal.end,
    label: literal.name,
    piece,
    note,
    fix,
  });
}

function checkEntries(context: RuleContext, entries: ConfigEntry[]): void {
  if (isTextCatalogue(entries)) return;
  for (const entry of entries) {
    if (!isSecretName(entry.name)) continue;
    const verdict = classifySecretValue(entry.value);
    if (verdict === "ignore" || containsKnownSecret(entry.value)) continue;
    const fix = configEnvFix(context, entry);
    const piece: SecretPiece = { ...entry, verdict, located: true };
    const note = fix ? NO_NOTE : context.file.kind === "kubernetes" ? K8S_NOTE : CONFIG_NOTE;
    report(context, { start: entry.start, end: entry.end, label: entry.name, piece, note, fix });
  }
}

const NO_NOTE: Localized = { en: "", zh: "" };
const MANUAL_NOTE: Localized = {
  en: " Move the value to an environment variable by hand.",
  zh: "请手动把该值移到环境变量中。",
};
const BROWSER_NOTE: Localized = {
  en: " This code runs in the browser, where every user can read it: move the call that needs the secret to a server.",
  zh: "这段代码运行在浏览器中，任何用户都能读到它：请把需要该密钥的调用移到服务端。",
};
const ENV_WRITE_NOTE: Localized = {
  en: " Set it in the deployment's environment instead of in code.",
  zh: "请在部署环境中设置它，而不是在代码里赋值。",
};
const K8S_NOTE: Localized = {
  en: " Reference a Secret (valueFrom.secretKeyRef) instead.",
  zh: "请改为引用 Secret（valueFrom.secretKeyRef）。",
};
const CONFIG_NOTE: Localized = {
  en: " Load it from the environment or a secret store instead of this file.",
  zh: "请改为从环境变量或密钥管理服务加载，而不是写在此文件中。",
};

interface Found {
  start: number;
  end: number;
  label: string;
  piece: SecretPiece;
  note: Localized;
  fix: ReturnType<typeof codeEnvFix>;
}

function report(context: RuleContext, found: Found): void {
  const { piece, label, note } = found;
  const preview = secretPreview(piece.value);
  const placeholder = piece.verdict === "placeholder";
  const message: Localized = placeholder
    ? {
        en: `"${label}" holds a placeholder value (${preview}) in the code; the real secret must come from the environment, never from this file.${note.en}`,
        zh: `"${label}" 在代码中保存了占位值（${preview}）；真实密钥必须来自环境变量，而不能写在此文件里。${note.zh}`,
      }
    : {
        en: `"${label}" is a hard-coded secret (${preview}): it ships with every copy of the code and image, every environment shares it, and rotating it needs a new release.${note.en}`,
        zh: `"${label}" 是硬编码的密钥（${preview}）：它随每一份代码和镜像分发，所有环境共用，更换它需要重新发布。${note.zh}`,
      };
  context.report({
    range: context.file.source.range(found.start, found.end),
    message,
    severity: placeholder ? "hint" : undefined,
    fixes: found.fix ? [found.fix] : [],
  });
}
