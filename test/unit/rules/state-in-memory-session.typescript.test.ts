import { ruleTester } from "../../helpers/ruleTester";
import { TS_STORE } from "./state-in-memory-session.fixtures";

/** What the fix puts after the imports of a TypeScript module that had no ioredis import. */
const TS_HEADER = `import Redis from "ioredis";

${TS_STORE}

const redisClient = new Redis(process.env.REDIS_URL as string);`;

const packageJson = (dependencies: string) =>
  `{\n  "name": "shop-api",\n  "private": true,\n  "dependencies": {\n${dependencies}\n  }\n}\n`;

const cartServer = `import express, { Request, Response } from "express";

interface CartItem {
  sku: string;
  qty: number;
}

const app = express();
const carts: Record<string, CartItem[]> = {};

app.post("/cart/:userId", (req: Request, res: Response) => {
  const items = carts[req.params.userId] ?? [];
  carts[req.params.userId] = [...items, req.body as CartItem];
  res.json(carts[req.params.userId]);
});

app.listen(Number(process.env.PORT));
`;

const fastifyLogin = `import "dotenv/config";
import Fastify from "fastify";

const app = Fastify({ logger: true });
const loginAttempts = new Map<string, number>();

app.post("/login", async (request, reply) => {
  const attempts = (loginAttempts.get(request.ip) ?? 0) + 1;
  loginAttempts.set(request.ip, attempts);
  if (attempts > 5) return reply.code(429).send();
  return { ok: true };
});
`;

const koaWishlists = `import "dotenv/config";
import Koa from "koa";
import Router from "@koa/router";

const app = new Koa();
const router = new Router();
const wishlists: { [userId: string]: string[] } = {};

router.post("/wishlist", async (ctx) => {
  const userId: string = ctx.state.user.id;
  wishlists[userId] = ctx.request.body as string[];
  ctx.body = { ok: true };
});

router.delete("/wishlist", async (ctx) => {
  delete wishlists[ctx.state.user.id];
  ctx.status = 204;
});

app.use(router.routes());
`;

