import { ruleTester } from "../../helpers/ruleTester";

const nodeUser = {
  Dockerfile: `FROM node:20-slim
WORKDIR /app
COPY . .
RUN npm ci && npm run build
USER node
CMD ["node", "dist/main.js"]
`,
};
const distroless = {
  Dockerfile: `FROM node:20 AS build
WORKDIR /app
COPY . .
RUN npm ci && npm run build

FROM gcr.io/distroless/nodejs20-debian12:nonroot
COPY --from=build /app/dist /app
CMD ["/app/main.js"]
`,
};
const nestMain = (listen: string) =>
  `import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  ${listen}
}
bootstrap();
`;
const expressTyped = (port: number) =>
  `import express, { Request, Response } from 'express';

const PORT: number = ${port};
const app = express();
app.get('/healthz', (_req: Request, res: Response) => res.sendStatus(204));
app.listen(PORT);
`;

ruleTester("port-privileged", {
  valid: [
    {
      name: "NestJS on 8080 in a non-root image",
      file: "src/main.ts",
      code: nestMain("await app.listen(8080);"),
      files: nodeUser,
    },
    {
      name: "NestJS on 80 in an image that runs as root",
      file: "src/main.ts",
      code: nestMain("await app.listen(80);"),
      files: { Dockerfile: 'FROM node:20-alpine\nCOPY . .\nCMD ["node", "dist/main.js"]\n' },
    },
    {
      name: "typed constant on 3000 in a distroless nonroot image",
      file: "src/server.ts",
      code: expressTyped(3000),
      files: distroless,
    },
    {
      name: "Fastify port from env with a low fallback",
      file: "src/server.ts",
      code: `import Fastify from 'fastify';

const app = Fastify();
await app.listen({ port: Number(process.env.PORT ?? 80), host: '0.0.0.0' });
`,
      files: nodeUser,
    },
    {
      name: "Postgres client on a low port is not a server",
      file: "src/db.ts",
      code: `import express from 'express';
import { Pool } from 'pg';

export const pool = new Pool({ host: 'db', port: 543 });
express().listen(8080);
`,
      files: nodeUser,
    },
    {
      name: "test server on an ephemeral port",
      file: "src/__tests__/server.test.ts",
      code: `import http from 'node:http';

let server: http.Server;
beforeAll(() => {
  server = http.createServer().listen(0);
});
`,
      files: nodeUser,
    },
  ],
  invalid: [
    {
      name: "NestJS on 443 in a distroless nonroot image",
      file: "src/main.ts",
      code: nestMain("await app.listen(443);"),
      files: distroless,
      findings: [{ line: 6, column: 20, messageIncludes: "nonroot" }],
      output: nestMain("await app.listen(8443);"),
      parses: true,
    },
    {
      name: "Express typed constant on 80",
      file: "src/server.ts",
      code: expressTyped(80),
      files: nodeUser,
      findings: [{ line: 3, column: 22, messageIncludes: "node" }],
      output: expressTyped(8080),
      parses: true,
    },
    {
      name: "Fastify instance typed, user by uid",
      file: "src/server.ts",
      code: `import Fastify, { FastifyInstance } from 'fastify';

const server: FastifyInstance = Fastify();
await server.listen({ port: 443, host: '0.0.0.0' });
`,
      files: { Dockerfile: "FROM node:20-alpine\nRUN adduser -D -u 1001 app\nUSER 1001\n" },
      findings: [{ line: 4, column: 23 }],
      output: `import Fastify, { FastifyInstance } from 'fastify';

const server: FastifyInstance = Fastify();
await server.listen({ port: 8443, host: '0.0.0.0' });
`,
    },
    {
      name: "config object checked with satisfies",
      file: "src/index.ts",
      code: `import http from 'node:http';

interface ServerConfig {
  port: number;
}

const config = { port: 80 } satisfies ServerConfig;
http.createServer().listen(config.port);
`,
      files: nodeUser,
      findings: [{ line: 7, column: 18 }],
      output: `import http from 'node:http';

interface ServerConfig {
  port: number;
}

const config = { port: 8080 } satisfies ServerConfig;
http.createServer().listen(config.port);
`,
    },
    {
      name: "http server in an ESM module",
      file: "src/index.mts",
      code: `import { createServer } from 'node:http';

createServer((_req, res) => res.end('ok')).listen(80, '0.0.0.0');
`,
      files: nodeUser,
      findings: [{ line: 3, column: 51 }],
      output: `import { createServer } from 'node:http';

createServer((_req, res) => res.end('ok')).listen(8080, '0.0.0.0');
`,
    },
    {
      name: "test file: reported at hint severity",
      file: "src/__tests__/server.test.ts",
      code: `import express from 'express';

const server = express().listen(80);
afterAll(() => server.close());
`,
      files: nodeUser,
      findings: [{ line: 3, column: 33, severity: "hint" }],
    },
  ],
});
