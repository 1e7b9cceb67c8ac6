import { ruleTester } from "../../helpers/ruleTester";
import { JS_STORE, TS_STORE } from "./state-in-memory-session.fixtures";

const EXPRESS = "const express = require('express');\n\nconst app = express();\n";
const packageJson = '{\n  "name": "shop",\n  "dependencies": {\n    "express": "4.19.2"\n  }\n}\n';

ruleTester("state-in-memory-session", {
  valid: [
    {
      name: "constant Map never changed",
      file: "server.js",
      code: `${EXPRESS}const ROLES = new Map([['admin', 1]]);\napp.get('/r/:n', (req, res) => res.json(ROLES.get(req.params.n)));\n`,
    },
    {
      name: "function local",
      file: "server.js",
      code: `${EXPRESS}app.post('/x', (req, res) => {\n  const sessions = new Map();\n  sessions.set(req.body.id, 1);\n  res.json([...sessions]);\n});\n`,
    },
    {
      name: "not a server module",
      file: "src/cache.js",
      code: "const sessions = new Map();\n\nfunction remember(id, value) {\n  sessions.set(id, value);\n}\n\nmodule.exports = { remember };\n",
    },
    {
      name: "filled at import time only",
      file: "server.js",
      code: `${EXPRESS}const users = {};\nusers.admin = { role: 'admin' };\napp.get('/u/:n', (req, res) => res.json(users[req.params.n]));\n`,
    },
    {
      name: "route table, not user state",
      file: "server.js",
      code: `${EXPRESS}const routes = {};\nfunction register(name, fn) {\n  routes[name] = fn;\n}\nregister('home', () => 'home');\n`,
    },
    {
      name: "class created per request",
      file: "server.js",
      code: `${EXPRESS}class Form {\n  constructor() {\n    this.tokens = new Set();\n  }\n  add(token) {\n    this.tokens.add(token);\n  }\n}\napp.post('/f', (req, res) => res.json(new Form()));\n`,
    },
  ],
  invalid: [
    {
      name: "express Map: calls awaited, handlers made async",
      file: "server.js",
      code: `${EXPRESS}const sessions = new Map();\n\napp.post('/login', (req, res) => {\n  sessions.set(req.body.token, { user: req.body.user });\n  res.json({ ok: true });\n});\n\napp.get('/me', function (req, res) {\n  const session = sessions.get(req.get('authorization'));\n  if (!session) return res.status(401).end();\n  res.json({ user: session.user, known: sessions.has(req.get('authorization')) });\n});\n`,
      files: { "package.json": packageJson },
      findings: [{ line: 4, column: 7, messageIncludes: '"sessions"' }],
      output: `require('dotenv').config();\n\nconst express = require('express');\nconst Redis = require('ioredis');\n\n${JS_STORE}\n\nconst redisClient = new Redis(process.env.REDIS_URL);\n\nconst app = express();\nconst sessions = new RedisMap(redisClient, 'sessions');\n\napp.post('/login', async (req, res) => {\n  await sessions.set(req.body.token, { user: req.body.user });\n  res.json({ ok: true });\n});\n\napp.get('/me', async function (req, res) {\n  const session = await sessions.get(req.get('authorization'));\n  if (!session) return res.status(401).end();\n  res.json({ user: session.user, known: await sessions.has(req.get('authorization')) });\n});\n`,
      outputFiles: {
        "package.json":
          '{\n  "name": "shop",\n  "dependencies": {\n    "express": "4.19.2",\n    "ioredis": "5.4.2",\n    "dotenv": "16.4.7"\n  }\n}\n',
        ".env": "REDIS_URL=redis://localhost:6379/0\n",
        ".env.example": "REDIS_URL=\n",
      },
      parses: true,
    },
    {
      name: "object carts: reads, writes, in-place push, in, delete",
      file: "server.js",
      code: `require('dotenv').config();\n${EXPRESS}const carts = {};\n\napp.post('/cart', (req, res) => {\n  const user = req.body.user;\n  if (!(user in carts)) carts[user] = [];\n  carts[user].push(req.body.item);\n  res.json(carts[user]);\n});\n\napp.delete('/cart/:user', async (req, res) => {\n  delete carts[req.params.user];\n  res.status(204).end();\n});\n`,
      findings: [{ line: 5, column: 7 }],
      output: `require('dotenv').config();\nconst express = require('express');\nconst Redis = require('ioredis');\n\n${JS_STORE}\n\nconst redisClient = new Redis(process.env.REDIS_URL);\n\nconst app = express();\nconst carts = new RedisMap(redisClient, 'carts');\n\napp.post('/cart', async (req, res) => {\n  const user = req.body.user;\n  if (!(await carts.has(user))) await carts.set(user, []);\n  await carts.update(user, (value) => value.push(req.body.item));\n  res.json(await carts.get(user));\n});\n\napp.delete('/cart/:user', async (req, res) => {\n  await carts.delete(req.params.user);\n  res.status(204).end();\n});\n`,
      parses: true,
    },
    {
      name: "typescript ESM with a typed Map",
      file: "src/server.ts",
      code: 'import express from "express";\nimport "dotenv/config";\n\ninterface Session {\n  user: string;\n}\n\nconst app = express();\nconst sessions = new Map<string, Session>();\n\napp.post("/login", (req, res) => {\n  sessions.set(req.body.token, { user: req.body.user });\n  res.json({ ok: true });\n});\n',
      findings: [{ line: 9, column: 7 }],
      output: `import express from "express";\nimport "dotenv/config";\nimport Redis from "ioredis";\n\n${TS_STORE}\n\nconst redisClient = new Redis(process.env.REDIS_URL as string);\n\ninterface Session {\n  user: string;\n}\n\nconst app = express();\nconst sessions = new RedisMap<Session>(redisClient, "sessions");\n\napp.post("/login", async (req, res) => {\n  await sessions.set(req.body.token, { user: req.body.user });\n  res.json({ ok: true });\n});\n`,
      parses: true,
    },
    {
      name: "koa router keyed by the user",
      file: "src/app.js",
      code: "const Koa = require('koa');\nconst Router = require('@koa/router');\n\nconst router = new Router();\nconst wishlists = {};\n\nrouter.post('/wish', async (ctx) => {\n  wishlists[ctx.state.user] = ctx.request.body;\n  ctx.body = { ok: true };\n});\n",
      findings: [{ line: 5, column: 7 }],
    },
    {
      name: "NestJS singleton service: reported, fixed by hand",
      file: "src/sessions.service.ts",
      code: "import { Injectable } from '@nestjs/common';\n\n@Injectable()\nexport class SessionsService {\n  private readonly sessions = new Map<string, string>();\n\n  login(token: string, user: string) {\n    this.sessions.set(token, user);\n  }\n}\n",
      findings: [{ line: 5, column: 3, messageIncludes: "by hand" }],
      output: null,
    },
    {
      name: "used from a synchronous helper",
      file: "server.js",
      code: `${EXPRESS}const tokens = new Map();\nfunction issue(user) {\n  const token = String(Math.random());\n  tokens.set(token, user);\n  return token;\n}\napp.post('/t', (req, res) => res.json(issue(req.body.user)));\n`,
      findings: [
        { line: 4, column: 7, messageIncludes: "Line 7: this use is outside an async function" },
      ],
      output: null,
    },
    {
      name: "a value changed in place and never stored again",
      file: "server.js",
      code: `${EXPRESS}const carts = new Map();\napp.post('/c', (req, res) => {\n  const cart = carts.get(req.body.user) || [];\n  cart.push(req.body.item);\n  res.json(cart);\n});\n`,
      findings: [{ line: 4, column: 7, messageIncludes: "never stored again" }],
      output: null,
    },
    {
      name: "size cannot be a store call",
      file: "server.js",
      code: `${EXPRESS}const online = new Set();\nconst sessions = new Map();\napp.post('/in', (req, res) => {\n  sessions.set(req.body.token, req.body.user);\n  res.json({ n: sessions.size });\n});\n`,
      findings: [{ line: 5, column: 7, messageIncludes: "Line 8: this use cannot become" }],
      output: null,
    },
  ],
});
