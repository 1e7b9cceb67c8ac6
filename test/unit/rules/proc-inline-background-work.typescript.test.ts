import { ruleTester } from "../../helpers/ruleTester";

ruleTester("proc-inline-background-work", {
  valid: [
    {
      name: "NestJS server-sent events: a timer per request in a @Get method",
      file: "src/events/events.controller.ts",
      code: `import { Controller, Get, Res } from "@nestjs/common";
import type { Response } from "express";

@Controller("events")
export class EventsController {
  @Get("stream")
  stream(@Res() res: Response) {
    res.setHeader("Content-Type", "text/event-stream");
    const timer = setInterval(() => res.write("data: ping\\n\\n"), 15_000);
    res.on("close", () => clearInterval(timer));
  }
}
`,
    },
    {
      name: "interval that only refreshes a Prometheus gauge",
      file: "src/metrics.ts",
      code: `import express from "express";
import client from "prom-client";

const app = express();
const heapGauge = new client.Gauge({ name: "heap_used_bytes", help: "Heap in use" });
setInterval(() => heapGauge.set(process.memoryUsage().heapUsed), 5_000).unref();

app.get("/metrics", async (_req, res) => {
  res.type(client.register.contentType).send(await client.register.metrics());
});
`,
    },
    {
      name: "dedicated worker process: node-cron feeding a BullMQ queue",
      file: "src/worker.ts",
      code: `import { Queue, Worker } from "bullmq";
import cron from "node-cron";
import IORedis from "ioredis";

const connection = new IORedis(process.env.REDIS_URL as string, { maxRetriesPerRequest: null });
const reports = new Queue("reports", { connection });

cron.schedule("0 6 * * *", () => reports.add("daily", {}));
new Worker("reports", async (job) => buildReport(job.data), { connection });
`,
    },
    {
      name: "Koa route streaming events with a per-request timer",
      file: "src/routes/events.ts",
      code: `import Router from "@koa/router";
import { PassThrough } from "node:stream";

export const router = new Router();

router.get("/events", (ctx) => {
  const stream = new PassThrough();
  ctx.type = "text/event-stream";
  ctx.body = stream;
  const timer = setInterval(() => stream.write("data: ping\\n\\n"), 15_000);
  ctx.req.on("close", () => clearInterval(timer));
});
`,
    },
    {
      name: "queue producer in the web process, jobs run by a worker",
      file: "src/server.mts",
      code: `import express from "express";
import { Queue } from "bullmq";
import IORedis from "ioredis";

const app = express();
const mail = new Queue("mail", { connection: new IORedis(process.env.REDIS_URL as string) });

app.post("/signup", async (req, res) => {
  await mail.add("welcome", { to: req.body.email });
  res.status(202).end();
});
`,
    },
  ],
  invalid: [
    {
      name: "node-schedule imported by name in an Express server",
      file: "src/server.ts",
      code: `import express from "express";
import { scheduleJob } from "node-schedule";

const app = express();

scheduleJob("0 3 * * *", async () => {
  await purgeExpiredInvoices();
});

app.listen(Number(process.env.PORT));
`,
      findings: [{ line: 6, column: 1, messageIncludes: "a cron job (scheduleJob)" }],
      output: null,
    },
    {
      name: "node-cron schedule imported by name in a Fastify ES module",
      file: "src/app.mts",
      code: `import Fastify from "fastify";
import { schedule } from "node-cron";

const app = Fastify();
schedule("*/10 * * * *", () => syncInventory());
await app.listen({ port: Number(process.env.PORT), host: "0.0.0.0" });
`,
      findings: [{ line: 5, column: 1 }],
    },
    {
      name: "node-cron namespace import",
      file: "src/main.ts",
      code: `import * as cron from "node-cron";
import express from "express";

const app = express();
cron.schedule("0 * * * *", () => sendDigestEmails());
app.listen(Number(process.env.PORT));
`,
      findings: [{ line: 5, column: 1, messageIncludes: "cron.schedule" }],
    },
    {
      name: "NestJS @Interval method",
      file: "src/cleanup/cleanup.service.ts",
      code: `import { Injectable, Logger } from "@nestjs/common";
import { Interval } from "@nestjs/schedule";

@Injectable()
export class CleanupService {
  private readonly logger = new Logger(CleanupService.name);

  @Interval(60_000)
  async removeExpiredCarts(): Promise<void> {
    this.logger.log("removing expired carts");
  }
}
`,
      findings: [{ line: 8, column: 3, messageIncludes: "@Interval" }],
    },
    {
      name: "test file: reported at hint severity",
      file: "src/__tests__/cron.test.ts",
      code: `import express from "express";
import cron from "node-cron";

const app = express();
let ticks = 0;
cron.schedule("* * * * * *", () => ticks++);

it("ticks", () => {
  expect(app).toBeDefined();
});
`,
      findings: [{ line: 6, column: 1, severity: "hint" }],
    },
  ],
});