ruleTester("state-in-memory-session", {
  valid: [
    {
      name: "typed Map used as a constant lookup table",
      file: "src/server.ts",
      code: `import express from "express";

const ORDER_STATUS_LABELS = new Map<string, string>([
  ["pending", "Awaiting payment"],
  ["paid", "Paid"],
  ["shipped", "On its way"],
]);

const app = express();

app.get("/orders/:id/status", (req, res) => {
  res.json({ label: ORDER_STATUS_LABELS.get(String(req.query.status)) ?? "Unknown" });
});
`,
    },
    {
      name: "NestJS service caching compiled templates",
      file: "src/mail/mail.service.ts",
      code: `import { Injectable } from "@nestjs/common";
import Handlebars from "handlebars";

@Injectable()
export class MailService {
  private readonly templates = new Map<string, Handlebars.TemplateDelegate>();

  render(name: string, source: string, context: object): string {
    if (!this.templates.has(name)) this.templates.set(name, Handlebars.compile(source));
    return this.templates.get(name)!(context);
  }
}
`,
    },
    {
      name: "NestJS request-scoped provider: one instance per request",
      file: "src/upload/upload-context.service.ts",
      code: `import { Injectable, Scope } from "@nestjs/common";

@Injectable({ scope: Scope.REQUEST })
export class UploadContextService {
  private readonly uploads = new Map<string, number>();

  track(fileName: string, size: number): void {
    this.uploads.set(fileName, size);
  }
}
`,
    },
    {
      name: "express-session data typed, kept in a Redis store",
      file: "src/app.ts",
      code: `import express from "express";
import session from "express-session";
import RedisStore from "connect-redis";
import Redis from "ioredis";

declare module "express-session" {
  interface SessionData {
    cart: string[];
  }
}

const app = express();
const client = new Redis(process.env.REDIS_URL as string);
app.use(session({ store: new RedisStore({ client }), secret: process.env.SESSION_SECRET! }));

app.post("/cart", (req, res) => {
  req.session.cart = [...(req.session.cart ?? []), req.body.sku];
  res.json(req.session.cart);
});
`,
    },
    {
      name: "Fastify handler with a function-local Map",
      file: "src/routes/report.mts",
      code: `import Fastify from "fastify";

const app = Fastify();

app.get("/report", async (request) => {
  const totalsByUser = new Map<string, number>();
  for (const order of await loadOrders()) {
    totalsByUser.set(order.userId, (totalsByUser.get(order.userId) ?? 0) + order.total);
  }
  return Object.fromEntries(totalsByUser);
});
`,
    },
    {
      name: "class instantiated per request",
      file: "src/checkout.ts",
      code: `import express from "express";

class Checkout {
  private readonly items = new Map<string, number>();

  add(sku: string, qty: number): this {
    this.items.set(sku, (this.items.get(sku) ?? 0) + qty);
    return this;
  }
}

const app = express();

app.post("/quote", (req, res) => {
  const checkout = new Checkout();
  for (const line of req.body.lines) checkout.add(line.sku, line.qty);
  res.json(checkout);
});
`,
    },
  ],
  invalid: [
    {
      name: "Express Record<string, T[]>: annotation dropped, value type kept",
      file: "src/server.ts",
      code: cartServer,
      files: { "package.json": packageJson('    "express": "4.19.2"') },
      findings: [{ line: 9, column: 7, messageIncludes: '"carts" keeps per-user state' }],
      output: `import "dotenv/config";
import express, { Request, Response } from "express";
${TS_HEADER}

interface CartItem {
  sku: string;
  qty: number;
}

const app = express();
const carts = new RedisMap<CartItem[]>(redisClient, "carts");

app.post("/cart/:userId", async (req: Request, res: Response) => {
  const items = (await carts.get(req.params.userId)) ?? [];
  await carts.set(req.params.userId, [...items, req.body as CartItem]);
  res.json(await carts.get(req.params.userId));
});

app.listen(Number(process.env.PORT));
`,
      outputFiles: {
        "package.json": packageJson(
          '    "express": "4.19.2",\n    "ioredis": "5.4.2",\n    "dotenv": "16.4.7"',
        ),
        ".env": "REDIS_URL=redis://localhost:6379/0\n",
        ".env.example": "REDIS_URL=\n",
        ".gitignore": ".env\n",
      },
      parses: true,
    },
    {
      name: "Fastify login attempts keyed by the client address",
      file: "src/app.ts",
      code: fastifyLogin,
      findings: [{ line: 5, column: 7 }],
      output: `import "dotenv/config";
import Fastify from "fastify";
${TS_HEADER}

const app = Fastify({ logger: true });
const loginAttempts = new RedisMap<number>(redisClient, "loginAttempts");

app.post("/login", async (request, reply) => {
  const attempts = ((await loginAttempts.get(request.ip)) ?? 0) + 1;
  await loginAttempts.set(request.ip, attempts);
  if (attempts > 5) return reply.code(429).send();
  return { ok: true };
});
`,
      parses: true,
    },
    {
      name: "Koa ESM module with an index-signature object, delete rewritten",
      file: "src/server.mts",
      code: koaWishlists,
      findings: [{ line: 7, column: 7 }],
      output: `import "dotenv/config";
import Koa from "koa";
import Router from "@koa/router";
${TS_HEADER}

const app = new Koa();
const router = new Router();
const wishlists = new RedisMap<string[]>(redisClient, "wishlists");

router.post("/wishlist", async (ctx) => {
  const userId: string = ctx.state.user.id;
  await wishlists.set(userId, ctx.request.body as string[]);
  ctx.body = { ok: true };
});

router.delete("/wishlist", async (ctx) => {
  await wishlists.delete(ctx.state.user.id);
  ctx.status = 204;
});

app.use(router.routes());
`,
      parses: true,
    },
    {
      name: "NestJS @Injectable() singleton holding sessions: fixed by hand",
      file: "src/auth/session.service.ts",
      code: `import { Injectable } from "@nestjs/common";

export interface Session {
  userId: string;
  expiresAt: number;
}

@Injectable()
export class SessionService {
  private sessions = new Map<string, Session>();

  create(token: string, userId: string): void {
    this.sessions.set(token, { userId, expiresAt: Date.now() + 3600_000 });
  }

  find(token: string): Session | undefined {
    return this.sessions.get(token);
  }
}
`,
      findings: [{ line: 10, column: 3, messageIncludes: "Move it to Redis by hand" }],
      output: null,
    },
    {
      name: "static field of a NestJS controller",
      file: "src/auth/auth.controller.ts",
      code: `import { Body, Controller, Post } from "@nestjs/common";

@Controller("auth")
export class AuthController {
  static readonly refreshTokens = new Map<string, string>();

  @Post("refresh")
  refresh(@Body() body: { token: string; userId: string }) {
    AuthController.refreshTokens.set(body.token, body.userId);
    return { ok: true };
  }
}
`,
      findings: [{ line: 5, column: 3, messageIncludes: '"AuthController.refreshTokens"' }],
      output: null,
    },
    {
      name: "WebSocket connections by user: a socket cannot go through JSON",
      file: "src/realtime.ts",
      code: `import http from "node:http";
import { WebSocketServer, WebSocket } from "ws";

const server = http.createServer();
const wss = new WebSocketServer({ server });
const onlineUsers = new Map<string, WebSocket>();

wss.on("connection", async (ws, req) => {
  const userId = String(req.headers["x-user-id"]);
  onlineUsers.set(userId, ws);
});
`,
      findings: [{ line: 6, column: 7, messageIncludes: "Line 10: the stored value ws" }],
      output: null,
    },
    {
      name: "test file: reported at hint severity",
      file: "src/__tests__/login.test.ts",
      code: `import express from "express";
import request from "supertest";

const app = express();
const sessions = new Map<string, string>();

app.post("/login", (req, res) => {
  sessions.set(req.body.token, req.body.user);
  res.json({ ok: true });
});

test("logs in", async () => {
  await request(app).post("/login").send({ token: "t", user: "u" }).expect(200);
});
`,
      findings: [{ line: 5, column: 7, severity: "hint" }],
      output: `import "dotenv/config";
import express from "express";
import request from "supertest";
${TS_HEADER}

const app = express();
const sessions = new RedisMap<string>(redisClient, "sessions");

app.post("/login", async (req, res) => {
  await sessions.set(req.body.token, req.body.user);
  res.json({ ok: true });
});

test("logs in", async () => {
  await request(app).post("/login").send({ token: "t", user: "u" }).expect(200);
});
`,
      parses: true,
    },
  ],
});
