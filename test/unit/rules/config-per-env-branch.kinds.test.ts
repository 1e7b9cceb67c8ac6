import { ruleTester, type InvalidCase, type ValidCase } from "../../helpers/ruleTester";

const valid = (file: string, code: string): ValidCase => ({ file, code });
const invalid = (file: string, code: string, line: number, column: number): InvalidCase => ({
  file,
  code,
  findings: [{ line, column }],
});
const compose = (entries: string) =>
  `services:\n  api:\n    image: x:1.0.0\n    environment:\n${entries}`;
const pod = (name: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - name: a\n      image: x:1.0.0\n      env:\n        - name: ${name}\n          value: x\n`;

ruleTester("config-per-env-branch", {
  valid: [
    valid("a.py", 'if ENV == "production":\n    LOG_LEVEL = "WARNING"\n'),
    valid("b.py", 'DEBUG = APP_ENV != "production"\n'),
    valid("c.py", 'if settings.ENVIRONMENT == "dev":\n    logging.basicConfig(level="DEBUG")\n'),
    valid("d.py", 'if role == "production":\n    db = create_engine(url)\n'),
    valid("e.py", "PROD = True\nSTAGE = 'build'\n"),
    valid("src/a.js", "const isProd = process.env.NODE_ENV === 'production';\n"),
    valid("src/b.js", "if (process.env.NODE_ENV === 'production') app.use(compression());\n"),
    valid("src/c.js", "const level = NODE_ENV === 'development' ? 'debug' : 'info';\n"),
    valid("src/d.js", "if (env.NODE_ENV === 'test') jest.setTimeout(10000);\n"),
    valid("src/a.ts", "export const mode: string = process.env.NODE_ENV ?? 'development';\n"),
    valid("src/b.ts", "if (process.env.APP_ENV === 'staging') console.warn('staging');\n"),
    valid(
      "src/c.ts",
      "export const logFormat = process.env.NODE_ENV === 'production' ? 'json' : 'pretty';\n",
    ),
    valid(".env.production", "DATABASE_URL=postgres://db/shop\nNODE_ENV=production\n"),
    valid(".env.local", "LOG_LEVEL_DEV=debug\nIS_STAGING=1\n"),
    valid(".env", "DEV_MODE=1\nPROD=1\n"),
    valid(".env.example", "DATABASE_URL=\nAPP_ENV=\n"),
    valid("docker-compose.yml", compose("      LOG_LEVEL: debug\n")),
    valid("compose.prod.yaml", compose("      - APP_ENV=production\n")),
    valid("docker-compose.override.yml", compose("      - IS_PROD=0\n")),
    valid("k8s/a.yaml", pod("DATABASE_URL")),
    valid("k8s/b.yaml", pod("ENV")),
    valid("k8s/c.yaml", pod("PROD_MODE")),
    valid("src/d.ts", "export const isDev = process.env.NODE_ENV !== 'production';\n"),
    valid("compose.a.yaml", compose("      - NODE_ENV=production\n")),
    valid("k8s/f.yaml", pod("LOG_LEVEL_PROD")),
  ],
  invalid: [
    invalid(
      "f.py",
      'if os.getenv("ENV") in ("prod", "production"):\n    CACHES = {"default": {"LOCATION": "redis://cache"}}\n',
      1,
      4,
    ),
    invalid(
      "g.py",
      'engine = create_engine(PROD_DB) if APP_ENV == "production" else create_engine(DEV_DB)\n',
      1,
      36,
    ),
    invalid("h.py", 'REDIS_URL_STAGING = os.environ["REDIS_URL_STAGING"]\n', 1, 1),
    invalid("src/e.js", "const DB_HOST_DEV = 'localhost';\n", 1, 7),
    invalid("src/f.js", "const url = process.env.MONGO_URL_PROD;\n", 1, 25),
    invalid(
      "src/g.js",
      "if (app.get('env') === 'production') {\n  sessionOpts.store = new RedisStore({ client });\n}\n",
      1,
      5,
    ),
    invalid(
      "src/d.ts",
      "export const bucket = process.env.APP_ENV === 'production' ? 's3://shop-prod' : 's3://shop-dev';\n",
      1,
      23,
    ),
    invalid(
      "src/e.ts",
      "switch (process.env.APP_ENV) {\n  case 'staging':\n    db = createPool({ host: 'db.staging.internal' });\n}\n",
      1,
      9,
    ),
    invalid("src/f.ts", "const { QUEUE_URL_QA } = process.env;\n", 1, 9),
    invalid(".env.a", "REDIS_URL_PROD=redis://cache\n", 1, 1),
    invalid(".env.b", "export PROD_S3_BUCKET=shop\n", 1, 8),
    invalid("docker-compose.yml", compose("      DATABASE_URL_DEV: sqlite:///dev.db\n"), 5, 7),
    invalid("compose.yaml", compose("      - STAGING_API_URL=http://api\n"), 5, 9),
    invalid("k8s/d.yaml", pod("DATABASE_URL_PROD"), 10, 17),
    invalid("k8s/e.yaml", pod("uatSmtpHost"), 10, 17),
    invalid(".env.c", "S3_BUCKET_STAGING=shop-staging\n", 1, 1),
    invalid(".env.d", "# per environment\nDEV_SMTP_HOST=mailhog\n", 2, 1),
    invalid("compose.c.yaml", compose("      REDIS_URL_QA: redis://cache\n"), 5, 7),
    invalid(
      "compose.d.yaml",
      compose("      - DATABASE_URL_PRODUCTION=${DATABASE_URL_PRODUCTION}\n"),
      5,
      9,
    ),
    invalid("k8s/g.yaml", pod("PROD_DB_HOST"), 10, 17),
    invalid("k8s/h.yaml", pod("API_URL_STAGING"), 10, 17),
  ],
});
