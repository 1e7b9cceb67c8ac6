import { ruleTester } from "../../helpers/ruleTester";

const loads = { "requirements.txt": "Flask==3.0.3\npython-dotenv==1.0.1\n" };
const nodeLoads = {
  "package.json": '{"name": "x"}\n',
  "index.js": "require('dotenv').config();\n",
};

ruleTester("config-hardcoded-url", {
  valid: [
    {
      name: "Python: addresses read from the environment, localhost only as fallback",
      file: "app/db.py",
      code: `import os

DATABASE_URL = os.environ["DATABASE_URL"]
REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")
BROKER = os.getenv("BROKER_URL") or "amqp://guest@127.0.0.1:5672//"
host = os.environ.get("DB_HOST", "db")
engine = f"postgresql+psycopg://{user}:{password}@{host}:5432/shop"
DSN_TEMPLATE = "postgresql://{user}:{password}@{host}:5432/shop"
`,
    },
    {
      name: "Python: public endpoints, SQLite and log text",
      file: "app/clients.py",
      code: `TOKEN_URL = "https://login.example.test/oauth2/token"
STRIPE_API = "https://api.stripe.com/v1"
LOCAL_DB = "sqlite:///shop-dev.db"
log.info("connecting to redis://cache:6379/0")


def docs():
    """Connects to postgres://db:5432/shop by default."""
`,
    },
    {
      name: "credentials in the URL are secret-in-url's",
      file: "app/report.py",
      code: `ENGINE = "postgresql://reporter:Lumen-Falcon-731@reports.internal:5432/analytics"\n`,
    },
    {
      name: "JavaScript: env reads with local fallbacks",
      file: "src/config.js",
      code: `const redisUrl = process.env.REDIS_URL || 'redis://localhost:6379';
const { MONGO_URL = 'mongodb://127.0.0.1:27017/shop' } = process.env;
const api = process.env.API_URL ?? "http://localhost:5000";
module.exports = { redisUrl, MONGO_URL, api };
`,
    },
    {
      name: "TypeScript: imports and external APIs",
      file: "src/pay.ts",
      code: `import Stripe from "stripe";
export const base = "https://api.github.com/repos";
export const schema = "https://json-schema.org/draft/2020-12/schema";
`,
    },
  ],
  invalid: [
    {
      name: "Python: Redis client; dotenv already loaded",
      file: "app/cache.py",
      files: loads,
      code: `import redis

cache = redis.Redis.from_url("redis://cache.shop.internal:6379/0")
`,
      findings: [{ line: 3, column: 31 }],
      parses: true,
      output: `import redis
import os

cache = redis.Redis.from_url(os.environ["REDIS_URL"])
`,
      outputFiles: {
        ".env": "REDIS_URL=redis://cache.shop.internal:6379/0\n",
        ".env.example": "REDIS_URL=\n",
      },
    },
    {
      name: "Python: internal API constant keeps its name",
      file: "app/inventory.py",
      files: loads,
      code: `import os

INVENTORY_API = "https://inventory.shop.internal/api/v2"
`,
      findings: [{ line: 3, column: 18 }],
      output: `import os

INVENTORY_API = os.environ["INVENTORY_API_URL"]
`,
    },
    {
      name: "Python: the base of an f-string moves, the path stays",
      file: "app/stock.py",
      files: loads,
      code: `import os

import requests


def stock(sku):
    resp = requests.get(f"http://inventory:8080/api/stock/{sku}", timeout=5)
    return resp.json()
`,
      findings: [{ line: 7, column: 27 }],
      parses: true,
      output: `import os

import requests


def stock(sku):
    resp = requests.get(f"{os.environ['INVENTORY_URL']}/api/stock/{sku}", timeout=5)
    return resp.json()
`,
      outputFiles: { ".env": "INVENTORY_URL=http://inventory:8080\n" },
    },
    {
      name: "Python: localhost used as the value explains the container case",
      file: "worker.py",
      code: `import pika

params = pika.URLParameters("amqp://localhost:5672/%2F")
`,
      findings: [{ line: 3, column: 30, messageIncludes: "container itself" }],
    },
    {
      name: "Python: a non-local fallback is a hint without fix",
      file: "settings.py",
      code: `import os

MONGO = os.environ.get("MONGO_URL", "mongodb://mongo.prod.internal:27017/shop")
`,
      findings: [{ line: 3, column: 38, severity: "hint" }],
      output: null,
    },
    {
      name: "JavaScript: client option named url uses the service's variable",
      file: "src/redis.js",
      files: nodeLoads,
      code: `const client = createClient({ url: 'redis://cache:6379' });\n`,
      findings: [{ line: 1, column: 37 }],
      output: `const client = createClient({ url: process.env.REDIS_URL });\n`,
    },
    {
      name: "JavaScript: constant and call argument",
      file: "src/app.js",
      files: nodeLoads,
      code: `const API_URL = 'http://payments:8080';
mongoose.connect('mongodb://mongo:27017/shop');
`,
      findings: [
        { line: 1, column: 18 },
        { line: 2, column: 19 },
      ],
      output: `const API_URL = process.env.API_URL;
mongoose.connect('mongodb://mongo:27017/shop');
`,
    },
    {
      name: "TypeScript: template base and a private IP",
      file: "src/orders.ts",
      files: nodeLoads,
      code: "export const orders = (id: string) => fetch(`http://10.0.3.7:9000/orders/${id}`);\n",
      findings: [{ line: 1, column: 46 }],
      output:
        "export const orders = (id: string) => fetch(`${process.env.SERVICE_URL}/orders/${id}`);\n",
    },
    {
      name: "TypeScript: S3 endpoint",
      file: "src/storage.ts",
      files: nodeLoads,
      code: `export const s3Endpoint = "https://shop-uploads.s3.eu-west-1.amazonaws.com";\n`,
      findings: [{ line: 1, column: 28 }],
      output: `export const s3Endpoint = process.env.S3_ENDPOINT!;\n`,
    },
    {
      name: "test files report at hint severity",
      file: "tests/test_cache.py",
      code: `CACHE = "redis://cache:6379/1"\n`,
      findings: [{ line: 1, column: 10, severity: "hint" }],
    },
  ],
});
