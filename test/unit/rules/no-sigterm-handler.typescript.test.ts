import { ruleTester } from "../../helpers/ruleTester";

const expressApp = `import express, { Request, Response } from 'express';

const app = express();
app.get('/healthz', (_req: Request, res: Response) => res.sendStatus(204));
`;
const closeServer = (name: string, indent = "") =>
  [
    `process.on('SIGTERM', () => {`,
    `  ${name}.close(() => process.exit(0));`,
    `  setTimeout(() => process.exit(1), 10000).unref();`,
    `});`,
  ]
    .map((line) => `${indent}${line}\n`)
    .join("");
const nestMain = (body: string, call = "bootstrap();") =>
  `import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
${body}}
${call}
`;

ruleTester("no-sigterm-handler", {
  valid: [
    {
      name: "Express with a process.on SIGTERM handler",
      file: "src/server.ts",
      code: `${expressApp}const server = app.listen(3000);\n\n${closeServer("server")}`,
    },
    {
      name: "signals listed in a typed array",
      file: "src/server.ts",
      code: `${expressApp}const server = app.listen(3000);
const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
for (const signal of signals) {
  process.once(signal, () => server.close());
}
`,
    },
    {
      name: "terminus around an http server",
      file: "src/server.ts",
      code: `import http from 'node:http';
import { createTerminus } from '@godaddy/terminus';
import { app } from './app';

const server = http.createServer(app);
createTerminus(server, { signals: ['SIGTERM'], healthChecks: { '/healthz': async () => 'ok' } });
server.listen(3000);
`,
    },
    {
      name: "Fastify with close-with-grace",
      file: "src/server.ts",
      code: `import Fastify from 'fastify';
import closeWithGrace from 'close-with-grace';

const app = Fastify({ logger: true });
closeWithGrace({ delay: 500 }, async () => {
  await app.close();
});
await app.listen({ port: 3000 });
`,
    },
    {
      name: "handler in another module of the package",
      file: "src/main.ts",
      code: `import './shutdown';\n${expressApp}app.listen(3000);\n`,
      files: {
        "package.json": '{ "name": "shop-api" }\n',
        "src/shutdown.ts": `process.on('SIGTERM', (signal: NodeJS.Signals) => {
  console.log(\`received \${signal}\`);
  process.exit(0);
});
`,
      },
    },
    {
      name: "compiled output run by pm2 per Dockerfile",
      file: "src/main.ts",
      code: `${expressApp}app.listen(3000);\n`,
      files: {
        Dockerfile:
          'FROM node:20\nCOPY . .\nRUN npm run build\nCMD ["pm2-runtime", "dist/main.js"]\n',
      },
    },
    {
      name: "exported factory that the module never calls",
      file: "src/http/startServer.ts",
      code: `import express, { type Express } from 'express';
import type { Server } from 'node:http';

export function startServer(app: Express, port: number): Server {
  return app.listen(port);
}
`,
    },
    {
      name: "NestJS with shutdown hooks, floating promise marked with void",
      file: "src/main.ts",
      code: nestMain(
        "  app.enableShutdownHooks();\n  await app.listen(3000);\n",
        "void bootstrap();",
      ),
    },
  ],
  invalid: [
    {
      name: "Express listen statement gets a server binding",
      file: "src/server.ts",
      code: `${expressApp}app.listen(3000, () => console.log('listening'));\n`,
      findings: [{ line: 5, column: 1, messageIncludes: "SIGTERM" }],
      output: `${expressApp}const server = app.listen(3000, () => console.log('listening'));
${closeServer("server")}`,
      parses: true,
    },
    {
      name: "Koa with a router",
      file: "src/index.ts",
      code: `import Koa from 'koa';
import Router from '@koa/router';

const app = new Koa();
const router = new Router();
router.get('/healthz', (ctx) => {
  ctx.status = 204;
});
app.use(router.routes());
app.listen(3000);
`,
      findings: [{ line: 10, column: 1 }],
      output: `import Koa from 'koa';
import Router from '@koa/router';

const app = new Koa();
const router = new Router();
router.get('/healthz', (ctx) => {
  ctx.status = 204;
});
app.use(router.routes());
const server = app.listen(3000);
${closeServer("server")}`,
      parses: true,
    },
    {
      name: "Fastify instance typed, top-level await in ESM",
      file: "src/server.mts",
      code: `import Fastify, { type FastifyInstance } from 'fastify';

const server: FastifyInstance = Fastify({ logger: true });
await server.listen({ port: 3000, host: '0.0.0.0' });
`,
      findings: [{ line: 4, column: 7 }],
      output: `import Fastify, { type FastifyInstance } from 'fastify';

const server: FastifyInstance = Fastify({ logger: true });
await server.listen({ port: 3000, host: '0.0.0.0' });
process.on('SIGTERM', () => {
  server.close().then(() => process.exit(0));
});
`,
      parses: true,
    },
    {
      name: "NestJS bootstrap marked with void",
      file: "src/main.ts",
      code: nestMain("  await app.listen(process.env.PORT ?? 3000);\n", "void bootstrap();"),
      findings: [{ line: 6, column: 9 }],
      output: nestMain(
        "  app.enableShutdownHooks();\n  await app.listen(process.env.PORT ?? 3000);\n",
        "void bootstrap();",
      ),
      parses: true,
    },
    {
      name: "exported typed server binding",
      file: "src/server.ts",
      code: `import express from 'express';
import type { Server } from 'node:http';

const app = express();
export const server: Server = app.listen(3000);
`,
      findings: [{ line: 5, column: 31 }],
      output: `import express from 'express';
import type { Server } from 'node:http';

const app = express();
export const server: Server = app.listen(3000);
${closeServer("server")}`,
      parses: true,
    },
    {
      name: "http server started in an async main with a catch",
      file: "src/index.ts",
      code: `import http from 'node:http';
import { app } from './app';
import { connectDatabase } from './db';

async function main(): Promise<void> {
  await connectDatabase();
  const server = http.createServer(app);
  server.listen(Number(process.env.PORT ?? 8080));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
`,
      findings: [{ line: 8, column: 3 }],
      output: `import http from 'node:http';
import { app } from './app';
import { connectDatabase } from './db';

async function main(): Promise<void> {
  await connectDatabase();
  const server = http.createServer(app);
  server.listen(Number(process.env.PORT ?? 8080));
${closeServer("server", "  ")}}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
`,
      parses: true,
    },
    {
      name: "test file: reported at hint severity, no fix inside a hook",
      file: "src/__tests__/server.test.ts",
      code: `import type { Server } from 'node:http';
import express from 'express';

const app = express();
let server: Server;
beforeAll(() => {
  server = app.listen(4001);
});
`,
      findings: [{ line: 7, column: 12, severity: "hint" }],
      output: null,
    },
  ],
});
