import { ruleTester } from "../../helpers/ruleTester";

/** The client line every fix adds after the imports of a TypeScript module. */
const CLIENT = "const redisClient = new Redis(process.env.REDIS_URL as string);";
const STORE_IMPORTS = 'import RedisStore from "connect-redis";\nimport Redis from "ioredis";';

const nestPackage = (extra: string) => `{
  "name": "api",
  "dependencies": {
    "@nestjs/core": "10.3.10",
    "express-session": "1.18.0"${extra}
  }
}
`;

ruleTester("state-memory-store", {
  valid: [
    {
      name: "NestJS bootstrap with connect-redis",
      file: "src/main.ts",
      code: `import { NestFactory } from "@nestjs/core";
import RedisStore from "connect-redis";
import session from "express-session";
import Redis from "ioredis";
import { AppModule } from "./app.module";

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  const client = new Redis(process.env.REDIS_URL as string);
  app.use(session({ store: new RedisStore({ client }), secret: process.env.SESSION_SECRET! }));
  await app.listen(Number(process.env.PORT));
}
void bootstrap();
`,
    },
    {
      name: "MemoryStore only when running the tests",
      file: "src/app.ts",
      code: `import express from "express";
import session from "express-session";
import RedisStore from "connect-redis";
import Redis from "ioredis";

const app = express();
app.use(
  session({
    store:
      process.env.NODE_ENV === "test"
        ? new session.MemoryStore()
        : new RedisStore({ client: new Redis(process.env.REDIS_URL as string) }),
    secret: process.env.SESSION_SECRET!,
  }),
);
`,
    },
    {
      name: "@fastify/session with a store",
      file: "src/server.ts",
      code: `import Fastify from "fastify";
import fastifyCookie from "@fastify/cookie";
import fastifySession from "@fastify/session";
import RedisStore from "connect-redis";
import Redis from "ioredis";

const app = Fastify();
app.register(fastifyCookie);
app.register(fastifySession, {
  secret: process.env.SESSION_SECRET as string,
  store: new RedisStore({ client: new Redis(process.env.REDIS_URL as string) }),
});
`,
    },
    {
      name: "cookie-session keeps the session in a signed cookie",
      file: "src/app.mts",
      code: `import express from "express";
import cookieSession from "cookie-session";

const app = express();
app.use(cookieSession({ name: "sid", keys: [process.env.COOKIE_KEY as string] }));
`,
    },
    {
      name: "options built by a typed factory",
      file: "src/app.ts",
      code: `import express from "express";
import session from "express-session";
import { sessionOptions } from "./config/session";

const app = express();
app.use(session(sessionOptions(process.env)));
`,
    },
  ],
  invalid: [
    {
      name: "NestJS bootstrap, namespace import, multi-line options",
      file: "src/main.ts",
      code: `import { NestFactory } from "@nestjs/core";
import * as session from "express-session";
import { AppModule } from "./app.module";

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.use(
    session({
      secret: process.env.SESSION_SECRET as string,
      resave: false,
      saveUninitialized: false,
    }),
  );
  await app.listen(process.env.PORT ?? 3000);
}
void bootstrap();
`,
      files: { "package.json": nestPackage("") },
      findings: [{ line: 8, column: 5, messageIncludes: "no store, so it uses MemoryStore" }],
      output: `import "dotenv/config";
import { NestFactory } from "@nestjs/core";
import * as session from "express-session";
import { AppModule } from "./app.module";
${STORE_IMPORTS}

${CLIENT}

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.use(
    session({
      store: new RedisStore({ client: redisClient }),
      secret: process.env.SESSION_SECRET as string,
      resave: false,
      saveUninitialized: false,
    }),
  );
  await app.listen(process.env.PORT ?? 3000);
}
void bootstrap();
`,
      outputFiles: {
        "package.json": nestPackage(
          ',\n    "connect-redis": "7.1.1",\n    "ioredis": "5.4.2",\n    "dotenv": "16.4.7"',
        ),
        ".env": "REDIS_URL=redis://localhost:6379/0\n",
        ".env.example": "REDIS_URL=\n",
        ".gitignore": ".env\n",
      },
      parses: true,
    },
    {
      name: "@fastify/session without a store",
      file: "src/server.ts",
      code: `import "dotenv/config";
import Fastify from "fastify";
import fastifyCookie from "@fastify/cookie";
import fastifySession from "@fastify/session";

const app = Fastify();
app.register(fastifyCookie);
app.register(fastifySession, {
  secret: process.env.SESSION_SECRET as string,
  cookie: { secure: true },
});
`,
      findings: [{ line: 8, column: 14, messageIncludes: "@fastify/session" }],
      output: `import "dotenv/config";
import Fastify from "fastify";
import fastifyCookie from "@fastify/cookie";
import fastifySession from "@fastify/session";
${STORE_IMPORTS}

${CLIENT}

const app = Fastify();
app.register(fastifyCookie);
app.register(fastifySession, {
  store: new RedisStore({ client: redisClient }),
  secret: process.env.SESSION_SECRET as string,
  cookie: { secure: true },
});
`,
      parses: true,
    },
    {
      name: "typed options constant without a store",
      file: "src/session.ts",
      code: `import "dotenv/config";
import express from "express";
import session, { SessionOptions } from "express-session";

const sessionOptions: SessionOptions = {
  secret: process.env.SESSION_SECRET as string,
  cookie: { maxAge: 86_400_000 },
};

export const app = express();
app.use(session(sessionOptions));
`,
      findings: [{ line: 11, column: 9 }],
      output: `import "dotenv/config";
import express from "express";
import session, { SessionOptions } from "express-session";
${STORE_IMPORTS}

${CLIENT}

const sessionOptions: SessionOptions = {
  store: new RedisStore({ client: redisClient }),
  secret: process.env.SESSION_SECRET as string,
  cookie: { maxAge: 86_400_000 },
};

export const app = express();
app.use(session(sessionOptions));
`,
      parses: true,
    },
    {
      name: "explicit MemoryStore in an ES module",
      file: "src/app.mts",
      code: `import "dotenv/config";
import express from "express";
import session, { MemoryStore } from "express-session";

const app = express();
app.use(
  session({
    store: new MemoryStore(),
    secret: process.env.SESSION_SECRET!,
  }),
);
`,
      findings: [{ line: 7, column: 3, messageIncludes: "a MemoryStore" }],
      output: `import "dotenv/config";
import express from "express";
import session, { MemoryStore } from "express-session";
${STORE_IMPORTS}

${CLIENT}

const app = express();
app.use(
  session({
    store: new RedisStore({ client: redisClient }),
    secret: process.env.SESSION_SECRET!,
  }),
);
`,
      parses: true,
    },
    {
      name: "test file: reported at hint severity",
      file: "test/session.test.ts",
      code: `import express from "express";
import session from "express-session";
import request from "supertest";

const app = express();
app.use(
  session({
    secret: "test",
    resave: false,
    saveUninitialized: true,
  }),
);

it("answers without a session cookie", async () => {
  await request(app).get("/").expect(404);
});
`,
      findings: [{ line: 7, column: 3, severity: "hint" }],
      output: `import "dotenv/config";
import express from "express";
import session from "express-session";
import request from "supertest";
${STORE_IMPORTS}

${CLIENT}

const app = express();
app.use(
  session({
    store: new RedisStore({ client: redisClient }),
    secret: "test",
    resave: false,
    saveUninitialized: true,
  }),
);

it("answers without a session cookie", async () => {
  await request(app).get("/").expect(404);
});
`,
      parses: true,
    },
  ],
});
