import { ruleTester } from "../../helpers/ruleTester";

ruleTester("state-local-cache", {
  valid: [
    {
      name: "memo Map of regular expressions built from route patterns",
      file: "src/router.js",
      code: `const patternCache = new Map();

function compile(pattern) {
  if (!patternCache.has(pattern)) {
    patternCache.set(pattern, new RegExp('^' + pattern.replace(/:\\w+/g, '([^/]+)') + '$'));
  }
  return patternCache.get(pattern);
}

module.exports = { compile };
`,
    },
  ],
  invalid: [
    {
      name: "lru-cache of MongoDB documents, CommonJS",
      file: "src/catalog.js",
      code: `const LRU = require('lru-cache');
const { getDb } = require('./db');

const categoryCache = new LRU({ max: 100, maxAge: 1000 * 60 * 10 });

async function category(slug) {
  if (!categoryCache.has(slug)) {
    categoryCache.set(slug, await getDb().collection('categories').findOne({ slug }));
  }
  return categoryCache.get(slug);
}

module.exports = { category };
`,
      findings: [{ line: 4, column: 7, severity: "info" }],
      output: null,
    },
    {
      name: "node-cache page cache in Koa middleware",
      file: "src/server.cjs",
      code: `const Koa = require('koa');
const NodeCache = require('node-cache');

const app = new Koa();
const pageCache = new NodeCache({ stdTTL: 120 });

app.use(async (ctx, next) => {
  const hit = pageCache.get(ctx.url);
  if (hit) {
    ctx.body = hit;
    return;
  }
  await next();
  pageCache.set(ctx.url, ctx.body);
});
`,
      findings: [{ line: 5, column: 7, severity: "warning", messageIncludes: "node-cache" }],
      output: null,
    },
  ],
});
