import type { Rule, RuleContext } from "../engine/rule";
import type { Fix, Localized, Severity } from "../engine/types";
import { codeEnvFix } from "./shared/codeEnvFix";
import { namedLiteralsOf } from "./shared/codeSecrets";
import { codeStrings, type CodeString } from "./shared/codeStrings";
import { jsonEntries, yamlEntries, yamlScalars, type ConfigEntry } from "./shared/configEntries";
import { configEnvFix } from "./shared/configEnvFix";
import { containsKnownSecret } from "./shared/knownSecrets";
import type { NamedLiteral } from "./shared/pythonNamedValues";
import { codeEnvName } from "./shared/secretEnvNames";
import { classifySecretValue, secretPreview } from "./shared/secretValues";
import {
  classifyUrlPassword,
  isLoopbackHost,
  urlsIn,
  wholeUrl,
  type ParsedUrl,
} from "./shared/serviceUrls";
import { urlEnvName, urlQualifiers } from "./shared/urlEnvNames";

/** A password inside a connection URL is a hard-coded secret with a host attached. */
export const rule: Rule = {
  meta: {
    id: "secret-in-url",
    factors: [3],
    categories: ["security"],
    severity: "warning",
    kinds: ["python", "javascript", "typescript", "compose", "kubernetes", "yaml", "text"],
    fixable: true,
    handbook: "security",
    title: {
      en: "Password inside a connection URL",
      zh: "连接 URL 中包含密码",
    },
    description: {
      en: "A URL such as postgresql://user:password@host/db carries the database password with it: it ships with the code, shows up in logs and error pages, and every environment shares it. Keep the whole URL in an environment variable (DATABASE_URL, REDIS_URL…).",
      zh: "postgresql://user:password@host/db 这样的 URL 自带数据库密码：它随代码分发，会出现在日志和错误页面中，并且所有环境共用。请把整个 URL 放到环境变量中（DATABASE_URL、REDIS_URL 等）。",
    },
  },

  check(context) {
    const { file } = context;
    if (file.python || file.script) checkCode(context);
    else if (file.yaml) checkScalars(context, yamlScalars(file), yamlEntries(file));
    else if (file.path.endsWith(".json")) {
      const entries = jsonEntries(file.source.text);
      checkScalars(context, entries, entries);
    } else checkText(context);
  },
};

type Verdict = "secret" | "placeholder" | "ignore";

function verdictOf(url: ParsedUrl): Verdict {
  const password = url.password?.value;
  if (password === undefined || containsKnownSecret(password)) return "ignore";
  const verdict = classifyUrlPassword(password);
  if (verdict !== "secret") return verdict;
  return classifySecretValue(password) === "placeholder" ? "placeholder" : "secret";
}

function checkCode(context: RuleContext): void {
  const named = namedLiteralsOf(context.file);
  for (const string of codeStrings(context.file)) {
    for (const url of urlsIn(string.raw)) {
      const verdict = verdictOf(url);
      if (verdict === "ignore" || !url.password) continue;
      const literal = named.find((n) => n.literal.start === string.start);
      const fix = codeFix(context, string, url, literal);
      const relaxed = string.envFallback && isLoopbackHost(url.host);
      const at = string.start + url.password.start;
      report(context, {
        start: at,
        end: string.start + url.password.end,
        password: url.password.value,
        severity: verdict === "placeholder" || relaxed ? "hint" : undefined,
        fix,
        manual: string.value === undefined ? TEMPLATE_NOTE : MANUAL_NOTE,
      });
    }
  }
}

/** Moves a literal that is exactly one URL to an environment variable. */
function codeFix(
  context: RuleContext,
  string: CodeString,
  url: ParsedUrl,
  named: NamedLiteral | undefined,
): Fix | undefined {
  if (string.value === undefined || !wholeUrl(string.value) || named?.envWrite) return undefined;
  const { workspace, file } = context;
  const name = codeEnvName(workspace, {
    file,
    start: string.start,
    value: string.value,
    base: urlEnvName(url, named, string.owner),
    qualifiers: urlQualifiers(url, string.owner),
  });
  const literal: NamedLiteral = named ?? asNamed(string, name);
  return codeEnvFix(context, {
    literal,
    start: string.start,
    end: string.end,
    value: string.value,
    name,
  });
}

