import type { InvalidCase, ValidCase } from "../../helpers/ruleTester";
import { ruleTester } from "../../helpers/ruleTester";

/** A dev compose file that runs PostgreSQL only. */
const devCompose = {
  "docker-compose.yml": "services:\n  api:\n    build: .\n  db:\n    image: postgres:16.3\n",
};
const fullCompose = {
  "docker-compose.yml":
    "services:\n  db:\n    image: postgres:16.3\n  cache:\n    image: redis:7.2.5\n  broker:\n    image: rabbitmq:3.13.7-management\n  mongo:\n    image: mongo:7.0.14\n",
};

type Row = [name: string, file: string, code: string, line?: number, column?: number];

const valid = (rows: Row[], files: Record<string, string>): ValidCase[] =>
  rows.map(([name, file, code]) => ({ name, file, code, files }));

const invalid = (rows: Row[]): InvalidCase[] =>
  rows.map(([name, file, code, line = 1, column = 1]) => ({
    name,
    file,
    code,
    files: devCompose,
    findings: [{ line, column }],
  }));

const pyproject = (dependency: string) =>
  `[project]\nname = "shop"\nversion = "1.0.0"\ndependencies = [\n  "${dependency}",\n]\n`;
const pkg = (name: string, section = "dependencies") =>
  `{\n  "name": "shop",\n  "${section}": {\n    "${name}": "1.0.0"\n  }\n}\n`;

ruleTester("parity-missing-dev-service", {
  valid: [
    ...valid(
      [
        ["pyproject: redis with redis in compose", "pyproject.toml", pyproject("redis==5.0.8")],
        ["pyproject: pika with rabbitmq", "pyproject.toml", pyproject("pika==1.3.2")],
        ["pyproject: motor with mongo", "pyproject.toml", pyproject("motor==3.5.1")],
        ["pyproject: asyncpg with postgres", "pyproject.toml", pyproject("asyncpg==0.29.0")],
        ["pyproject: django-redis with redis", "pyproject.toml", pyproject("django-redis==5.4.0")],
        ["package.json: bullmq with redis", "package.json", pkg("bullmq")],
        ["package.json: mongodb with mongo", "package.json", pkg("mongodb")],
        ["package.json: amqplib with rabbitmq", "package.json", pkg("amqplib")],
        ["python: aio_pika with rabbitmq", "app/tasks.py", "import aio_pika\n"],
        ["python: mongoengine with mongo", "app/models.py", "from mongoengine import Document\n"],
        ["js: pg-promise with postgres", "src/db.js", "const pgp = require('pg-promise')();\n"],
        [
          "js: dynamic import of redis with redis",
          "src/cache.mjs",
          "const { createClient } = await import('redis');\n",
        ],
        [
          "ts: mongoose with mongo",
          "src/models.ts",
          "import mongoose from 'mongoose';\nexport default mongoose;\n",
        ],
        [
          "ts: ioredis with redis",
          "src/cache.ts",
          "import Redis from 'ioredis';\nexport const redis = new Redis();\n",
        ],
      ],
      fullCompose,
    ),
    ...valid(
      [
        ["pyproject: no backing-service client", "pyproject.toml", pyproject("Flask==3.0.3")],
        ["package.json: unrelated packages", "package.json", pkg("express")],
        [
          "package.json: postgres client with postgres",
          "package.json",
          pkg("pg", "devDependencies"),
        ],
        ["python: stdlib only", "app/main.py", "import json\nimport sqlite3\n"],
        ["python: relative import named redis", "app/cache.py", "from . import redis\n"],
        [
          "python: TYPE_CHECKING import",
          "app/cache.py",
          "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import redis\n",
        ],
        ["js: local module named redis", "src/cache.js", "const redis = require('./redis');\n"],
        [
          "js: require inside try",
          "src/cache.js",
          "let r;\ntry { r = require('ioredis'); } catch { r = null; }\n",
        ],
        ["js: node builtin", "src/server.js", "const http = require('node:http');\n"],
        ["ts: relative import", "src/db.ts", "import { pool } from './pg';\nexport { pool };\n"],
        [
          "ts: scoped lookalike",
          "src/search.ts",
          "import { x } from '@elastic/ecs-helpers';\nexport { x };\n",
        ],
        [
          "ts: postgres with postgres",
          "src/db.ts",
          "import postgres from 'postgres';\nexport const sql = postgres();\n",
        ],
      ],
      devCompose,
    ),
  ],
  invalid: invalid([
    ["pyproject: redis", "pyproject.toml", pyproject("redis==5.0.8"), 5, 4],
    ["pyproject: pika", "pyproject.toml", pyproject("pika==1.3.2"), 5, 4],
    ["pyproject: pymongo", "pyproject.toml", pyproject("pymongo==4.8.0"), 5, 4],
    [
      "pyproject: celery with redis extra",
      "pyproject.toml",
      pyproject("celery[redis]==5.4.0"),
      5,
      4,
    ],
    ["pyproject: elasticsearch", "pyproject.toml", pyproject("elasticsearch==8.15.1"), 5, 4],
    ["package.json: redis", "package.json", pkg("redis"), 4, 5],
    ["package.json: bull", "package.json", pkg("bull"), 4, 5],
    ["package.json: mysql2", "package.json", pkg("mysql2"), 4, 5],
    [
      "package.json: memjs in devDependencies",
      "package.json",
      pkg("memjs", "devDependencies"),
      4,
      5,
    ],
    ["package.json: @elastic/elasticsearch", "package.json", pkg("@elastic/elasticsearch"), 4, 5],
    ["python: redis.asyncio", "app/cache.py", "import redis.asyncio as redis\n", 1, 8],
    ["python: from pika", "app/queue.py", "from pika import BlockingConnection\n", 1, 6],
    ["python: pymongo", "app/store.py", "import os\nfrom pymongo import MongoClient\n", 2, 6],
    ["python: MySQLdb", "app/db.py", "import MySQLdb\n", 1, 8],
    ["python: rq", "app/jobs.py", "from rq import Queue\n", 1, 6],
    ["js: import of redis", "src/cache.mjs", "import { createClient } from 'redis';\n", 1, 30],
    ["js: amqplib", "src/queue.js", "const amqp = require('amqplib');\n", 1, 22],
    ["js: mongoose", "src/models.js", 'const mongoose = require("mongoose");\n', 1, 26],
    ["js: mysql", "src/db.js", "const mysql = require('mysql');\n", 1, 23],
    ["js: bullmq", "src/jobs.js", "const { Worker } = require('bullmq');\n", 1, 28],
    [
      "ts: ioredis",
      "src/cache.ts",
      "import Redis from 'ioredis';\nexport const r = new Redis();\n",
      1,
      19,
    ],
    [
      "ts: amqp-connection-manager",
      "src/queue.ts",
      "import * as amqp from 'amqp-connection-manager';\nexport { amqp };\n",
      1,
      23,
    ],
    [
      "ts: mongodb",
      "src/store.ts",
      "import { MongoClient } from 'mongodb';\nexport { MongoClient };\n",
      1,
      29,
    ],
    ["ts: export from redis", "src/cache.ts", "export { createClient } from 'redis';\n", 1, 30],
    [
      "ts: memcached",
      "src/cache.ts",
      "import Memcached = require('memcached');\nexport { Memcached };\n",
      1,
      28,
    ],
  ]),
});
