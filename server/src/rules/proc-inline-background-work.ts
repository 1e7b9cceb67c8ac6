import type { Rule } from "../engine/rule";
import type { Localized } from "../engine/types";
import {
  pythonBackgroundJobs,
  scriptBackgroundJobs,
  type BackgroundJob,
} from "./shared/backgroundJobs";

const WHAT: Record<BackgroundJob["kind"], { en: string; zh: string }> = {
  thread: { en: "a background thread", zh: "后台线程" },
  scheduler: { en: "a job scheduler", zh: "任务调度器" },
  schedule: { en: "a scheduling loop", zh: "定时循环" },
  cron: { en: "a cron job", zh: "cron 定时任务" },
  interval: { en: "a recurring timer", zh: "周期定时器" },
  decorator: { en: "a scheduled method", zh: "定时方法" },
};

/** Where the work goes instead, in the ecosystem of the code. */
const ADVICE: Record<"python" | "script", Localized> = {
  python: {
    en:
      "Move it to a worker process (Celery or RQ; a Kubernetes CronJob for periodic work) " +
      "with its own `worker:` entry in the Procfile or compose file.",
    zh:
      "请把它移到 worker 进程（Celery 或 RQ；周期性任务可用 Kubernetes CronJob），" +
      "并在 Procfile 或 compose 中为其单独添加 `worker:` 条目。",
  },
  script: {
    en:
      "Move it to a separate worker process (a BullMQ queue and worker, or a plain Node " +
      "script run by a Kubernetes CronJob for periodic work) with its own `worker:` entry in " +
      "the Procfile or compose file.",
    zh:
      "请把它移到独立的 worker 进程（BullMQ 队列加 worker，或由 Kubernetes CronJob " +
      "定时运行的普通 Node 脚本），并在 Procfile 或 compose 中为其单独添加 `worker:` 条目。",
  },
};

/** Background work started inside the web process instead of a worker process. */
export const rule: Rule = {
  meta: {
    id: "proc-inline-background-work",
    factors: [8],
    categories: ["scaling", "performance"],
    severity: "warning",
    kinds: ["python", "javascript", "typescript"],
    fixable: false,
    handbook: "performance",
    title: {
      en: "Background jobs started inside the web process",
      zh: "在 Web 进程内启动后台任务",
    },
    description: {
      en: "Threads, schedulers and cron jobs started by the web process run once per replica and per worker: scaling out duplicates the jobs, a deploy kills them mid-run, and they take CPU from requests. Run them in a separate worker process (Celery, RQ, BullMQ) declared as its own process type (`worker:` in the Procfile or compose).",
      zh: "由 Web 进程启动的线程、调度器和 cron 任务会在每个副本、每个 worker 中各运行一份：扩容会重复执行任务，发布会在执行中途杀掉它们，还会与请求争抢 CPU。请放到独立的 worker 进程（Celery、RQ、BullMQ）中，并声明为单独的进程类型（Procfile 或 compose 中的 `worker:`）。",
    },
  },

  check({ file, report }) {
    const jobs = file.python
      ? pythonBackgroundJobs(file.python.root)
      : file.script
        ? scriptBackgroundJobs(file.script.source)
        : [];
    const advice = ADVICE[file.python ? "python" : "script"];
    for (const job of jobs) {
      const what = WHAT[job.kind];
      report({
        range: file.source.range(job.node.start, job.node.end),
        message: {
          en: `This starts ${what.en} (${job.what}) inside the web process: every replica and worker runs its own copy, so scaling out repeats the job and a deploy kills it mid-run. ${advice.en}`,
          zh: `这里在 Web 进程内启动了${what.zh}（${job.what}）：每个副本和 worker 都各跑一份，扩容会重复执行任务，发布会在执行中途杀掉它。${advice.zh}`,
        },
      });
    }
  },
};
