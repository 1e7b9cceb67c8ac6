import * as path from "node:path";
import type { Node } from "web-tree-sitter";
import type { ParsedFile } from "../engine/parse";
import type { Rule, RuleContext } from "../engine/rule";
import type { Fix, FileChange, Severity } from "../engine/types";
import { walkPython } from "../languages/python";
import { pythonString } from "../languages/pythonSyntax";
import { ENV_TEMPLATES } from "./config-env-undocumented";
import { envSettingsOf } from "./shared/envSettings";
import { pythonEnviron } from "./shared/pythonCode";
import { appendLines } from "./shared/textFiles";

/** Settings files meant for one developer's machine or the test run. */
const DEV_FILE = /(^|[_.-])(dev|development|local|test|tests|testing)([_.-]|$)/i;
const DEV_CLASS = /^(Dev|Development|Local|Test|Testing)/;
const DEBUG_VARIABLES = new Set(["FLASK_DEBUG", "DEBUG", "DJANGO_DEBUG", "APP_DEBUG"]);
const ON = /^(1|true|yes|on)$/i;
/** Calls that start a server or build an app and take `debug=`. */
const SERVER_CALL = /(^|\.)(run|run_simple|FastAPI|Starlette|Quart|Sanic|Flask)$/;

/** A debug mode switched on in code or in a deployment's environment. */
export const rule: Rule = {
  meta: {
    id: "debug-enabled",
    factors: [3],
    categories: ["security"],
    severity: "warning",
    kinds: ["python", "compose", "kubernetes", "dockerfile"],
    fixable: true,
    handbook: "security",
    title: { en: "Debug mode enabled", zh: "开启了调试模式" },
    description: {
      en: "Flask's and Werkzeug's debugger runs arbitrary Python from the browser, Django's DEBUG shows settings and source on every error, and both keep every request's data in memory. Written into the code or a production manifest, it is on in every deploy. Read it from the environment, off by default.",
      zh: "Flask/Werkzeug 的调试器允许在浏览器中执行任意 Python 代码，Django 的 DEBUG 会在每个错误页面展示配置和源码，并且都会在内存中保留每个请求的数据。写死在代码或生产清单中，它就会在每次部署中开启。请从环境变量读取，默认关闭。",
    },
  },

  check(context) {
    const { file } = context;
    if (file.python) return checkPython(context, file.python.root);
    const severity = manifestSeverity(file);
    if (severity === "skip") return;
    for (const setting of envSettingsOf(file)) {
      if (!DEBUG_VARIABLES.has(setting.name) || !ON.test(setting.value.trim())) continue;
      context.report({
        range: file.source.range(setting.start, setting.end),
        severity,
        message: {
          en: `${setting.name}=${setting.value} turns the debugger on wherever this file is deployed: error pages show source and settings, and Werkzeug's console runs any code a visitor sends.`,
          zh: `${setting.name}=${setting.value} 会在部署此文件的所有地方开启调试器：错误页面暴露源码和配置，Werkzeug 控制台还会执行访问者发送的任意代码。`,
        },
        fixes: setting.removal
          ? [
              {
                title: {
                  en: `Remove ${setting.name} (debug off)`,
                  zh: `删除 ${setting.name}（关闭调试）`,
                },
                changes: [{ file: file.path, edits: [setting.removal] }],
                preferred: true,
              },
            ]
          : [],
      });
    }
  },
};

/**
 * Kubernetes and Dockerfiles deploy; compose files often only run on a laptop: a compose file
 * named for production reports in full, a development one not at all, others as a hint.
 */
function manifestSeverity(file: ParsedFile): Severity | undefined | "skip" {
  if (file.kind !== "compose") return undefined;
  const name = path.basename(file.path).replace(/\.ya?ml$/i, "");
  if (/(^|[._-])(prod|production|live|release|deploy)([._-]|$)/i.test(name)) return undefined;
  if (/(^|[._-])(dev|development|local|override|test|ci)([._-]|$)/i.test(name)) return "skip";
  return "hint";
}

