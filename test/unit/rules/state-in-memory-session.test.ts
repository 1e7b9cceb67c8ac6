import { ruleTester } from "../../helpers/ruleTester";
import { PY_HEADER, PY_STORE } from "./state-in-memory-session.fixtures";

const FLASK = "from flask import Flask, request, jsonify\n";
const cartApp = (body: string) => `${FLASK}
app = Flask(__name__)
carts = {}


@app.post("/cart/<user>")
def add_to_cart(user):
${body}
`;

/** An app in api/ with an in-memory cart, its workspace's other files, the files after the fix. */
const apiCarts = (
  name: string,
  files: Record<string, string>,
  outputFiles: Record<string, string | null>,
) => ({
  name,
  file: "api/app.py",
  code: cartApp("    carts[user] = request.json"),
  files: { "api/requirements.txt": "Flask==3.0.3\n", ...files },
  findings: [{ line: 4, column: 1 }],
  outputFiles,
});

const envFiles = {
  ".env": "REDIS_URL=redis://localhost:6379/0\n",
  ".env.example": "REDIS_URL=\n",
  ".gitignore": ".env\n",
  "requirements.txt": "Flask==3.0.3\nredis==5.2.1\npython-dotenv==1.0.1\n",
};

ruleTester("state-in-memory-session", {
  valid: [
    {
      name: "lookup table never changed after import",
      file: "app.py",
      code: `${FLASK}\napp = Flask(__name__)\nPRICES = {"apple": 3}\n\n\n@app.get("/price/<name>")\ndef price(name):\n    return {"price": PRICES[name]}\n`,
    },
    {
      name: "function local",
      file: "app.py",
      code: cartApp("    carts = {}\n    carts[user] = [request.json['item']]\n    return carts"),
    },
    {
      name: "filled at import time only",
      file: "app.py",
      code: `${FLASK}\napp = Flask(__name__)\nusers = {}\nusers["admin"] = {"role": "admin"}\n\n\n@app.get("/u/<n>")\ndef show(n):\n    return users.get(n, {})\n`,
    },
    {
      name: "registry of functions, not user state",
      file: "app.py",
      code: `${FLASK}\napp = Flask(__name__)\n_handlers = {}\n\n\ndef register(name):\n    def wrap(fn):\n        _handlers[name] = fn\n        return fn\n    return wrap\n`,
    },
    {
      name: "plain script, not a web process",
      file: "tools/load.py",
      code: "import csv\n\nsessions = {}\n\n\ndef load(row):\n    sessions[row[0]] = row[1]\n",
    },
    {
      name: "per-request object",
      file: "app.py",
      code: `${FLASK}\n\nclass Form:\n    def __init__(self):\n        self.tokens = {}\n\n    def add(self, token):\n        self.tokens[token] = True\n`,
    },
  ],
  invalid: [
    {
      name: "flask carts: nested append rewritten to read-modify-write",
      file: "app.py",
      code: cartApp(
        '    if user not in carts:\n        carts[user] = []\n    carts[user].append(request.json["item"])\n    return jsonify(carts[user])',
      ),
      files: { "requirements.txt": "Flask==3.0.3\n" },
      findings: [{ line: 4, column: 1, messageIncludes: '"carts" keeps per-user state' }],
      output: `${FLASK}${PY_HEADER}

app = Flask(__name__)
carts = RedisDict(redis_client, "app:carts")


@app.post("/cart/<user>")
def add_to_cart(user):
    if user not in carts:
        carts[user] = []
    entry = carts[user]
    entry.append(request.json["item"])
    carts[user] = entry
    return jsonify(carts[user])
`,
      outputFiles: envFiles,
      parses: true,
    },
    apiCarts(
      "compose runs Redis as a service: the app's service reaches it by name, not localhost",
      {
        "docker-compose.yml":
          "services:\n  api:\n    build: ./api\n    environment:\n      - APP_ENV=dev\n" +
          "  cache:\n    image: redis:7.2.4-alpine\n",
      },
      {
        "api/.env": "REDIS_URL=redis://localhost:6379/0\n",
        "docker-compose.yml":
          "services:\n  api:\n    build: ./api\n    environment:\n      - APP_ENV=dev\n" +
          "      - REDIS_URL=redis://cache:6379/0\n  cache:\n    image: redis:7.2.4-alpine\n",
      },
    ),
    apiCarts(
      "compose environment as a map, Valkey as the Redis: the entry joins the map",
      {
        "compose.yaml":
          "services:\n  api:\n    build: ./api\n    env_file: .env\n    environment:\n      APP_ENV: dev\n" +
          "  kv:\n    image: valkey/valkey:8.0\n",
      },
      {
        "compose.yaml":
          "services:\n  api:\n    build: ./api\n    env_file: .env\n    environment:\n      APP_ENV: dev\n" +
          "      REDIS_URL: redis://kv:6379/0\n  kv:\n    image: valkey/valkey:8.0\n",
      },
    ),
    {
      name: "redis pinned to the version the project's virtualenv has",
      file: "app.py",
      code: cartApp("    carts[user] = request.json"),
      files: {
        "requirements.txt": "Flask==3.0.3\n",
        ".venv/lib/python3.12/site-packages/redis-5.0.8.dist-info/RECORD": "",
      },
      findings: [{ line: 4, column: 1 }],
      outputFiles: { "requirements.txt": "Flask==3.0.3\nredis==5.0.8\npython-dotenv==1.0.1\n" },
    },
    apiCarts(
      "the compose Redis listens on another port: the URL names it",
      {
        "docker-compose.yml":
          "services:\n  api:\n    build: ./api\n  cache:\n    image: redis:7.2.4\n" +
          '    command: ["redis-server", "--port", "6380"]\n',
      },
      {
        "docker-compose.yml":
          "services:\n  api:\n    build: ./api\n    environment:\n      REDIS_URL: redis://cache:6380/0\n" +
          '  cache:\n    image: redis:7.2.4\n    command: ["redis-server", "--port", "6380"]\n',
      },
    ),
    apiCarts(
      "the compose Redis wants a password: the compose file is left to the user",
      {
        "docker-compose.yml":
          "services:\n  api:\n    build: ./api\n  cache:\n    image: redis:7.2.4\n" +
          "    command: redis-server --requirepass ${REDIS_PASSWORD}\n",
      },
      { "docker-compose.yml": null },
    ),
    apiCarts(
      "compose without a Redis service: the compose file is left alone",
      {
        "docker-compose.yml": "services:\n  api:\n    build: ./api\n",
      },
      {
        "api/.env": "REDIS_URL=redis://localhost:6379/0\n",
        "docker-compose.yml": null,
      },
    ),
    {
      name: "sessions: set, pop and membership keep working unchanged",
      file: "auth.py",
      code: `import os\nfrom flask import Flask, request\nfrom dotenv import load_dotenv\n\nload_dotenv()\napp = Flask(__name__)\nsessions = dict()\n\n\n@app.post("/login")\ndef login():\n    sessions[request.json["token"]] = {"user": request.json["user"]}\n    return {"ok": True}\n\n\n@app.post("/logout")\ndef logout():\n    sessions.pop(request.json["token"], None)\n    return {"ok": request.json["token"] not in sessions}\n`,
      findings: [{ line: 7, column: 1 }],
      output: `import os\nfrom flask import Flask, request\nfrom dotenv import load_dotenv\nimport json\nimport redis\n\nload_dotenv()\n\n\n${PY_STORE}\n\nredis_client = redis.Redis.from_url(os.environ["REDIS_URL"], decode_responses=True)\n\napp = Flask(__name__)\nsessions = RedisDict(redis_client, "auth:sessions")\n\n\n@app.post("/login")\ndef login():\n    sessions[request.json["token"]] = {"user": request.json["user"]}\n    return {"ok": True}\n\n\n@app.post("/logout")\ndef logout():\n    sessions.pop(request.json["token"], None)\n    return {"ok": request.json["token"] not in sessions}\n`,
      parses: true,
    },
    {
      name: "defaultdict with an alias written back",
      file: "shop.py",
      code: `from collections import defaultdict\nfrom fastapi import FastAPI\n\napp = FastAPI()\nbaskets = defaultdict(list)\n\n\n@app.post("/basket/{user}")\nasync def add(user: str, item: str):\n    basket = baskets[user]\n    basket.append(item)\n    return {"items": basket}\n`,
      findings: [{ line: 5, column: 1 }],
      output: `from collections import defaultdict\nfrom fastapi import FastAPI\n${PY_HEADER}\n\napp = FastAPI()\nbaskets = RedisDict(redis_client, "shop:baskets", default=list)\n\n\n@app.post("/basket/{user}")\nasync def add(user: str, item: str):\n    basket = baskets[user]\n    basket.append(item)\n    baskets[user] = basket\n    return {"items": basket}\n`,
      parses: true,
    },
    {
      name: "singleton manager from the handbook",
      file: "sessions.py",
      code: `import json\n\n\nclass SessionManager:\n    def __init__(self):\n        self.sessions = {}\n\n    def store_session(self, user_id, data):\n        self.sessions[user_id] = data\n\n    def load(self, user_id):\n        return self.sessions.get(user_id)\n\n\nmanager = SessionManager()\n`,
      findings: [{ line: 6, column: 9 }],
      output: `import json\nimport os\nimport redis\n\nfrom dotenv import load_dotenv\n\nload_dotenv()\n\n\n${PY_STORE}\n\nredis_client = redis.Redis.from_url(os.environ["REDIS_URL"], decode_responses=True)\n\n\nclass SessionManager:\n    def __init__(self):\n        self.sessions = RedisDict(redis_client, "sessions:SessionManager.sessions")\n\n    def store_session(self, user_id, data):\n        self.sessions[user_id] = data\n\n    def load(self, user_id):\n        return self.sessions.get(user_id)\n\n\nmanager = SessionManager()\n`,
      parses: true,
    },
    {
      name: "class attribute",
      file: "views.py",
      code: `from django.http import JsonResponse\n\n\nclass TokenStore:\n    tokens = {}\n\n\ndef issue(request):\n    TokenStore.tokens[request.user.id] = request.POST["token"]\n    return JsonResponse({"ok": True})\n`,
      findings: [{ line: 5, column: 5 }],
    },
    {
      name: "a list cannot be moved automatically",
      file: "app.py",
      code: `${FLASK}\napp = Flask(__name__)\nuploaded_files = []\n\n\n@app.post("/upload")\ndef upload():\n    uploaded_files.append(request.files["f"].filename)\n    return {"n": len(uploaded_files)}\n`,
      findings: [{ line: 4, column: 1, messageIncludes: "by hand" }],
      output: null,
    },
    {
      name: "used as a whole object",
      file: "app.py",
      code: cartApp("    carts[user] = request.json\n    return jsonify(carts)"),
      findings: [{ line: 4, column: 1, messageIncludes: "Line 10 uses it as a whole object" }],
      output: null,
    },
    {
      name: "value JSON cannot hold",
      file: "app.py",
      code: `from datetime import datetime\n${cartApp("    seen = datetime.now()\n    carts[user] = seen")}`,
      findings: [{ line: 5, column: 1, messageIncludes: "JSON cannot hold" }],
      output: null,
    },
    {
      name: "generic name keyed by the client address",
      file: "app.py",
      code: `${FLASK}\napp = Flask(__name__)\nhits = {}\n\n\n@app.before_request\ndef count():\n    hits[request.remote_addr] = hits.get(request.remote_addr, 0) + 1\n`,
      findings: [{ line: 4, column: 1 }],
    },
    {
      name: "alias returned before it is written back",
      file: "app.py",
      code: cartApp(
        "    cart = carts.setdefault(user, [])\n    if not request.json:\n        return {}\n    cart.append(request.json['item'])\n    return {}",
      ),
      findings: [{ line: 4, column: 1, messageIncludes: "Line 9 changes a stored value" }],
      output: null,
    },
  ],
});
