import { ruleTester } from "../../helpers/ruleTester";
import { PY_STORE } from "./state-in-memory-session.fixtures";

const ROUTES = `app = Flask(__name__)\nsessions = {}\n\n\n@app.post("/login")\ndef login():\n    sessions[request.json["token"]] = request.json["user"]\n    return {"ok": True}\n`;
const FIXED_ROUTES = ROUTES.replace(
  "sessions = {}",
  'sessions = RedisDict(redis_client, "app:sessions")',
);
const CLIENT =
  'redis_client = redis.Redis.from_url(os.environ["REDIS_URL"], decode_responses=True)';

/** Where the Redis store fix puts its imports, `.env` loading and client in a Python module. */
ruleTester("state-in-memory-session", {
  valid: [],
  invalid: [
    {
      name: "after a from __future__ import",
      file: "app.py",
      code: `from __future__ import annotations\n\nfrom flask import Flask, request\n\n${ROUTES}`,
      findings: [{ line: 6, column: 1 }],
      parses: true,
      output: `from __future__ import annotations\n\nfrom flask import Flask, request\nimport json\nimport os\nimport redis\n\nfrom dotenv import load_dotenv\n\nload_dotenv()\n\n\n${PY_STORE}\n\n${CLIENT}\n\n${FIXED_ROUTES}`,
    },
    {
      name: "client after the module's own import os, which follows load_dotenv()",
      file: "app.py",
      code: `"""Login service."""\nfrom dotenv import load_dotenv\n\nload_dotenv()\n\nimport os\nfrom flask import Flask, request\n\n${ROUTES}`,
      findings: [{ line: 10, column: 1 }],
      parses: true,
      output: `"""Login service."""\nfrom dotenv import load_dotenv\nimport json\nimport redis\n\nload_dotenv()\n\nimport os\n\n\n${PY_STORE}\n\n${CLIENT}\n\nfrom flask import Flask, request\n\n${FIXED_ROUTES}`,
    },
  ],
});