function checkPython(context: RuleContext, root: Node): void {
  const { file } = context;
  if (DEV_FILE.test(path.basename(file.path, ".py"))) return;
  const django = /^\s*(INSTALLED_APPS|ALLOWED_HOSTS|ROOT_URLCONF)\s*=/m.test(file.source.text);
  for (const node of walkPython(root)) {
    const site = debugSite(node, django);
    if (site) report(context, root, site);
  }
}

interface DebugSite {
  /** The range reported: the keyword argument or the assignment. */
  node: Node;
  /** The `True` that the fix replaces. */
  value: Node;
  variable: string;
}

function debugSite(node: Node, django: boolean): DebugSite | undefined {
  if (node.type === "keyword_argument") {
    const name = node.childForFieldName("name")?.text;
    const value = node.childForFieldName("value");
    const call = node.parent?.parent;
    const callee = call?.childForFieldName("function")?.text ?? "";
    if (value?.type !== "true" || (name !== "debug" && name !== "DEBUG")) return undefined;
    if (name === "debug" && SERVER_CALL.test(callee))
      return { node, value, variable: serverVariable(callee) };
    if (name === "DEBUG" && /config\.(update|from_mapping)$/.test(callee))
      return { node, value, variable: "FLASK_DEBUG" };
    return undefined;
  }
  if (node.type !== "assignment") return undefined;
  const left = node.childForFieldName("left");
  const value = node.childForFieldName("right");
  if (value?.type !== "true" || !left) return undefined;
  if (left.type === "identifier" && left.text === "DEBUG" && !inDevClass(node)) {
    return { node, value, variable: django ? "DJANGO_DEBUG" : "DEBUG" };
  }
  if (left.type === "attribute" && left.childForFieldName("attribute")?.text === "debug") {
    return { node, value, variable: "FLASK_DEBUG" };
  }
  if (left.type === "subscript" && pythonString(left.childForFieldName("subscript")) === "DEBUG") {
    return { node, value, variable: "FLASK_DEBUG" };
  }
  return undefined;
}

function serverVariable(callee: string): string {
  return /uvicorn|FastAPI|Starlette|Sanic/.test(callee) ? "DEBUG" : "FLASK_DEBUG";
}

function inDevClass(node: Node): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === "function_definition") return false;
    if (p.type === "class_definition")
      return DEV_CLASS.test(p.childForFieldName("name")?.text ?? "");
  }
  return false;
}

function report(context: RuleContext, root: Node, site: DebugSite): void {
  const { file } = context;
  context.report({
    range: file.source.range(site.node.startIndex, site.node.endIndex),
    message: {
      en: `Debug mode is hard-wired on: in production the debugger shows source and settings on every error and can run code sent from a browser. Read it from ${site.variable}, off unless set to 1.`,
      zh: `调试模式被写死为开启：在生产环境中，调试器会在每个错误页面暴露源码和配置，还能执行浏览器发来的代码。请从 ${site.variable} 读取，除非设为 1 否则关闭。`,
    },
    fixes: [pythonFix(context, root, site)],
  });
}

function pythonFix(context: RuleContext, root: Node, site: DebugSite): Fix {
  const { file, workspace } = context;
  const environ = pythonEnviron(root, file.source);
  const quote = /'/.test(file.source.text) && !/"/.test(file.source.text) ? "'" : '"';
  const read = `${environ.text}.get(${quote}${site.variable}${quote}) == ${quote}1${quote}`;
  const changes: FileChange[] = [
    {
      file: file.path,
      edits: [
        { range: file.source.range(site.value.startIndex, site.value.endIndex), newText: read },
        ...environ.edits,
      ],
    },
  ];
  const template = workspace.findUp(file.path, ENV_TEMPLATES);
  const documented =
    template &&
    appendLines(workspace, template, [`${site.variable}=0`], (l) => l.split("=")[0].trim());
  if (documented) changes.push(documented);
  return {
    title: {
      en: `Read ${site.variable} from the environment (off by default)`,
      zh: `改为读取环境变量 ${site.variable}（默认关闭）`,
    },
    changes,
    preferred: true,
  };
}
