import { ruleTester } from "../../helpers/ruleTester";

const loads = { "requirements.txt": "Flask==3.0.3\npython-dotenv==1.0.1\n" };
const nodeLoads = {
  "package.json": '{"name": "x"}\n',
  "index.js": "require('dotenv').config();\n",
};

ruleTester("secret-in-url", {
  valid: [
    {
      name: "Python: f-string, str.format, %-format and env placeholders",
      file: "app/db.py",
      code: `import os

user = os.environ["DB_USER"]
password = os.environ["DB_PASSWORD"]
engine = f"postgresql+psycopg://{user}:{password}@db:5432/shop"
DSN_TEMPLATE = "postgresql://{user}:{password}@{host}:5432/shop"
LEGACY = "mysql://%(user)s:%(password)s@db/shop"
OLD = "mysql://%s:%s@db/shop"
SHELL = "postgres://\${DB_USER}:\${DB_PASSWORD:-x}@db/shop"
BASH = "amqp://guest:$RABBIT_PASSWORD@mq//"
`,
    },
    {
      name: "URLs without a password",
      file: "app/urls.py",
      code: `MIGRATIONS_URL = "jdbc:postgresql://db:5432/shop"
REDIS_URL = "redis://cache:6379/0"
ADMIN = "postgres://admin@db/shop"
`,
    },
    {
      name: "a known-format token in a URL is left to secret-known-format",
      file: "scripts/clone.py",
      code: `REPO = "https://oauth2:glpat-x7Kq2Lm9Np4Rs8Tv1Wz3@gitlab.example.test/shop.git"\n`,
    },
    {
      name: "JavaScript template with substitutions",
      file: "src/db.js",
      code: "const url = `postgres://${process.env.DB_USER}:${process.env.DB_PASSWORD}@db/shop`;\n",
    },
    {
      name: "compose interpolation and JDBC",
      file: "docker-compose.yml",
      code: `services:
  api:
    image: shop/api:1.4.2
    environment:
      DATABASE_URL: "postgres://\${DB_USER}:\${DB_PASSWORD}@db:5432/shop"
      REDIS_URL: "redis://:\${REDIS_PASSWORD}@cache:6379/0"
      MIGRATIONS_URL: "jdbc:postgresql://db:5432/shop"
`,
    },
    {
      name: "Kubernetes $(VAR) and Helm values",
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
        - name: DATABASE_URL
          value: "postgres://shop:$(DB_PASSWORD)@db/shop"
`,
    },
  ],
  invalid: [
    {
      name: "Python: the URL of a call assigned to a name; dotenv gets wired",
      file: "app/db.py",
      files: { "requirements.txt": "SQLAlchemy==2.0.31\n" },
      code: `from sqlalchemy import create_engine

reporting_engine = create_engine(
    "postgresql+psycopg://reporter:Lumen-Falcon-731@reports.internal:5432/analytics"
)
`,
      findings: [{ line: 4, column: 36, messageIncludes: "Lume…" }],
      parses: true,
      output: `from sqlalchemy import create_engine
import os
from dotenv import load_dotenv

load_dotenv()

reporting_engine = create_engine(
    os.environ["REPORTING_DATABASE_URL"]
)
`,
      outputFiles: {
        ".env":
          "REPORTING_DATABASE_URL=postgresql+psycopg://reporter:Lumen-Falcon-731@reports.internal:5432/analytics\n",
        ".env.example": "REPORTING_DATABASE_URL=\n",
        "requirements.txt": "SQLAlchemy==2.0.31\npython-dotenv==1.0.1\n",
      },
    },
    {
      name: "Python: config key keeps its name",
      file: "app.py",
      files: loads,
      code: `import os

app.config["SQLALCHEMY_DATABASE_URI"] = "postgresql://shop:v32WUMNMrarT0B@postgres:5432/shop"
`,
      findings: [{ line: 3, column: 60 }],
      output: `import os

app.config["SQLALCHEMY_DATABASE_URI"] = os.environ["SQLALCHEMY_DATABASE_URI"]
`,
    },
    {
      name: "Python: f-string with a literal password has no automatic fix",
      file: "app/cache.py",
      code: `import os

CACHE = f"redis://:Wint3r-Relay-88@{os.environ['CACHE_HOST']}:6379/0"
`,
      findings: [{ line: 3, column: 20, messageIncludes: "build the URL" }],
      output: null,
    },
    {
      name: "Python: local fallback and placeholder words are hints",
      file: "app/settings.py",
      code: `import os

DATABASE_URL = os.environ.get("DATABASE_URL", "postgres://shop:Qz9-local-77@localhost/shop")
EXAMPLE_URL = "postgres://user:password@db.example.test/shop"
`,
      findings: [
        { line: 3, column: 64, severity: "hint" },
        { line: 4, column: 32, severity: "hint" },
      ],
    },
    {
      name: "JavaScript call argument",
      file: "src/db.js",
      files: nodeLoads,
      code: `const mongoose = require('mongoose');
mongoose.connect('mongodb://app:Quartz884x@mongo:27017/shop');
`,
      findings: [{ line: 2, column: 33 }],
      output: `const mongoose = require('mongoose');
mongoose.connect(process.env.MONGO_URL);
`,
    },
    {
      name: "TypeScript constant named for the service",
      file: "src/queue.ts",
      files: nodeLoads,
      code: `export const BROKER_URL = "amqp://shop:Lumen-Falcon-731@rabbitmq:5672/";\n`,
      findings: [{ line: 1, column: 40 }],
      output: `export const BROKER_URL = process.env.BROKER_URL!;\n`,
    },
    {
      name: "compose environment",
      file: "docker-compose.yml",
      code: `services:
  api:
    image: shop/api:1.4.2
    environment:
      DATABASE_URL: postgres://shop:Lumen-Falcon-731@db:5432/shop
`,
      findings: [{ line: 5, column: 37 }],
      output: `services:
  api:
    image: shop/api:1.4.2
    environment:
      DATABASE_URL: \${DATABASE_URL}
`,
      outputFiles: { ".env": "DATABASE_URL=postgres://shop:Lumen-Falcon-731@db:5432/shop\n" },
    },
    {
      name: "Kubernetes env value",
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
        - name: REDIS_URL
          value: redis://:Wint3r-Relay-88@cache:6379/0
`,
      findings: [{ line: 11, column: 27 }],
      output: `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  containers:
    - name: api
      image: shop/api:1.4.2
      env:
        - name: REDIS_URL
          valueFrom:
            secretKeyRef:
              name: api-secrets
              key: REDIS_URL
`,
    },
    {
      name: "plain YAML and JSON configuration",
      file: "config/settings.json",
      code: `{"db": {"url": "postgresql://shop:Lumen-Falcon-731@db.internal/shop"}}\n`,
      findings: [{ line: 1, column: 35 }],
      output: null,
    },
    {
      name: "ini file",
      file: "alembic.ini",
      code: `[alembic]
# sqlalchemy.url = postgresql://shop:old-pass-1@db/shop
sqlalchemy.url = postgresql://shop:Lumen-Falcon-731@db/shop
`,
      findings: [{ line: 3, column: 36 }],
    },
  ],
});
