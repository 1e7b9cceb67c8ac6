import * as path from "node:path";
import type { Rule, RuleContext } from "../engine/rule";
import type { Fix, Localized } from "../engine/types";
import {
  dockerEnv,
  gunicornChange,
  replacementFor,
  shellLine,
  type Replacement,
} from "./shared/devServerFix";
import { matchDevServer, type DevServerMatch } from "./shared/devServers";
import { findPythonFile, scriptServer } from "./shared/pythonApps";
import { startCommands, type StartCommand } from "./shared/startCommands";

/** Compose files meant for development only, where a reloading server is the point. */
const DEV_COMPOSE = /(^|[.-])(dev|development|local|override|debug|test)([.-]|$)/i;

/** A development server in production serves one request at a time and reloads on change. */
export const rule: Rule = {
  meta: {
    id: "proc-dev-server",
    factors: [8, 9],
    categories: ["performance"],
    severity: "warning",
    kinds: ["dockerfile", "procfile", "compose", "kubernetes"],
    fixable: true,
    handbook: "performance",
    title: {
      en: "Development server as the production command",
      zh: "生产启动命令使用了开发服务器",
    },
    description: {
      en: "`flask run`, `python app.py` (Flask's built-in server), `manage.py runserver`, `uvicorn --reload`, `nodemon` or `npm run dev` are built for one developer: a single process, debug features and file watching. Under real traffic requests queue and time out. Run a production server such as `gunicorn app:app --workers 4 --bind 0.0.0.0:$PORT`.",
      zh: "`flask run`、`python app.py`（Flask 内置服务器）、`manage.py runserver`、`uvicorn --reload`、`nodemon`、`npm run dev` 都是给单个开发者用的：单进程、带调试功能并监视文件变化。在真实流量下请求会排队、超时。请使用生产服务器，例如 `gunicorn app:app --workers 4 --bind 0.0.0.0:$PORT`。",
    },
  },

  check(context) {
    if (context.file.kind === "compose" && DEV_COMPOSE.test(path.basename(context.file.path))) {
      return;
    }
    for (const command of startCommands(context.file)) checkCommand(context, command);
  },
};

function checkCommand(context: RuleContext, command: StartCommand): void {
  for (let index = 0; index < command.commands.length; index++) {
    const argv = command.commands[index];
    const match = matchDevServer(argv);
    if (!match || !isDevServer(context, match)) continue;
    const replacement = replacementFor({
      workspace: context.workspace,
      file: context.file.path,
      argv,
      raw: command.raw[index],
      match,
      docker: context.file.docker,
      env: (name) =>
        context.file.docker ? dockerEnv(context.file.docker, name) : command.env?.(name),
    });
    const fix = replacement && fixFor(context, command, index, replacement);
    context.report({
      range: command.range,
      message: messageFor(match, fix !== undefined),
      fixes: fix ? [fix] : [],
    });
    return;
  }
}

/** `python <script>` counts only when the script starts a development server. */
function isDevServer(context: RuleContext, match: DevServerMatch): boolean {
  if (match.kind !== "python-script") return true;
  const file = findPythonFile(context.workspace, context.file.path, match.script ?? "");
  return !!file && scriptServer(context.workspace, file)?.dev === true;
}

function fixFor(
  context: RuleContext,
  command: StartCommand,
  index: number,
  replacement: Replacement,
): Fix | undefined {
  const line = shellLine(replacement, command.port);
  const edits = command.replace?.(index, line);
  if (!edits) return undefined;
  const gunicorn = replacement.needsGunicorn
    ? gunicornChange(context.workspace, replacement.needsGunicorn)
    : undefined;
  const server = replacement.words[0];
  return {
    title: { en: `Run ${server} instead`, zh: `改用 ${server} 运行` },
    preferred: true,
    changes: [{ file: context.file.path, edits }, ...(gunicorn ? [gunicorn] : [])],
  };
}

function messageFor(match: DevServerMatch, fixable: boolean): Localized {
  const hint: Localized = fixable
    ? { en: "", zh: "" }
    : {
        en: " Build the app and start its production server instead (gunicorn/uvicorn workers, `npm start` after a build, `next start`).",
        zh: "请先构建应用，再启动生产服务器（gunicorn/uvicorn worker、构建后 `npm start`、`next start`）。",
      };
  return {
    en: `"${match.label}" is a development server: one process with debug and reload features, so under production traffic requests queue and time out, and it does not restart workers that crash.${hint.en}`,
    zh: `"${match.label}" 是开发服务器：单进程，带调试和自动重载功能，在生产流量下请求会排队、超时，工作进程崩溃后也不会被重启。${hint.zh}`,
  };
}
