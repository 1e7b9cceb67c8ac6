import { ruleTester, type InvalidCase, type ValidCase } from "../../helpers/ruleTester";

const valid = (file: string, code: string): ValidCase => ({ file, code });
const invalid = (file: string, code: string, line: number, column: number): InvalidCase => ({
  file,
  code,
  findings: [{ line, column }],
});

ruleTester("config-hardcoded-url", {
  valid: [
    valid("a.py", 'CELERY_BROKER_URL = os.environ["CELERY_BROKER_URL"]\n'),
    valid("b.py", 'import os\nurl = os.getenv("MONGO_URL", "mongodb://localhost:27017/shop")\n'),
    valid("c.py", 'raise RuntimeError("set REDIS_URL, e.g. redis://cache:6379/0")\n'),
    valid("d.py", 'WEBHOOK = "https://hooks.example.test/services/T0/B0"\n'),
    valid("e.py", "engine = create_engine(f\"{os.environ['DB_SCHEME']}://db/shop\")\n"),
    valid("src/a.js", "const url = process.env.DATABASE_URL;\n"),
    valid("src/b.js", "const base = 'https://registry.npmjs.org';\n"),
    valid("src/c.js", "console.log('connect to redis://cache:6379 with REDIS_URL');\n"),
    valid("src/d.js", "const url = `${process.env.API_BASE}/orders`;\n"),
    valid("src/e.js", "const { REDIS_URL = 'redis://127.0.0.1:6379' } = process.env;\n"),
    valid(
      "src/a.ts",
      "export const url = process.env.MONGO_URL ?? 'mongodb://localhost:27017/shop';\n",
    ),
    valid("src/b.ts", "export const db = 'sqlite://./dev.db';\n"),
    valid("src/c.ts", "import { createClient } from 'redis';\n"),
    valid("src/d.ts", "export const auth = 'https://accounts.google.com/o/oauth2/v2/auth';\n"),
    valid("src/e.ts", "export const url = `postgres://${host}:5432/shop`;\n"),
  ],
  invalid: [
    invalid("f.py", 'BROKER_URL = "amqp://rabbitmq:5672//"\n', 1, 15),
    invalid("g.py", 'client = MongoClient("mongodb://mongo.internal:27017")\n', 1, 23),
    invalid("h.py", 'es = Elasticsearch("http://10.0.4.12:9200")\n', 1, 21),
    invalid("i.py", 's3 = boto3.client("s3", endpoint_url="http://minio:9000")\n', 1, 39),
    invalid(
      "j.py",
      'DATABASES = {"default": {"URL": "postgres://db.svc.cluster.local:5432/shop"}}\n',
      1,
      34,
    ),
    invalid("src/f.js", "const queue = new Queue('mail', 'redis://cache:6379');\n", 1, 34),
    invalid("src/g.js", "const kafka = new Kafka({ brokers: ['kafka://broker:9092'] });\n", 1, 38),
    invalid("src/h.js", "axios.get('http://inventory.shop.internal/api/stock');\n", 1, 12),
    invalid(
      "src/i.mjs",
      "export const pg = new Pool({ connectionString: 'postgresql://db:5432/shop' });\n",
      1,
      49,
    ),
    invalid("src/f.ts", "export const mongo = 'mongodb://mongo:27017/shop';\n", 1, 23),
    invalid(
      "src/g.ts",
      "const res = await fetch(`http://payments.internal/charge/${id}`);\n",
      1,
      26,
    ),
    invalid("src/h.ts", "export const cache = new Redis('redis://localhost:6379');\n", 1, 33),
    invalid("src/i.ts", "export const events = 'nats://nats:4222';\n", 1, 24),
  ],
});
