import { ruleTester } from "../../helpers/ruleTester";

/** Flask with python-dotenv loads `.env` itself: the fix edits nothing else. */
const loads = { "requirements.txt": "Flask==3.0.3\npython-dotenv==1.0.1\n" };
const LOCAL_REDIS = "REDIS_URL=redis://localhost:6379/0\n";
const CACHE = "redis://cache.shop.internal:6379/0";
const redisCode = (line: string) => `import os\nimport redis\n\n${line}\n`;
const LIMITER = redisCode(`limiter = redis.Redis.from_url("${CACHE}")`);
const limiterReads = (name: string) =>
  redisCode(`limiter = redis.Redis.from_url(os.environ["${name}"])`);
const engineCode = (arg: string) =>
  `import os\nfrom sqlalchemy import create_engine\n\nengine = create_engine(${arg})\n`;

/** A second address of the same kind gets a name that says which one it is. */
ruleTester("config-hardcoded-url", {
  valid: [],
  invalid: [
    {
      name: "REDIS_URL holds another address: named after the variable",
      file: "app.py",
      files: { ...loads, ".env": LOCAL_REDIS },
      code: LIMITER,
      findings: [{ line: 4, column: 33 }],
      output: limiterReads("LIMITER_REDIS_URL"),
      outputFiles: {
        ".env": `${LOCAL_REDIS}LIMITER_REDIS_URL=${CACHE}\n`,
      },
    },
    {
      name: "no telling variable: named after the host",
      file: "app.py",
      files: { ...loads, ".env": LOCAL_REDIS },
      code: redisCode(`redis.Redis.from_url("${CACHE}").ping()`),
      findings: [{ line: 4, column: 23 }],
      output: redisCode('redis.Redis.from_url(os.environ["CACHE_REDIS_URL"]).ping()'),
    },
    {
      name: ".env holds the same address: its name is reused",
      file: "app.py",
      files: { ...loads, ".env": `SHARED_CACHE=${CACHE}\n` },
      code: LIMITER,
      findings: [{ line: 4, column: 33 }],
      output: limiterReads("SHARED_CACHE"),
    },
    {
      name: "another module reads REDIS_URL: the moved address does not take it over",
      file: "app.py",
      files: { ...loads, "cache.py": 'import os\n\nURL = os.getenv("REDIS_URL")\n' },
      code: LIMITER,
      findings: [{ line: 4, column: 33 }],
      output: limiterReads("LIMITER_REDIS_URL"),
    },
  ],
});

ruleTester("secret-in-url", {
  valid: [],
  invalid: [
    {
      name: "compose: DATABASE_URL in .env is the local one: the service's gets its own name",
      file: "docker-compose.yml",
      files: { ".env": "DATABASE_URL=postgresql://shop:Lumen-Falcon-731@localhost:5432/shop\n" },
      code: `services:
  api:
    environment:
      - DATABASE_URL=postgresql://shop:Lumen-Falcon-731@db:5432/shop
`,
      findings: [{ line: 4, column: 40 }],
      output: `services:
  api:
    environment:
      - DATABASE_URL=\${API_DATABASE_URL}
`,
      outputFiles: {
        ".env": `DATABASE_URL=postgresql://shop:Lumen-Falcon-731@localhost:5432/shop
API_DATABASE_URL=postgresql://shop:Lumen-Falcon-731@db:5432/shop
`,
      },
    },
    {
      name: "compose: .env has the very same URL: reused",
      file: "docker-compose.yml",
      files: { ".env": "DATABASE_URL=postgresql://shop:Lumen-Falcon-731@db:5432/shop\n" },
      code: `services:
  api:
    environment:
      - DATABASE_URL=postgresql://shop:Lumen-Falcon-731@db:5432/shop
`,
      findings: [{ line: 4, column: 40 }],
      output: `services:
  api:
    environment:
      - DATABASE_URL=\${DATABASE_URL}
`,
    },
    {
      name: "code: DATABASE_URL is read elsewhere: named after the host",
      file: "app/reports.py",
      files: { ...loads, "app/db.py": 'import os\n\nURL = os.environ["DATABASE_URL"]\n' },
      code: engineCode('"postgresql://shop:Lumen-Falcon-731@analytics-db.internal/shop"'),
      findings: [{ line: 4, column: 43 }],
      output: engineCode('os.environ["ANALYTICS_DATABASE_URL"]'),
    },
  ],
});
