import { ruleTester } from "../../helpers/ruleTester";

ruleTester("config-per-env-branch", {
  valid: [
    {
      name: "log level, debug and cookie settings by environment",
      file: "app/settings.py",
      code: `import os

ENV = os.environ.get("APP_ENV", "development")
LOG_LEVEL = "warning" if ENV == "production" else "debug"
SESSION_COOKIE_SECURE = True if ENV == "production" else False
CACHE_TIMEOUT = 300 if ENV == "production" else 0
`,
    },
    {
      name: "a comparison that is not about the environment",
      file: "app/db.py",
      code: `import os

DB_HOST = os.environ["DB_HOST"] if mode == "production" else "localhost"
`,
    },
    {
      name: "Django databases chosen by the DEBUG toggle, not by an environment name",
      file: "mysite/settings.py",
      code: `import os

DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3"}} if DEBUG else {
    "default": {"ENGINE": "django.db.backends.postgresql", "HOST": os.environ["DB_HOST"]}
}
`,
    },
  ],
  invalid: [
    {
      name: "module setting whose value is a conditional on ENV",
      file: "app/config.py",
      code: `import os

ENV = os.environ.get("APP_ENV", "development")
DB_HOST = os.environ["DB_HOST"] if ENV == "production" else "localhost"
`,
      findings: [{ line: 4, column: 36, messageIncludes: "production" }],
      output: null,
    },
    {
      name: "settings attribute chosen by os.getenv",
      file: "app/main.py",
      code: `import os

settings.REDIS_HOST = os.environ["REDIS_HOST"] if os.getenv("APP_ENV") == "prod" else "localhost"
`,
      findings: [{ line: 3, column: 51 }],
    },
    {
      name: "annotated, parenthesised setting and a config subscript",
      file: "app/settings.py",
      code: `import os

ENVIRONMENT = os.environ["ENVIRONMENT"]
database: str = (os.environ["PGDATABASE"] if ENVIRONMENT == "staging" else "shop")
app.config["CACHE_REDIS_HOST"] = "redis" if ENVIRONMENT == "production" else "localhost"
`,
      findings: [
        { line: 4, column: 46 },
        { line: 5, column: 45 },
      ],
    },
    {
      name: "dictionary key and keyword argument",
      file: "app/db.py",
      code: `import os

APP_ENV = os.getenv("APP_ENV")
DATABASES = {
    "default": {
        "HOST": os.environ["DB_HOST"] if APP_ENV == "production" else "localhost",
    }
}
broker = Celery("tasks", broker_url=os.environ["BROKER"] if APP_ENV == "prod" else "memory")
`,
      findings: [
        { line: 6, column: 42 },
        { line: 9, column: 61 },
      ],
    },
  ],
});
