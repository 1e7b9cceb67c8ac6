import { ruleTester } from "../../helpers/ruleTester";

const FLASK = "from flask import Flask\n\napp = Flask(__name__)\n";
const EXPRESS = "const express = require('express');\nconst app = express();\n";

ruleTester("proc-inline-background-work", {
  valid: [
    {
      name: "thread in a plain worker script",
      file: "worker.py",
      code: "import threading\n\n\ndef loop():\n    pass\n\n\nthreading.Thread(target=loop).start()\n",
    },
    {
      name: "metrics refresher thread",
      file: "app.py",
      code: `import threading\n${FLASK}\n\ndef refresh_metrics():\n    pass\n\n\nthreading.Thread(target=refresh_metrics, daemon=True).start()\n`,
    },
    {
      name: "thread created but never started",
      file: "app.py",
      code: `from threading import Thread\n${FLASK}\nworker = Thread(target=print)\n`,
    },
    {
      name: "per-request thread in a handler",
      file: "app.py",
      code: `import threading\n${FLASK}\n\n@app.post("/mail")\ndef mail():\n    threading.Thread(target=print).start()\n    return {}\n`,
    },
    {
      name: "scheduler only for metrics",
      file: "app.py",
      code: `from apscheduler.schedulers.background import BackgroundScheduler\n${FLASK}\nscheduler = BackgroundScheduler()\nscheduler.add_job(update_metrics, "interval", seconds=15)\nscheduler.start()\n`,
    },
    {
      name: "node-cron in a worker script",
      file: "worker.js",
      code: "const cron = require('node-cron');\ncron.schedule('0 * * * *', () => sendDigests());\n",
    },
    {
      name: "interval that updates metrics",
      file: "server.js",
      code: `${EXPRESS}setInterval(() => gauge.set(process.memoryUsage().rss), 10000);\napp.listen(3000);\n`,
    },
    {
      name: "timer inside a request",
      file: "server.js",
      code: `${EXPRESS}app.get('/poll', (req, res) => {\n  const t = setInterval(() => res.write('.'), 1000);\n  req.on('close', () => clearInterval(t));\n});\n`,
    },
    {
      name: "setInterval in a browser script",
      file: "public/app.js",
      code: "setInterval(() => refreshCart(), 30000);\n",
    },
    {
      name: "nest module without the schedule package",
      file: "src/app.service.ts",
      code: "import { Injectable } from '@nestjs/common';\n\n@Injectable()\nexport class AppService {\n  getHello(): string {\n    return 'Hello';\n  }\n}\n",
    },
  ],
  invalid: [
    {
      name: "thread started at import",
      file: "app.py",
      code: `import threading\n${FLASK}\n\ndef sync_prices():\n    pass\n\n\nthreading.Thread(target=sync_prices, daemon=True).start()\n`,
      findings: [{ line: 11, column: 1, messageIncludes: "worker process" }],
    },
    {
      name: "thread variable started in main",
      file: "app.py",
      code: `from threading import Thread\n${FLASK}\nif __name__ == "__main__":\n    t = Thread(target=cleanup)\n    t.start()\n    app.run()\n`,
      findings: [{ line: 7, column: 9 }],
    },
    {
      name: "APScheduler",
      file: "app.py",
      code: `from apscheduler.schedulers.background import BackgroundScheduler\n${FLASK}\nscheduler = BackgroundScheduler()\nscheduler.add_job(send_reminders, "cron", hour=8)\nscheduler.start()\n`,
      findings: [{ line: 6, column: 13 }],
    },
    {
      name: "schedule loop",
      file: "main.py",
      code: "import schedule\nfrom fastapi import FastAPI\n\napp = FastAPI()\nschedule.every(10).minutes.do(purge)\nschedule.every().day.do(report)\n",
      findings: [{ line: 5, column: 1 }],
    },
    {
      name: "django app ready starts a thread",
      file: "shop/apps.py",
      code: "import threading\nfrom django.apps import AppConfig\n\n\nclass ShopConfig(AppConfig):\n    def ready(self):\n        threading.Thread(target=warm_up).start()\n",
      findings: [{ line: 7, column: 9 }],
    },
    {
      name: "node-cron in the web server",
      file: "server.js",
      code: `const cron = require('node-cron');\n${EXPRESS}cron.schedule('*/5 * * * *', () => syncOrders());\napp.listen(3000);\n`,
      findings: [{ line: 4, column: 1 }],
    },
    {
      name: "setInterval job",
      file: "server.mjs",
      code: "import express from 'express';\nconst app = express();\nsetInterval(async () => {\n  await expireCarts();\n}, 60000);\napp.listen(3000);\n",
      findings: [{ line: 3, column: 1 }],
    },
    {
      name: "cron package",
      file: "src/server.ts",
      code: "import { CronJob } from 'cron';\nimport express from 'express';\n\nconst job = new CronJob('0 0 * * *', () => rotateLogs());\njob.start();\nexpress().listen(8080);\n",
      findings: [{ line: 4, column: 17 }],
    },
    {
      name: "NestJS scheduled method",
      file: "src/tasks.service.ts",
      code: "import { Injectable } from '@nestjs/common';\nimport { Cron } from '@nestjs/schedule';\n\n@Injectable()\nexport class TasksService {\n  @Cron('45 * * * * *')\n  handleCron() {}\n}\n",
      findings: [{ line: 6, column: 3 }],
    },
    {
      name: "interval started when the server listens",
      file: "server.js",
      code: `${EXPRESS}app.listen(3000, () => {\n  setInterval(pollPayments, 30000);\n});\n`,
      findings: [{ line: 4, column: 3 }],
    },
  ],
});
