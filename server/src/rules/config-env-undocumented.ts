import * as path from "node:path";
import type { Rule, RuleContext } from "../engine/rule";
import type { Fix, Range } from "../engine/types";
import { parseDotenv } from "../languages/dotenv";
import { SourceText } from "../languages/sourceText";
import { envReadsOf } from "./shared/envReads";
import { appendLines } from "./shared/textFiles";

/** The templates a project documents its configuration in, nearest first. */
export const ENV_TEMPLATES = [".env.example", ".env.sample", ".env.template"];

/** Variables every platform or runtime sets, never part of an app's documented configuration. */
const STANDARD = new Set(
  (
    "PATH HOME USER USERNAME LOGNAME SHELL PWD OLDPWD TMPDIR TEMP TMP LANG LANGUAGE TZ TERM " +
    "HOSTNAME NODE_ENV PORT PYTHONPATH PYTHONUNBUFFERED PYTHONDONTWRITEBYTECODE PYTHONHASHSEED " +
    "PYTHONIOENCODING CI DEBUG NODE_OPTIONS NODE_DEBUG NODE_PATH NODE_EXTRA_CA_CERTS VIRTUAL_ENV " +
    "KUBERNETES_SERVICE_HOST KUBERNETES_SERVICE_PORT HTTP_PROXY HTTPS_PROXY NO_PROXY http_proxy " +
    "https_proxy no_proxy SSL_CERT_FILE SSL_CERT_DIR REQUESTS_CA_BUNDLE DJANGO_SETTINGS_MODULE " +
    "FLASK_APP FLASK_ENV UID GID PPID SHLVL EDITOR PAGER DISPLAY XDG_CONFIG_HOME XDG_DATA_HOME " +
    "XDG_CACHE_HOME XDG_RUNTIME_DIR WEB_CONCURRENCY GUNICORN_CMD_ARGS"
  ).split(" "),
);
const STANDARD_PREFIX =
  /^(LC_|npm_|COMPOSE_|DOCKER_|GITHUB_|RUNNER_|PIP_|UV_|POETRY_|PYTEST_|JEST_|VSCODE_)/;

export function isStandardVariable(name: string): boolean {
  return STANDARD.has(name) || STANDARD_PREFIX.test(name);
}

/** A variable the code reads that the project's env template does not list. */
export const rule: Rule = {
  meta: {
    id: "config-env-undocumented",
    factors: [3],
    categories: ["startup"],
    severity: "info",
    kinds: ["python", "javascript", "typescript", "dockerfile", "compose"],
    fixable: true,
    handbook: "startup",
    title: {
      en: "Environment variable missing from .env.example",
      zh: ".env.example 中缺少该环境变量",
    },
    description: {
      en: "The project documents its configuration in .env.example, but this variable is not listed. The next deploy or new developer will not know to set it, and the app fails at start-up (KeyError, undefined) or silently runs on a default.",
      zh: "项目在 .env.example 中记录配置，但没有列出这个变量。下一次部署或新加入的开发者不会知道要设置它，应用会在启动时失败（KeyError、undefined），或悄悄使用默认值运行。",
    },
  },

  check(context) {
    const { file, workspace } = context;
    const template = workspace.findUp(file.path, ENV_TEMPLATES);
    if (!template) return;
    const text = workspace.readText(template) ?? "";
    const documented = documentedNames(text);
    const seen = new Set<string>();
    for (const read of envReadsOf(file)) {
      if (documented.has(read.name) || isStandardVariable(read.name) || seen.has(read.name))
        continue;
      seen.add(read.name);
      report(context, read, template, text);
    }
  },
};

/** Names a template defines, including commented-out optional ones (`# SENTRY_DSN=`). */
export function documentedNames(text: string): Set<string> {
  const names = new Set(parseDotenv(new SourceText(text)).entries.map((e) => e.name));
  for (const match of text.matchAll(/^\s*#\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/gm)) {
    names.add(match[1]);
  }
  return names;
}

function report(
  context: RuleContext,
  read: { name: string; start: number; end: number },
  template: string,
  text: string,
): void {
  const { file, workspace } = context;
  const base = path.basename(template);
  const change = appendLines(workspace, template, [`${read.name}=`], (line) =>
    line
      .split("=")[0]
      .replace(/^\s*#?\s*(export\s+)?/, "")
      .trim(),
  );
  const fix: Fix | undefined = change && {
    title: { en: `Add ${read.name} to ${base}`, zh: `把 ${read.name} 添加到 ${base}` },
    changes: [change],
    preferred: true,
  };
  const templateSource = new SourceText(text);
  const end = templateSource.positionAt(text.length);
  const range: Range = { start: { line: 0, character: 0 }, end };
  context.report({
    range: file.source.range(read.start, read.end),
    message: {
      en: `${read.name} is read here but not listed in ${base}: whoever deploys or sets up the project next will not know to set it, and the app fails at start-up or runs on a default.`,
      zh: `这里读取了 ${read.name}，但 ${base} 中没有列出：下一个部署或搭建项目的人不会知道要设置它，应用会在启动时失败或使用默认值运行。`,
    },
    related: [
      {
        file: template,
        range,
        message: { en: `The documented variables`, zh: `已记录的环境变量` },
      },
    ],
    fixes: fix ? [fix] : [],
  });
}
