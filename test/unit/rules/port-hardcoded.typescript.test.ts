import { ruleTester } from "../../helpers/ruleTester";

const nestMain = (listen: string, imports = "") =>
  `import { NestFactory } from '@nestjs/core';
${imports}import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  ${listen}
}
bootstrap();
`;
const expressTyped = (head: string, listen: string) =>
  `import express, { Request, Response } from 'express';

${head}const app = express();
app.get('/healthz', (_req: Request, res: Response) => res.sendStatus(204));
${listen}
`;

ruleTester("port-hardcoded", {
  valid: [
    {
      name: "NestJS main.ts with PORT ?? fallback",
      file: "src/main.ts",
      code: nestMain("await app.listen(process.env.PORT ?? 3000);"),
    },
    {
      name: "NestJS port from ConfigService",
      file: "src/main.ts",
      code: nestMain(
        `const config = app.get(ConfigService);
  await app.listen(config.get<number>('PORT', 3000));`,
        "import { ConfigService } from '@nestjs/config';\n",
      ),
    },
    {
      name: "typed constant read from PORT",
      file: "src/server.ts",
      code: expressTyped(
        "const port: number = Number(process.env.PORT) || 3000;\n",
        "app.listen(port, () => console.log(`listening on ${port}`));",
      ),
    },
    {
      name: "config object checked with satisfies, port from env",
      file: "src/server.ts",
      code: `import http from 'node:http';
import type { AppConfig } from './types';

const config = { port: Number(process.env.PORT ?? 8080) } satisfies AppConfig;
http.createServer().listen(config.port);
`,
    },
    {
      name: "interface-typed config, port from env",
      file: "src/config.ts",
      code: `import express from 'express';

interface Config {
  port: number;
}

export const config: Config = { port: Number(process.env.PORT) || 3000 };
express().listen(config.port);
`,
    },
    {
      name: "Koa with parseInt(process.env.PORT as string)",
      file: "src/index.ts",
      code: `import Koa from 'koa';

const PORT = parseInt(process.env.PORT as string, 10) || 3000;
new Koa().listen(PORT);
`,
    },
    {
      name: "Fastify in ESM TypeScript, env imported from node:process",
      file: "src/server.mts",
      code: `import { env } from 'node:process';
import Fastify from 'fastify';

const app = Fastify({ logger: true });
await app.listen({ port: Number(env.PORT ?? 3000), host: '0.0.0.0' });
`,
    },
    {
      name: "test server on an ephemeral port",
      file: "src/__tests__/server.test.ts",
      code: `import type { Server } from 'node:http';
import request from 'supertest';
import { app } from '../app';

let server: Server;
beforeAll(() => {
  server = app.listen(0);
});
afterAll(() => server.close());

it('answers', () => request(server).get('/healthz').expect(204));
`,
    },
  ],
  invalid: [
    {
      name: "Express, typed constant",
      file: "src/server.ts",
      code: expressTyped(
        "const PORT: number = 3000;\n",
        "app.listen(PORT, () => console.log(`listening on ${PORT}`));",
      ),
      findings: [{ line: 3, column: 22, messageIncludes: "3000" }],
      output: expressTyped(
        "const PORT: number = Number(process.env.PORT) || 3000;\n",
        "app.listen(PORT, () => console.log(`listening on ${PORT}`));",
      ),
      parses: true,
    },
    {
      name: "constant with a const assertion: the fix drops the assertion",
      file: "src/server.ts",
      code: `import express from 'express';

export const DEFAULT_PORT = 3000 as const;
express().listen(DEFAULT_PORT);
`,
      findings: [{ line: 3, column: 29 }],
      output: `import express from 'express';

export const DEFAULT_PORT = Number(process.env.PORT) || 3000;
express().listen(DEFAULT_PORT);
`,
      parses: true,
    },
    {
      name: "config object checked with satisfies",
      file: "src/server.ts",
      code: `import http from 'node:http';

interface ServerConfig {
  port: number;
}

const config = { port: 8080 } satisfies ServerConfig;
http.createServer().listen(config.port);
`,
      findings: [{ line: 7, column: 18 }],
      output: `import http from 'node:http';

interface ServerConfig {
  port: number;
}

const config = { port: Number(process.env.PORT) || 8080 } satisfies ServerConfig;
http.createServer().listen(config.port);
`,
      parses: true,
    },
    {
      name: "listen options held by a typed constant",
      file: "src/server.ts",
      code: `import http from 'node:http';
import type { ListenOptions } from 'node:net';

const options: ListenOptions = { port: 8080, host: '0.0.0.0' };
http.createServer().listen(options);
`,
      findings: [{ line: 4, column: 34 }],
      output: `import http from 'node:http';
import type { ListenOptions } from 'node:net';

const options: ListenOptions = { port: Number(process.env.PORT) || 8080, host: '0.0.0.0' };
http.createServer().listen(options);
`,
      parses: true,
    },
    {
      name: "Fastify instance typed, listen inside an async start",
      file: "src/server.ts",
      code: `import Fastify, { FastifyInstance } from 'fastify';

const server: FastifyInstance = Fastify({ logger: true });

const start = async (): Promise<void> => {
  await server.listen({ port: 8080, host: '0.0.0.0' });
};
void start();
`,
      findings: [{ line: 6, column: 25 }],
      output: `import Fastify, { FastifyInstance } from 'fastify';

const server: FastifyInstance = Fastify({ logger: true });

const start = async (): Promise<void> => {
  await server.listen({ port: Number(process.env.PORT) || 8080, host: '0.0.0.0' });
};
void start();
`,
    },
    {
      name: "NestJS module and controller declared with decorators in main.ts",
      file: "src/main.ts",
      code: `import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

@Controller()
class HealthController {
  @Get('healthz')
  check() {
    return { ok: true };
  }
}

@Module({ controllers: [HealthController] })
class AppModule {}

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  await app.listen(3000);
}
void bootstrap();
`,
      findings: [{ line: 17, column: 20 }],
      output: `import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

@Controller()
class HealthController {
  @Get('healthz')
  check() {
    return { ok: true };
  }
}

@Module({ controllers: [HealthController] })
class AppModule {}

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  await app.listen(Number(process.env.PORT) || 3000);
}
void bootstrap();
`,
      parses: true,
    },
    {
      name: "server class listening on this.app",
      file: "src/server.ts",
      code: `import express, { Application } from 'express';

export class Server {
  private readonly app: Application = express();

  start(): void {
    this.app.listen(3000, () => console.log('up'));
  }
}
`,
      findings: [{ line: 7, column: 21 }],
      output: `import express, { Application } from 'express';

export class Server {
  private readonly app: Application = express();

  start(): void {
    this.app.listen(Number(process.env.PORT) || 3000, () => console.log('up'));
  }
}
`,
    },
    {
      name: "port asserted as number",
      file: "src/index.mts",
      code: `import { createServer } from 'node:http';

const server = createServer((_req, res) => res.end('ok'));
server.listen(8080 as number, () => console.log('up'));
`,
      findings: [{ line: 4, column: 15 }],
      output: `import { createServer } from 'node:http';

const server = createServer((_req, res) => res.end('ok'));
server.listen((Number(process.env.PORT) || 8080) as number, () => console.log('up'));
`,
      parses: true,
    },
    {
      name: "test file: reported at hint severity",
      file: "src/__tests__/api.test.ts",
      code: `import express from 'express';

const app = express();
const server = app.listen(4001);
afterAll(() => server.close());
`,
      findings: [{ line: 4, column: 27, severity: "hint" }],
      output: `import express from 'express';

const app = express();
const server = app.listen(Number(process.env.PORT) || 4001);
afterAll(() => server.close());
`,
    },
  ],
});