/** An unnamed literal described the way the fix builder expects. */
export function asNamed(string: CodeString, name: string): NamedLiteral {
  const opening = /^([A-Za-z]*)("""|'''|"|'|`)/.exec(string.raw);
  return {
    name,
    kind: "assignment",
    literal: { start: string.start, end: string.end },
    value: string.value,
    parts: [],
    configKey: false,
    envWrite: false,
    isDefault: false,
    prefix: (opening?.[1] ?? "").toLowerCase(),
    quote: opening?.[2] ?? '"',
  };
}

interface Scalar {
  start: number;
  end: number;
  value: string;
}

function checkScalars(context: RuleContext, scalars: Scalar[], entries: ConfigEntry[]): void {
  const text = context.file.source.text;
  for (const scalar of scalars) {
    const raw = text.slice(scalar.start, scalar.end);
    for (const url of urlsIn(raw)) {
      const verdict = verdictOf(url);
      if (verdict === "ignore" || !url.password) continue;
      const at = scalar.start + url.password.start;
      const entry = entries.find((e) => e.start <= at && at < e.end);
      const whole = entry && wholeUrl(entry.value);
      report(context, {
        start: scalar.start + url.password.start,
        end: scalar.start + url.password.end,
        password: url.password.value,
        severity: verdict === "placeholder" ? "hint" : undefined,
        fix: whole ? configEnvFix(context, entry) : undefined,
        manual: context.file.kind === "kubernetes" ? K8S_NOTE : MANUAL_NOTE,
      });
    }
  }
}

/** `.ini`, `.cfg`, `.toml`, `.properties`, `.conf`, `.sh`: every line but comments. */
function checkText(context: RuleContext): void {
  const { source } = context.file;
  for (let line = 0; line < source.lineCount; line++) {
    const text = source.lineText(line);
    if (/^\s*([#;!]|\/\/)/.test(text)) continue;
    for (const url of urlsIn(text)) {
      const verdict = verdictOf(url);
      if (verdict === "ignore" || !url.password) continue;
      const offset = source.lineStart(line);
      report(context, {
        start: offset + url.password.start,
        end: offset + url.password.end,
        password: url.password.value,
        severity: verdict === "placeholder" ? "hint" : undefined,
        manual: MANUAL_NOTE,
      });
    }
  }
}

const MANUAL_NOTE: Localized = {
  en: " Move the URL to an environment variable by hand.",
  zh: "请手动把该 URL 移到环境变量中。",
};
const TEMPLATE_NOTE: Localized = {
  en: " Read the password from an environment variable and build the URL from it.",
  zh: "请从环境变量读取密码，再用它拼出 URL。",
};
const K8S_NOTE: Localized = {
  en: " Put the URL in a Secret and reference it (valueFrom.secretKeyRef).",
  zh: "请把该 URL 放入 Secret 并通过 valueFrom.secretKeyRef 引用。",
};

interface Found {
  start: number;
  end: number;
  password: string;
  severity?: Severity;
  fix?: Fix;
  manual: Localized;
}

function report(context: RuleContext, found: Found): void {
  const preview = secretPreview(found.password);
  const note = found.fix ? { en: "", zh: "" } : found.manual;
  context.report({
    range: context.file.source.range(found.start, found.end),
    message: {
      en: `This connection URL carries a password (${preview}): it ships with the code, leaks into logs and error pages, and every environment shares it.${note.en}`,
      zh: `该连接 URL 中带有密码（${preview}）：它随代码分发，会泄露到日志和错误页面中，且所有环境共用。${note.zh}`,
    },
    severity: found.severity,
    fixes: found.fix ? [found.fix] : [],
  });
}
