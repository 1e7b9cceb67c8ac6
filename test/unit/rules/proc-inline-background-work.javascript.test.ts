import { ruleTester } from "../../helpers/ruleTester";

ruleTester("proc-inline-background-work", {
  valid: [
    {
      name: "dedicated worker script with node-schedule",
      file: "src/worker.cjs",
      code: `const { scheduleJob } = require('node-schedule');
const { sendReminders } = require('./reminders');

scheduleJob('0 8 * * *', () => sendReminders());
`,
    },
  ],
  invalid: [
    {
      name: "node-schedule in an Express server",
      file: "server.js",
      code: `const express = require('express');
const schedule = require('node-schedule');

const app = express();
schedule.scheduleJob('0 3 * * *', () => purgeExpiredInvoices());
app.listen(process.env.PORT);
`,
      findings: [{ line: 5, column: 1, messageIncludes: "schedule.scheduleJob" }],
      output: null,
    },
    {
      name: "Koa server purging tokens on an interval, CommonJS",
      file: "src/index.cjs",
      code: `const Koa = require('koa');

const app = new Koa();

setInterval(purgeExpiredTokens, 60 * 1000);

app.listen(process.env.PORT);
`,
      findings: [{ line: 5, column: 1, messageIncludes: "setInterval" }],
    },
    {
      name: "Fastify onReady hook starting an interval",
      file: "src/server.mjs",
      code: `import Fastify from 'fastify';

const fastify = Fastify();

fastify.addHook('onReady', async () => {
  setInterval(() => reindexSearch(), 5 * 60_000);
});

await fastify.listen({ port: Number(process.env.PORT), host: '0.0.0.0' });
`,
      findings: [{ line: 6, column: 3 }],
    },
  ],
});
