import { ruleTester } from "../../helpers/ruleTester";

const HEAD = "const express = require('express');\nconst session = require('express-session');\n";
const app = (use: string, before = "") =>
  `${HEAD}${before}\nconst app = express();\napp.use(${use});\n`;
const STORE_HEAD = `${HEAD}const RedisStore = require('connect-redis').default;\nconst Redis = require('ioredis');\n\nconst redisClient = new Redis(process.env.REDIS_URL);\n`;
const DOTENV = "require('dotenv').config();\n\n";

ruleTester("state-memory-store", {
  valid: [
    {
      name: "shorthand store",
      file: "src/app.js",
      code: app(
        "session({ store, secret: process.env.SESSION_SECRET })",
        "const store = makeStore();\n",
      ),
    },
    {
      name: "options constant with a store",
      file: "src/app.js",
      code: app("session(options)", "const options = { secret: 's', store: new MongoStore() };\n"),
    },
    {
      name: "options imported from another module",
      file: "src/app.js",
      code: app("session(options)", "const { options } = require('./sessionOptions');\n"),
    },
    {
      name: "spread of an unknown base may carry the store",
      file: "src/app.js",
      code: app(
        "session({ ...baseOptions, secret: 's' })",
        "const baseOptions = require('./base');\n",
      ),
    },
    {
      name: "store assigned later",
      file: "src/app.js",
      code: app(
        "session(opts)",
        "const opts = { secret: 's' };\nopts.store = new RedisStore({ client });\n",
      ),
    },
    {
      name: "cookie-session keeps data in the cookie",
      file: "src/app.js",
      code: "const express = require('express');\nconst cookieSession = require('cookie-session');\nexpress().use(cookieSession({ keys: ['k'] }));\n",
    },
    {
      name: "flask-session on redis",
      file: "config.py",
      code: 'import os\nimport redis\n\nSESSION_TYPE = "redis"\nSESSION_REDIS = redis.Redis.from_url(os.environ["REDIS_URL"])\n',
    },
    {
      name: "filesystem only in the test settings",
      file: "config.py",
      code: 'class Config:\n    SESSION_TYPE = "redis"\n\n\nclass TestingConfig(Config):\n    SESSION_TYPE = "filesystem"\n',
    },
    {
      name: "django database sessions",
      file: "shop/settings.py",
      code: 'SESSION_ENGINE = "django.contrib.sessions.backends.db"\n',
    },
    {
      name: "django cache sessions on redis",
      file: "shop/settings.py",
      code: 'import os\n\nCACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": os.environ["REDIS_URL"]}}\nSESSION_ENGINE = "django.contrib.sessions.backends.cache"\n',
    },
    {
      name: "session type from env",
      file: "app.py",
      code: 'import os\nfrom flask import Flask\napp = Flask(__name__)\napp.config["SESSION_TYPE"] = os.environ.get("SESSION_TYPE", "redis")\n',
    },
  ],
  invalid: [
    {
      name: "express-session without store (C024 default)",
      file: "src/app.js",
      code: `${HEAD}\nconst app = express();\napp.use(session({\n  secret: process.env.SESSION_SECRET,\n  resave: false,\n}));\n`,
      files: { "package.json": '{\n  "dependencies": {\n    "express": "4.19.2"\n  }\n}\n' },
      findings: [{ line: 5, column: 9, messageIncludes: "MemoryStore" }],
      output: `${DOTENV}${STORE_HEAD}\nconst app = express();\napp.use(session({\n  store: new RedisStore({ client: redisClient }),\n  secret: process.env.SESSION_SECRET,\n  resave: false,\n}));\n`,
      outputFiles: {
        "package.json":
          '{\n  "dependencies": {\n    "express": "4.19.2",\n    "connect-redis": "7.1.1",\n    "ioredis": "5.4.2",\n    "dotenv": "16.4.7"\n  }\n}\n',
        ".env.example": "REDIS_URL=\n",
      },
      parses: true,
    },
    {
      name: "options constant without a store",
      file: "src/app.js",
      code: `require('dotenv').config();\n${app("session(sessionOptions)", "const sessionOptions = { secret: process.env.SESSION_SECRET };\n")}`,
      findings: [{ line: 7, column: 9 }],
      output: `require('dotenv').config();\n${STORE_HEAD}const sessionOptions = { store: new RedisStore({ client: redisClient }), secret: process.env.SESSION_SECRET };\n\nconst app = express();\napp.use(session(sessionOptions));\n`,
      parses: true,
    },
    {
      name: "no options at all",
      file: "src/app.js",
      code: `require('dotenv').config();\n${app("session()")}`,
      findings: [{ line: 6, column: 9 }],
      output: `require('dotenv').config();\n${STORE_HEAD}\nconst app = express();\napp.use(session({ store: new RedisStore({ client: redisClient }) }));\n`,
    },
    {
      name: "spread of a local base without a store",
      file: "src/app.js",
      code: app("session({ ...base, resave: false })", "const base = { secret: 's' };\n"),
      findings: [{ line: 6, column: 9 }],
    },
    {
      name: "explicit MemoryStore",
      file: "src/app.js",
      code: `require('dotenv').config();\n${app("session({ store: new session.MemoryStore(), secret: 's' })")}`,
      findings: [{ line: 6, column: 9, messageIncludes: "a MemoryStore" }],
      output: `require('dotenv').config();\n${STORE_HEAD}\nconst app = express();\napp.use(session({ store: new RedisStore({ client: redisClient }), secret: 's' }));\n`,
    },
    {
      name: "fastify session",
      file: "server.mjs",
      code: "import Fastify from 'fastify';\nimport fastifySession from '@fastify/session';\n\nconst app = Fastify();\napp.register(fastifySession, { secret: process.env.SESSION_SECRET });\n",
      findings: [{ line: 5, column: 14 }],
    },
    {
      name: "typescript ESM",
      file: "src/app.ts",
      code: 'import "dotenv/config";\nimport express from "express";\nimport session from "express-session";\n\nconst app = express();\napp.use(session({ secret: "s" }));\n',
      findings: [{ line: 6, column: 9 }],
      output:
        'import "dotenv/config";\nimport express from "express";\nimport session from "express-session";\nimport RedisStore from "connect-redis";\nimport Redis from "ioredis";\n\nconst redisClient = new Redis(process.env.REDIS_URL as string);\n\nconst app = express();\napp.use(session({ store: new RedisStore({ client: redisClient }), secret: "s" }));\n',
      parses: true,
    },
    {
      name: "flask-session filesystem at module level",
      file: "config.py",
      code: 'import os\nfrom dotenv import load_dotenv\n\nload_dotenv()\nSESSION_TYPE = "filesystem"\nSESSION_PERMANENT = False\n',
      findings: [{ line: 5, column: 1, messageIncludes: "filesystem" }],
      output:
        'import os\nfrom dotenv import load_dotenv\nimport redis\n\nload_dotenv()\nSESSION_TYPE = "redis"\nSESSION_REDIS = redis.Redis.from_url(os.environ["REDIS_URL"])\nSESSION_PERMANENT = False\n',
      parses: true,
    },
    {
      name: "app.config subscript, dotenv loading added",
      file: "app.py",
      code: "from flask import Flask\nfrom flask_session import Session\n\napp = Flask(__name__)\napp.config['SESSION_TYPE'] = 'filesystem'\nSession(app)\n",
      files: { "requirements.txt": "Flask==3.0.3\nFlask-Session==0.8.0\n" },
      findings: [{ line: 5, column: 1 }],
      output:
        "from flask import Flask\nfrom flask_session import Session\nimport os\nimport redis\n\nfrom dotenv import load_dotenv\n\nload_dotenv()\n\napp = Flask(__name__)\napp.config['SESSION_TYPE'] = 'redis'\napp.config['SESSION_REDIS'] = redis.Redis.from_url(os.environ['REDIS_URL'])\nSession(app)\n",
      outputFiles: {
        "requirements.txt":
          "Flask==3.0.3\nFlask-Session==0.8.0\nredis==5.2.1\npython-dotenv==1.0.1\n",
      },
      parses: true,
    },
    {
      name: "config.update keyword, production class",
      file: "app.py",
      code: 'import os\nimport redis\nfrom flask import Flask\n\napp = Flask(__name__)\napp.config.update(SESSION_TYPE="null", SECRET_KEY=os.environ["SECRET_KEY"])\n',
      files: { "requirements.txt": "Flask==3.0.3\npython-dotenv==1.0.1\n" },
      findings: [{ line: 6, column: 19 }],
      output:
        'import os\nimport redis\nfrom flask import Flask\n\napp = Flask(__name__)\napp.config.update(SESSION_TYPE="redis", SESSION_REDIS=redis.Redis.from_url(os.environ["REDIS_URL"]), SECRET_KEY=os.environ["SECRET_KEY"])\n',
    },
    {
      name: "django file sessions, no CACHES",
      file: "shop/settings.py",
      code: 'import os\n\nSESSION_ENGINE = "django.contrib.sessions.backends.file"\n',
      files: {
        "requirements.txt": "Django==5.0.6\npython-dotenv==1.0.1\n",
        "shop/env.py": "from dotenv import load_dotenv\nload_dotenv()\n",
      },
      findings: [{ line: 3, column: 1 }],
      output:
        'import os\n\nSESSION_ENGINE = "django.contrib.sessions.backends.cache"\nCACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": os.environ["REDIS_URL"]}}\n',
      parses: true,
    },
    {
      name: "django cache sessions on LocMemCache",
      file: "shop/settings.py",
      code: 'import os\n\nSESSION_ENGINE = "django.contrib.sessions.backends.cache"\nCACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}\n',
      files: {
        "requirements.txt": "Django==5.0.6\n",
        "shop/wsgi.py": "import dotenv\ndotenv.load_dotenv()\n",
      },
      findings: [{ line: 3, column: 1, messageIncludes: "LocMemCache" }],
      output:
        'import os\n\nSESSION_ENGINE = "django.contrib.sessions.backends.cache"\nCACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}\nSESSION_CACHE_ALIAS = "sessions"\nCACHES["sessions"] = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": os.environ["REDIS_URL"]}\n',
      parses: true,
    },
  ],
});
