import { ruleTester } from "../../helpers/ruleTester";

const FLASK = "from flask import Flask\nfrom flask_caching import Cache\n";

ruleTester("state-local-cache", {
  valid: [
    {
      name: "redis cache",
      file: "app.py",
      code: `import os\n${FLASK}\ncache = Cache(config={"CACHE_TYPE": "RedisCache", "CACHE_REDIS_URL": os.environ["REDIS_URL"]})\n`,
    },
    {
      name: "simple cache only for tests",
      file: "config.py",
      code: 'class Config:\n    CACHE_TYPE = "RedisCache"\n\n\nclass TestConfig(Config):\n    CACHE_TYPE = "SimpleCache"\n',
    },
    {
      name: "memoised pure function",
      file: "pricing.py",
      code: "import functools\n\n\n@functools.lru_cache(maxsize=256)\ndef tax(amount, rate):\n    return round(amount * rate, 2)\n",
    },
    {
      name: "memo dict of computed values",
      file: "slug.py",
      code: "_cache = {}\n\n\ndef slug(text):\n    if text not in _cache:\n        _cache[text] = text.lower().replace(' ', '-')\n    return _cache[text]\n",
    },
    {
      name: "cache type from env",
      file: "app.py",
      code: `import os\n${FLASK}\ncache = Cache(config={"CACHE_TYPE": os.environ.get("CACHE_TYPE", "RedisCache")})\n`,
    },
    {
      name: "lru-cache of compiled templates",
      file: "render.js",
      code: "const { LRUCache } = require('lru-cache');\nconst compiled = new LRUCache({ max: 100 });\nfunction render(name, src) {\n  if (!compiled.has(name)) compiled.set(name, compile(src));\n  return compiled.get(name)();\n}\n",
    },
    {
      name: "memo Map of pure results",
      file: "fib.js",
      code: "const memo = new Map();\nfunction fib(n) {\n  if (n < 2) return n;\n  if (!memo.has(n)) memo.set(n, fib(n - 1) + fib(n - 2));\n  return memo.get(n);\n}\n",
    },
    {
      name: "redis client",
      file: "cache.js",
      code: "const Redis = require('ioredis');\nconst cache = new Redis(process.env.REDIS_URL);\n",
    },
    {
      name: "memo object of formatted strings",
      file: "format.mjs",
      code: "const memo = {};\nexport function money(cents) {\n  memo[cents] ??= (cents / 100).toFixed(2);\n  return memo[cents];\n}\n",
    },
    {
      name: "request-scoped Map",
      file: "server.js",
      code: "const express = require('express');\nconst app = express();\napp.get('/x', async (req, res) => {\n  const cache = new Map();\n  cache.set(1, await fetch('https://a.example'));\n  res.end();\n});\n",
    },
  ],
  invalid: [
    {
      name: "Cache(config=…) SimpleCache",
      file: "app.py",
      code: `import os\n${FLASK}\napp = Flask(__name__)\ncache = Cache(app, config={"CACHE_TYPE": "SimpleCache", "CACHE_DEFAULT_TIMEOUT": 300})\n`,
      files: { "requirements.txt": "Flask==3.0.3\nFlask-Caching==2.3.0\npython-dotenv==1.0.1\n" },
      findings: [{ line: 6, column: 28, messageIncludes: "SimpleCache" }],
      output: `import os\n${FLASK}\napp = Flask(__name__)\ncache = Cache(app, config={"CACHE_TYPE": "RedisCache", "CACHE_REDIS_URL": os.environ["REDIS_URL"], "CACHE_DEFAULT_TIMEOUT": 300})\n`,
      outputFiles: {
        "requirements.txt":
          "Flask==3.0.3\nFlask-Caching==2.3.0\npython-dotenv==1.0.1\nredis==5.2.1\n",
        ".env": "REDIS_URL=redis://localhost:6379/0\n",
        ".env.example": "REDIS_URL=\n",
      },
      parses: true,
    },
    {
      name: "config class attribute",
      file: "config.py",
      code: 'from dotenv import load_dotenv\n\nload_dotenv()\n\n\nclass ProductionConfig:\n    CACHE_TYPE = "simple"\n',
      findings: [{ line: 7, column: 5 }],
      output:
        'from dotenv import load_dotenv\nimport os\n\nload_dotenv()\n\n\nclass ProductionConfig:\n    CACHE_TYPE = "RedisCache"\n    CACHE_REDIS_URL = os.environ["REDIS_URL"]\n',
      parses: true,
    },
    {
      name: "app.config subscript",
      file: "app.py",
      code: `import os\nfrom dotenv import load_dotenv\n${FLASK}\nload_dotenv()\napp = Flask(__name__)\napp.config["CACHE_TYPE"] = "FileSystemCache"\n`,
      findings: [{ line: 8, column: 1 }],
      output: `import os\nfrom dotenv import load_dotenv\n${FLASK}\nload_dotenv()\napp = Flask(__name__)\napp.config["CACHE_TYPE"] = "RedisCache"\napp.config["CACHE_REDIS_URL"] = os.environ["REDIS_URL"]\n`,
    },
    {
      name: "module memo dict of database rows",
      file: "products.py",
      code: "from db import session\n\n_product_cache = {}\n\n\ndef product(pid):\n    if pid not in _product_cache:\n        _product_cache[pid] = session.query(Product).get(pid)\n    return _product_cache[pid]\n",
      findings: [{ line: 3, column: 1, severity: "info" }],
      output: null,
    },
    {
      name: "lru_cache on a query",
      file: "catalog.py",
      code: "from functools import lru_cache\n\n\n@lru_cache(maxsize=None)\ndef categories():\n    return db.execute('select * from categories').fetchall()\n",
      findings: [{ line: 4, column: 1 }],
    },
    {
      name: "cachetools TTLCache of API results",
      file: "rates.py",
      code: "import requests\nfrom cachetools import TTLCache\n\nrates = TTLCache(maxsize=100, ttl=600)\n\n\ndef rate(currency):\n    rates[currency] = requests.get(f'https://rates.example.com/{currency}').json()\n    return rates[currency]\n",
      findings: [{ line: 4, column: 1 }],
    },
    {
      name: "node-cache",
      file: "src/cache.js",
      code: "const NodeCache = require('node-cache');\nconst productCache = new NodeCache({ stdTTL: 600 });\nmodule.exports = productCache;\n",
      findings: [{ line: 2, column: 7 }],
    },
    {
      name: "lru-cache filled from the database",
      file: "src/users.ts",
      code: "import { LRUCache } from 'lru-cache';\nconst users = new LRUCache<string, object>({ max: 500 });\nexport async function user(id: string) {\n  if (!users.has(id)) users.set(id, await prisma.user.findUnique({ where: { id } }));\n  return users.get(id);\n}\n",
      findings: [{ line: 2, column: 7 }],
    },
    {
      name: "memo object of fetched data",
      file: "src/prices.mjs",
      code: "const priceCache = {};\nexport async function price(sku) {\n  priceCache[sku] ??= await fetch(`https://api.example.com/p/${sku}`).then((r) => r.json());\n  return priceCache[sku];\n}\n",
      findings: [{ line: 1, column: 7 }],
    },
    {
      name: "memo Map of database rows",
      file: "src/products.js",
      code: "const productCache = new Map();\nasync function product(id) {\n  if (!productCache.has(id)) productCache.set(id, await db.query('select * from products where id = $1', [id]));\n  return productCache.get(id);\n}\nmodule.exports = { product };\n",
      findings: [{ line: 1, column: 7, severity: "info" }],
    },
    {
      name: "node-cache in an ES module",
      file: "src/cache.mjs",
      code: "import NodeCache from 'node-cache';\nexport const sessions = new NodeCache();\n",
      findings: [{ line: 2, column: 14 }],
    },
  ],
});
