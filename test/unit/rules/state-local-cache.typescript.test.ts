import { ruleTester } from "../../helpers/ruleTester";

ruleTester("state-local-cache", {
  valid: [
    {
      name: "lru-cache of compiled templates read from disk",
      file: "src/views.ts",
      code: `import { readFile } from "node:fs/promises";
import Handlebars from "handlebars";
import { LRUCache } from "lru-cache";

const templates = new LRUCache<string, Handlebars.TemplateDelegate>({ max: 50 });

export async function render(name: string, context: object): Promise<string> {
  let template = templates.get(name);
  if (!template) {
    template = Handlebars.compile(await readFile(\`views/\${name}.hbs\`, "utf8"));
    templates.set(name, template);
  }
  return template(context);
}
`,
    },
    {
      name: "memo Map of configuration files",
      file: "src/config/load.ts",
      code: `import { readFileSync } from "node:fs";

const configCache = new Map<string, Record<string, unknown>>();

export function loadConfig(name: string): Record<string, unknown> {
  if (!configCache.has(name)) {
    configCache.set(name, JSON.parse(readFileSync(\`config/\${name}.json\`, "utf8")));
  }
  return configCache.get(name)!;
}
`,
    },
    {
      name: "memo of formatters: a pure computation",
      file: "src/money.ts",
      code: `const formatterCache: Record<string, Intl.NumberFormat> = {};

export function formatMoney(cents: number, locale: string, currency: string): string {
  const key = \`\${locale}:\${currency}\`;
  formatterCache[key] ??= new Intl.NumberFormat(locale, { style: "currency", currency });
  return formatterCache[key].format(cents / 100);
}
`,
    },
    {
      name: "cache-manager on Redis",
      file: "src/cache.mts",
      code: `import { createCache } from "cache-manager";
import { redisStore } from "cache-manager-redis-yet";

export const cache = createCache(await redisStore({ url: process.env.REDIS_URL }));
`,
    },
    {
      name: "request-scoped Map in a Fastify handler",
      file: "src/routes/orders.ts",
      code: `import type { FastifyInstance } from "fastify";

export default async function routes(app: FastifyInstance) {
  app.get("/orders", async () => {
    const customerCache = new Map<string, unknown>();
    const orders = await app.db.query("select * from orders limit 50");
    for (const order of orders.rows) {
      const id = order.customer_id;
      if (!customerCache.has(id)) {
        customerCache.set(id, await app.db.query("select * from customers where id = $1", [id]));
      }
      order.customer = customerCache.get(id);
    }
    return orders.rows;
  });
}
`,
    },
  ],
  invalid: [
    {
      name: "node-cache instance exported by a module",
      file: "src/products/products.cache.ts",
      code: `import NodeCache from "node-cache";
import { Product } from "./product.entity";

export const productCache = new NodeCache({ stdTTL: 300, checkperiod: 60 });

export function cachedProduct(id: string): Product | undefined {
  return productCache.get<Product>(id);
}
`,
      findings: [
        { line: 4, column: 14, severity: "warning", messageIncludes: "a node-cache instance" },
      ],
      output: null,
    },
    {
      name: "lru-cache filled from an HTTP API",
      file: "src/rates.ts",
      code: `import axios from "axios";
import LRU from "lru-cache";

const rates = new LRU<string, number>({ max: 200, ttl: 60_000 });

export async function rate(currency: string): Promise<number> {
  const cached = rates.get(currency);
  if (cached !== undefined) return cached;
  const { data } = await axios.get<{ rate: number }>(\`https://rates.example.com/\${currency}\`);
  rates.set(currency, data.rate);
  return data.rate;
}
`,
      findings: [{ line: 4, column: 7, severity: "info", messageIncludes: "caches shared data" }],
      output: null,
    },
    {
      name: "typed memo Map of Prisma rows in an ES module",
      file: "src/users.mts",
      code: `import { PrismaClient, type User } from "@prisma/client";

const prisma = new PrismaClient();
const userCache = new Map<string, User | null>();

export async function findUser(id: string): Promise<User | null> {
  if (!userCache.has(id)) {
    userCache.set(id, await prisma.user.findUnique({ where: { id } }));
  }
  return userCache.get(id) ?? null;
}
`,
      findings: [{ line: 4, column: 7, severity: "info" }],
    },
    {
      name: "typed memo object of fetched data",
      file: "src/geo.ts",
      code: `interface Geo {
  country: string;
}

const geoCache: Record<string, Geo> = {};

export async function locate(ip: string): Promise<Geo> {
  geoCache[ip] ??= await fetch(\`https://ipapi.example.com/\${ip}\`).then((r) => r.json());
  return geoCache[ip];
}
`,
      findings: [{ line: 5, column: 7, severity: "info" }],
    },
    {
      name: "test file: reported at hint severity",
      file: "src/__tests__/cache.test.ts",
      code: `import NodeCache from "node-cache";

const cache = new NodeCache();

test("expires", () => {
  cache.set("k", 1, 1);
  expect(cache.get("k")).toBe(1);
});
`,
      findings: [{ line: 3, column: 7, severity: "hint" }],
    },
  ],
});
