import type { Node } from "web-tree-sitter";
import { calleeText, positionalArguments, keywordArgument } from "../../languages/pythonSyntax";
import { ts, walkScript } from "../../languages/script";
import { calleeName, enclosingFunction } from "./pythonCode";
import { pythonImportMap, pythonServerCalls, qualifiedCallee } from "./pythonServers";
import { enclosingScriptFunction, moduleBinding, namedImportBinding } from "./scriptCode";
import {
  isDecoratedRouteMethod,
  isPythonHandler,
  isPythonWebModule,
  isScriptRouteCallback,
  isScriptWebModule,
} from "./webApps";

/** Work that only refreshes in-process metrics, which belongs in every process. */
export const METRICS_ONLY =
  /(metric|gauge|prometheus|statsd|telemetry|heartbeat|collectDefault|histogram)/i;

export interface BackgroundJob {
  /** The start of the job: the constructor or scheduling call. */
  node: { start: number; end: number };
  kind: "thread" | "scheduler" | "schedule" | "cron" | "interval" | "decorator";
  what: string;
}

const JOB_NAMES =
  /^(Thread|Timer|Process|every|BackgroundScheduler|AsyncIOScheduler|GeventScheduler|TornadoScheduler|QtScheduler|APScheduler)$/;
const SCHEDULERS =
  /(^|\.)(BackgroundScheduler|AsyncIOScheduler|GeventScheduler|TornadoScheduler|QtScheduler|APScheduler)$/;
const THREADS = /^(threading\.Thread|threading\.Timer|multiprocessing\.Process)$/;

function pythonTarget(call: Node): string {
  const target =
    keywordArgument(call, "target")?.childForFieldName("value") ?? positionalArguments(call)[1];
  return target?.text ?? "";
}

/** Whether the thread a constructor makes is started (`Thread(...).start()` or `t.start()`). */
function started(root: Node, call: Node): boolean {
  const parent = call.parent;
  if (parent?.type === "attribute" && parent.childForFieldName("attribute")?.text === "start")
    return true;
  const name = parent?.type === "assignment" ? parent.childForFieldName("left")?.text : undefined;
  return !!name && root.descendantsOfType("call").some((c) => calleeText(c) === `${name}.start`);
}

/** Background threads and schedulers a Python web module starts. */
export function pythonBackgroundJobs(root: Node): BackgroundJob[] {
  const text = root.text;
  if (!/\b(Thread|Timer|Process|every|\w*Scheduler)\s*\(/.test(text)) return [];
  if (!isPythonWebModule(root) && pythonServerCalls(root).length === 0) return [];
  const imports = pythonImportMap(root);
  const jobs: BackgroundJob[] = [];
  let schedule = false;
  for (const call of root.descendantsOfType("call")) {
    if (!JOB_NAMES.test(calleeName(call))) continue;
    const callee = qualifiedCallee(call, imports);
    const fn = enclosingFunction(call);
    const inHandler = !!fn && isPythonHandler(fn);
    const calleeNode = call.childForFieldName("function") ?? call;
    const node = { start: calleeNode.startIndex, end: calleeNode.endIndex };
    if (THREADS.test(callee) && !inHandler && started(root, call)) {
      if (!METRICS_ONLY.test(pythonTarget(call))) jobs.push({ node, kind: "thread", what: callee });
    } else if (SCHEDULERS.test(callee) && !inHandler) {
      if (!metricsOnlyScheduler(root, call))
        jobs.push({ node, kind: "scheduler", what: callee.split(".").pop() ?? callee });
    } else if (/^schedule\.every$/.test(callee) && !schedule && !inHandler) {
      schedule = true;
      jobs.push({ node, kind: "schedule", what: "schedule.every" });
    }
  }
  return jobs;
}

/** A scheduler whose every job refreshes metrics only. */
function metricsOnlyScheduler(root: Node, constructor: Node): boolean {
  const name =
    constructor.parent?.type === "assignment"
      ? constructor.parent.childForFieldName("left")?.text
      : undefined;
  if (!name) return false;
  const jobs = root
    .descendantsOfType(["call", "decorator"])
    .filter((n) => n.text.startsWith(`${name}.add_job(`) || n.text.startsWith(`@${name}.`));
  return (
    jobs.length > 0 &&
    jobs.every((j) => METRICS_ONLY.test(j.type === "decorator" ? (j.parent?.text ?? "") : j.text))
  );
}

const NEST_DECORATORS = /^@(Cron|Interval|Timeout)\(/;

/** Cron jobs, intervals and schedulers a JavaScript/TypeScript server module starts. */
export function scriptBackgroundJobs(source: ts.SourceFile): BackgroundJob[] {
  const nest =
    moduleBinding(source, "@nestjs/schedule") !== undefined ||
    source.text.includes("@nestjs/schedule");
  if (!isScriptWebModule(source) && !nest) return [];
  const cron = moduleBinding(source, "node-cron");
  const cronSchedule = namedImportBinding(source, "node-cron", "schedule");
  const cronJob = source.text.includes("'cron'") || source.text.includes('"cron"');
  const nodeSchedule = moduleBinding(source, "node-schedule");
  const scheduleJob = namedImportBinding(source, "node-schedule", "scheduleJob");
  const jobs: BackgroundJob[] = [];
  for (const node of walkScript(source)) {
    const anchor = ts.isCallExpression(node) || ts.isNewExpression(node) ? node.expression : node;
    const at = { start: anchor.getStart(source), end: anchor.getEnd() };
    if (nest && ts.isDecorator(node) && NEST_DECORATORS.test(node.getText(source))) {
      jobs.push({ node: at, kind: "decorator", what: node.getText(source).split("(")[0] });
      continue;
    }
    if (!ts.isCallExpression(node) && !ts.isNewExpression(node)) continue;
    const callee = node.expression.getText(source);
    const inRoute = isInsideRoute(node);
    if (((cron && callee === `${cron}.schedule`) || callee === cronSchedule) && !inRoute)
      jobs.push({ node: at, kind: "cron", what: callee });
    else if (cronJob && ts.isNewExpression(node) && /(^|\.)CronJob$/.test(callee) && !inRoute)
      jobs.push({ node: at, kind: "cron", what: "CronJob" });
    else if (
      ((nodeSchedule && callee === `${nodeSchedule}.scheduleJob`) || callee === scheduleJob) &&
      !inRoute
    )
      jobs.push({ node: at, kind: "cron", what: callee });
    else if (callee === "setInterval" && ts.isCallExpression(node) && !inRoute) {
      const callback = node.arguments[0]?.getText(source) ?? "";
      if (!METRICS_ONLY.test(callback))
        jobs.push({ node: at, kind: "interval", what: "setInterval" });
    }
  }
  return jobs;
}

function isInsideRoute(node: ts.Node): boolean {
  for (let fn = enclosingScriptFunction(node); fn; fn = enclosingScriptFunction(fn)) {
    if (isScriptRouteCallback(fn) || isDecoratedRouteMethod(fn)) return true;
  }
  return false;
}
