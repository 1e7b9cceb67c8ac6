import { ruleTester } from "../../helpers/ruleTester";

ruleTester("config-per-env-branch", {
  valid: [
    {
      name: "Python: one variable per setting; log and debug toggles by environment",
      file: "app/settings.py",
      code: `import os

DATABASE_URL = os.environ["DATABASE_URL"]
IS_PROD = os.environ.get("APP_ENV") == "production"
LOG_LEVEL_DEV = "debug"
if os.environ.get("APP_ENV") == "production":
    LOG_LEVEL = "warning"
    DEBUG = False
else:
    logging.basicConfig(level=logging.DEBUG)
`,
    },
    {
      name: "JavaScript: logging, security headers and listen by environment",
      file: "src/app.js",
      code: `if (process.env.NODE_ENV === 'production') {
  app.use(helmet());
  app.set('trust proxy', 1);
}
if (process.env.NODE_ENV !== 'test') {
  server.listen(port);
}
app.use(morgan(process.env.NODE_ENV === 'development' ? 'dev' : 'combined'));
`,
    },
    {
      name: "TypeScript: comparisons that are not about the environment",
      file: "src/flags.ts",
      code: `export const store = mode === "production" ? redisStore : memoryStore;
if (user.role === "dev") { client = adminClient; }
`,
    },
    {
      name: ".env: one name per setting",
      file: ".env",
      code: "DATABASE_URL=postgres://db/shop\nAPP_ENV=production\nPROD_MODE=1\n",
    },
    {
      name: "compose and Kubernetes: one name per setting",
      file: "docker-compose.yml",
      code: `services:
  api:
    image: shop/api:1.4.2
    environment:
      DATABASE_URL: \${DATABASE_URL}
      APP_ENV: production
`,
    },
    {
      name: "Kubernetes: environment name as a value is fine",
      file: "k8s/api.yaml",
      code: `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  containers:
    - name: api
      image: shop/api:1.4.2
      env:
        - {name: APP_ENV, value: production}
`,
    },
  ],
  invalid: [
    {
      name: "Python: the database is chosen by APP_ENV",
      file: "app.py",
      code: `import os

if os.environ.get("APP_ENV") == "production":
    app.config["SQLALCHEMY_DATABASE_URI"] = os.environ["DATABASE_URL"]
else:
    app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///shop-dev.db"
`,
      findings: [{ line: 3, column: 4, messageIncludes: "production" }],
      output: null,
    },
    {
      name: "Python: per-environment names and a settings attribute in a conditional expression",
      file: "config.py",
      code: `import os

DATABASE_URL_DEV = "sqlite:///dev.db"
redis_url = os.environ["REDIS_URL_PROD"] if settings.ENVIRONMENT in ("prod", "staging") else "redis://localhost"
`,
      findings: [
        { line: 3, column: 1 },
        { line: 4, column: 24 },
        { line: 4, column: 45 },
      ],
    },
    {
      name: "JavaScript: the session store is chosen by NODE_ENV",
      file: "src/app-envbranch.js",
      code: `const opts = { secret: process.env.SESSION_SECRET };
if (process.env.NODE_ENV === 'production') {
  const redisClient = createClient({ url: process.env.REDIS_URL });
  opts.store = new RedisStore({ client: redisClient });
}
`,
      findings: [{ line: 2, column: 5 }],
    },
    {
      name: "JavaScript: switch and ternary on the environment",
      file: "src/db.js",
      code: `const { NODE_ENV } = process.env;
switch (NODE_ENV) {
  case 'production':
    db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
    break;
  default:
    db = knex({ client: 'sqlite3' });
}
const apiBase = NODE_ENV === 'staging' ? 'https://api.staging.shop.test' : 'http://localhost:4000';
`,
      findings: [
        { line: 2, column: 9 },
        { line: 9, column: 17 },
      ],
    },
    {
      name: "TypeScript: includes() and per-environment constant",
      file: "src/config.ts",
      code: `export const STRIPE_KEY_STAGING = process.env.STRIPE_KEY_STAGING;
if (["production", "staging"].includes(process.env.APP_ENV ?? "")) {
  config.cacheUrl = process.env.REDIS_URL;
}
`,
      findings: [
        { line: 1, column: 14 },
        { line: 2, column: 5 },
      ],
    },
    {
      name: ".env: one name per environment",
      file: ".env",
      code: "DATABASE_URL_DEV=sqlite:///dev.db\nDATABASE_URL_PROD=postgres://db/shop\n",
      findings: [
        { line: 1, column: 1, messageIncludes: "DATABASE_URL" },
        { line: 2, column: 1 },
      ],
    },
    {
      name: "compose: map and list names",
      file: "docker-compose.yml",
      code: `services:
  api:
    image: shop/api:1.4.2
    environment:
      PROD_REDIS_HOST: cache.internal
  worker:
    image: shop/worker:1.4.2
    environment:
      - DATABASE_URL_STAGING=\${DATABASE_URL_STAGING}
`,
      findings: [
        { line: 5, column: 7 },
        { line: 9, column: 9 },
      ],
    },
    {
      name: "Kubernetes: container env names",
      file: "k8s/api.yaml",
      code: `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  containers:
    - name: api
      image: shop/api:1.4.2
      env:
        - name: S3_BUCKET_PRODUCTION
          value: shop-uploads
`,
      findings: [{ line: 10, column: 17 }],
    },
  ],
});
