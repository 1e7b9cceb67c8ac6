import * as path from "node:path";
import type { Node } from "web-tree-sitter";
import type { ParsedFile } from "../engine/parse";
import type { Rule, RuleContext } from "../engine/rule";
import type { Fix, Range, RelatedLocation } from "../engine/types";
import { ts, walkScript } from "../languages/script";
import type { Workspace } from "../workspace/workspace";
import { appModules } from "./shared/appModules";
import { projectDir } from "./shared/envFiles";
import { isPythonEntry, isScriptEntry } from "./shared/entryPoints";
import { launchCommands, runsFile, startedHere } from "./shared/launchCommands";
import { pythonServerCalls, SIGTERM_AWARE } from "./shared/pythonServers";
import { scriptServerCalls } from "./shared/scriptServers";
import { pythonShutdownFix, scriptShutdownFix } from "./shared/shutdownFixes";

/** Process managers that stop the app gracefully on SIGTERM themselves. */
const PYTHON_MANAGERS = /\b(gunicorn|uvicorn|hypercorn|waitress-serve|daphne|granian)\b/;
const NODE_MANAGERS = /\bpm2(-runtime|-docker)?\b/;

/** Code that handles SIGTERM, in files of the same program. */
const PYTHON_HANDLING = /^[^#\n]*\bSIGTERM\b/m;
const NODE_HANDLING =
  /^(?!\s*\/\/).*(['"`]SIGTERM['"`]|\bcreateTerminus\b|\bcloseWithGrace\b|close-with-grace|\bcreateLightship\b|\benableShutdownHooks\b)/m;

interface Entry {
  range: Range;
  fix: () => Fix | undefined;
}

/** A long-running server whose program never handles SIGTERM. */
export const rule: Rule = {
  meta: {
    id: "no-sigterm-handler",
    factors: [9],
    categories: ["performance", "data-loss"],
    severity: "warning",
    kinds: ["python", "javascript", "typescript"],
    fixable: true,
    handbook: "performance",
    title: {
      en: "Server without a SIGTERM handler",
      zh: "服务没有处理 SIGTERM",
    },
    description: {
      en: "Docker and Kubernetes stop a container with SIGTERM, then SIGKILL after the grace period. A server that does not handle SIGTERM either dies mid-request or, as PID 1, ignores the signal and is killed after the timeout: every deploy drops in-flight requests and slows rollouts.",
      zh: "Docker 和 Kubernetes 先发送 SIGTERM 停止容器，宽限期过后再发送 SIGKILL。不处理 SIGTERM 的服务要么在请求处理中途退出，要么作为 PID 1 忽略该信号、超时后被强杀：每次发布都会丢弃进行中的请求并拖慢滚动更新。",
    },
  },

  check(context) {
    const { file, workspace } = context;
    const entries = file.python ? pythonEntries(file) : scriptEntries(file, workspace);
    if (entries.length === 0 || handledInProgram(context)) return;
    const commands = launchCommands(workspace, file.path);
    const managers = file.python ? PYTHON_MANAGERS : NODE_MANAGERS;
    const direct = commands.filter((c) => runsFile(c, file.path) && !managers.test(c.text));
    if (direct.length === 0 && commands.some((c) => managers.test(c.text))) return;
    const related = startedHere(direct);
    for (const entry of entries) {
      const fix = entry.fix();
      report(context, entry.range, fix, related);
    }
  },
};

function report(
  { report }: RuleContext,
  range: Range,
  fix: Fix | undefined,
  related: RelatedLocation[],
): void {
  const manual = fix
    ? { en: "", zh: "" }
    : {
        en: " Keep the server object and close it from a process.on('SIGTERM') handler.",
        zh: "请保留 server 对象，并在 process.on('SIGTERM') 处理器中关闭它。",
      };
  report({
    range,
    message: {
      en: `Nothing in this program handles SIGTERM: on each deploy or scale-down the process either dies mid-request or, as PID 1 in a container, ignores the signal until it is killed after the grace period, dropping in-flight requests.${manual.en}`,
      zh: `程序中没有任何代码处理 SIGTERM：每次发布或缩容时，进程要么在请求处理中途退出，要么作为容器的 PID 1 忽略该信号直到宽限期后被强杀，进行中的请求全部丢失。${manual.zh}`,
    },
    related: related.length > 0 ? related : undefined,
    fixes: fix ? [fix] : [],
  });
}

function pythonEntries(file: ParsedFile): Entry[] {
  const root = file.python?.root;
  if (!root) return [];
  const calls: Node[] = [];
  for (const server of pythonServerCalls(root)) {
    const skipped = ["django", "socketserver", "hypercorn"];
    if (!SIGTERM_AWARE.has(server.kind) && !skipped.includes(server.kind)) calls.push(server.call);
  }
  const serving = root.text.includes("serve_forever") ? root.descendantsOfType("call") : [];
  for (const call of serving) {
    const fn = call.childForFieldName("function");
    if (fn?.type === "attribute" && fn.childForFieldName("attribute")?.text === "serve_forever") {
      calls.push(call);
    }
  }
  return calls
    .filter((call) => isPythonEntry(root, call))
    .map((call) => {
      const callee = call.childForFieldName("function") ?? call;
      return {
        range: file.source.range(callee.startIndex, callee.endIndex),
        fix: () => pythonShutdownFix(file, call),
      };
    });
}

function scriptEntries(file: ParsedFile, workspace: Workspace): Entry[] {
  const source = file.script?.source;
  if (!source) return [];
  return scriptServerCalls(source, { appModule: appModules(workspace, file.path) })
    .filter((s) => s.kind !== "hapi" && isScriptEntry(source, s.call))
    .map((server) => {
      const callee = server.call.expression;
      return {
        range: file.source.range(callee.getStart(source), callee.getEnd()),
        fix: () => scriptShutdownFix(file, server),
      };
    });
}

function handledInFile(file: ParsedFile): boolean {
  if (file.python) {
    return file.python.root.descendantsOfType("identifier").some((n) => n.text === "SIGTERM");
  }
  const source = file.script?.source;
  if (!source) return false;
  for (const node of walkScript(source)) {
    if (
      (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) &&
      node.text === "SIGTERM"
    ) {
      return true;
    }
    if (
      ts.isIdentifier(node) &&
      /^(createTerminus|closeWithGrace|createLightship|enableShutdownHooks)$/.test(node.text)
    ) {
      return true;
    }
  }
  return false;
}

/** Whether this file or another source file of the same project handles SIGTERM. */
function handledInProgram({ file, workspace }: RuleContext): boolean {
  if (handledInFile(file)) return true;
  const dir = projectDir(workspace, file.path);
  const extensions = file.python ? /\.py$/ : /\.[cm]?[jt]sx?$/;
  const pattern = file.python ? PYTHON_HANDLING : NODE_HANDLING;
  return workspace.model.files().some((other) => {
    if (other === file.path || !extensions.test(other)) return false;
    if (!other.startsWith(dir + path.sep)) return false;
    return pattern.test(workspace.readText(other) ?? "");
  });
}
