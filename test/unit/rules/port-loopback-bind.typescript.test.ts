import { ruleTester } from "../../helpers/ruleTester";

const nestMain = (listen: string) =>
  `import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  ${listen}
}
bootstrap();
`;
const fastifyStart = (host: string) =>
  `import Fastify, { FastifyInstance } from 'fastify';

const server: FastifyInstance = Fastify({ logger: true });

const start = async (): Promise<void> => {
  await server.listen({ port: 3000, host: '${host}' });
};
void start();
`;
const listenOptions = (host: string) =>
  `import http from 'node:http';
import type { ListenOptions } from 'node:net';

const options: ListenOptions = { host: '${host}', port: 8080 };
http.createServer().listen(options);
`;

ruleTester("port-loopback-bind", {
  valid: [
    {
      name: "NestJS on all interfaces",
      file: "src/main.ts",
      code: nestMain("await app.listen(process.env.PORT ?? 3000, '0.0.0.0');"),
    },
    {
      name: "Express host from env with a loopback fallback",
      file: "src/server.ts",
      code: `import express from 'express';

const app = express();
const port = Number(process.env.PORT ?? 3000);
app.listen(port, process.env.HOST ?? '127.0.0.1');
`,
    },
    {
      name: "Fastify on all interfaces",
      file: "src/server.ts",
      code: fastifyStart("0.0.0.0"),
    },
    {
      name: "Redis and MySQL clients on localhost in a server module",
      file: "src/app.ts",
      code: `import express from 'express';
import Redis from 'ioredis';
import { createPool } from 'mysql2/promise';

export const redis = new Redis({ host: 'localhost', port: 6379 });
export const pool = createPool({ host: '127.0.0.1', user: 'shop' });
export const app = express();
`,
    },
    {
      name: "interface-typed config, host from env",
      file: "src/server.ts",
      code: `import http from 'node:http';

interface ServerConfig {
  host: string;
  port: number;
}

const config: ServerConfig = { host: process.env.HOST ?? '127.0.0.1', port: 8080 };
http.createServer().listen(config.port, config.host);
`,
    },
    {
      name: "env alias from const { env } = process",
      file: "src/server.ts",
      code: `import express from 'express';

const { env } = process;
const app = express();
app.listen(Number(env.PORT), env.HOST || 'localhost');
`,
    },
    {
      name: "test server on an ephemeral loopback port",
      file: "src/__tests__/api.test.ts",
      code: `import http from 'node:http';
import { app } from '../app';

let server: http.Server;
beforeAll((done) => {
  server = http.createServer(app).listen(0, '127.0.0.1', done);
});
afterAll((done) => server.close(done));
`,
    },
    {
      name: "local preview tool that opens a browser",
      file: "scripts/preview.ts",
      code: `import http from 'node:http';
import open from 'open';
import { handler } from './handler';

const server = http.createServer(handler);
server.listen(5173, 'localhost', () => open('http://localhost:5173'));
`,
    },
  ],
  invalid: [
    {
      name: "NestJS on localhost",
      file: "src/main.ts",
      code: nestMain("await app.listen(3000, 'localhost');"),
      findings: [{ line: 6, column: 26, messageIncludes: "localhost" }],
      output: nestMain("await app.listen(3000, '0.0.0.0');"),
      parses: true,
    },
    {
      name: "Fastify instance typed, host option",
      file: "src/server.ts",
      code: fastifyStart("127.0.0.1"),
      findings: [{ line: 6, column: 37 }],
      output: fastifyStart("0.0.0.0"),
      parses: true,
    },
    {
      name: "options checked with satisfies",
      file: "src/server.ts",
      code: `import http from 'node:http';
import type { ListenOptions } from 'node:net';

const options = { host: 'localhost', port: 8080 } satisfies ListenOptions;
http.createServer().listen(options.port, options.host);
`,
      findings: [{ line: 4, column: 19 }],
      output: `import http from 'node:http';
import type { ListenOptions } from 'node:net';

const options = { host: '0.0.0.0', port: 8080 } satisfies ListenOptions;
http.createServer().listen(options.port, options.host);
`,
    },
    {
      name: "listen options held by a typed constant",
      file: "src/server.ts",
      code: listenOptions("localhost"),
      findings: [{ line: 4, column: 34 }],
      output: listenOptions("0.0.0.0"),
      parses: true,
    },
    {
      name: "IPv6 loopback in an ESM module",
      file: "src/index.mts",
      code: `import { createServer } from 'node:http';

createServer((_req, res) => res.end('ok')).listen(8080, '::1');
`,
      findings: [{ line: 3, column: 57, messageIncludes: "::1" }],
      output: `import { createServer } from 'node:http';

createServer((_req, res) => res.end('ok')).listen(8080, '0.0.0.0');
`,
    },
    {
      name: "const-asserted HOST constant passed as string",
      file: "src/server.ts",
      code: `import express from 'express';

const HOST = '127.0.0.1' as const;
const app = express();
app.listen(3000, HOST as string);
`,
      findings: [{ line: 3, column: 14 }],
      output: `import express from 'express';

const HOST = '0.0.0.0' as const;
const app = express();
app.listen(3000, HOST as string);
`,
      parses: true,
    },
    {
      name: "server class with a constructor parameter property",
      file: "src/server.ts",
      code: `import express, { Application } from 'express';

export class Server {
  private readonly app: Application = express();

  constructor(private readonly port: number) {}

  start(): void {
    this.app.listen(this.port, 'localhost');
  }
}
`,
      findings: [{ line: 9, column: 32 }],
      output: `import express, { Application } from 'express';

export class Server {
  private readonly app: Application = express();

  constructor(private readonly port: number) {}

  start(): void {
    this.app.listen(this.port, '0.0.0.0');
  }
}
`,
    },
    {
      name: "end-to-end test server: reported at hint severity",
      file: "src/__tests__/server.test.ts",
      code: `import express from 'express';

const app = express();
const server = app.listen(4001, 'localhost');
afterAll(() => server.close());
`,
      findings: [{ line: 4, column: 33, severity: "hint" }],
      output: `import express from 'express';

const app = express();
const server = app.listen(4001, '0.0.0.0');
afterAll(() => server.close());
`,
    },
  ],
});
