import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { after, describe, it } from "node:test";
import { fixFile } from "../../../server/src/cli/fixAll";
import { initPython } from "../../../server/src/languages/python";
import { AnalysisService } from "../../../server/src/service/analysisService";
import { makeWorkspace } from "../../helpers/analyse";

/**
 * The fixed programs still behave like the originals, against stand-ins for Redis, the web
 * framework and dotenv: the same answers, and the state survives a restart of the module.
 */

const made: string[] = [];
after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A temporary folder of files, removed when the tests end. */
function folder(files: Record<string, string>): string {
  const dir = makeWorkspace(files);
  made.push(dir);
  return dir;
}

const quiet = { info: () => {}, debug: () => {}, warn: () => {}, error: () => {} };

const FAKE_REDIS_PY = `import fnmatch
DATA = {}
class Redis:
    @classmethod
    def from_url(cls, url, decode_responses=False):
        assert url == "redis://localhost:6379/0" and decode_responses
        return cls()
    def get(self, key):
        return DATA.get(key)
    def set(self, key, value, ex=None, nx=False):
        assert isinstance(value, str) and ex
        if nx and key in DATA:
            return None
        DATA[key] = value
        return True
    def delete(self, key):
        return 1 if DATA.pop(key, None) is not None else 0
    def exists(self, key):
        return 1 if key in DATA else 0
    def scan_iter(self, match):
        return [k for k in list(DATA) if fnmatch.fnmatchcase(k, match)]
`;
const FAKE_FLASK_PY = `class _Request:
    json = None
request = _Request()
def jsonify(value):
    return value
class Flask:
    def __init__(self, name):
        pass
    def post(self, path):
        return lambda fn: fn
    get = post
`;
const FAKE_DOTENV_PY = `import os
def load_dotenv():
    for line in open(".env"):
        name, _, value = line.strip().partition("=")
        os.environ.setdefault(name, value)
`;

const PY_APP = `from collections import defaultdict
from flask import Flask, request, jsonify

app = Flask(__name__)
carts = {}
sessions = {}
visits = defaultdict(int)


@app.post("/cart/<user>")
def add_to_cart(user):
    if user not in carts:
        carts[user] = []
    carts[user].append(request.json["item"])
    return jsonify(carts[user])


@app.post("/login")
def login():
    session = sessions.setdefault(request.json["token"], {"user": request.json["user"]})
    session["logins"] = session.get("logins", 0) + 1
    visits[request.json["user"]] += 1
    return session


@app.post("/logout")
def logout():
    sessions.pop(request.json["token"], None)
    return {"known": request.json["token"] in sessions, "users": sorted(visits)}
`;

const PY_DRIVER = `import importlib, json, sys
sys.path.insert(0, ".")
import app
from flask import request
out = []
for item in ["apple", "pear"]:
    request.json = {"item": item}
    out.append(app.add_to_cart("ann"))
request.json = {"token": "t1", "user": "ann"}
out.append(app.login())
out.append(app.login())
importlib.reload(app)
request.json = {"item": "plum"}
out.append(app.add_to_cart("ann"))
request.json = {"token": "t1"}
out.append(app.logout())
print(json.dumps(out))
`;

const PY_EXPECTED = [
  ["apple"],
  ["apple", "pear"],
  { user: "ann", logins: 1 },
  { user: "ann", logins: 2 },
  ["apple", "pear", "plum"],
  { known: false, users: ["ann"] },
];

async function fixAllIn(root: string, file: string): Promise<string> {
  await initPython();
  const service = new AnalysisService([root], quiet);
  fixFile(service, path.join(root, file));
  return fs.readFileSync(path.join(root, file), "utf8");
}

describe("state-in-memory-session fixes keep the program working", () => {
  it("python: carts, sessions and a defaultdict in Redis, surviving a reload", async () => {
    const root = folder({ "app.py": PY_APP, "requirements.txt": "Flask==3.0.3\n" });
    const fakes = folder({
      "redis.py": FAKE_REDIS_PY,
      "flask.py": FAKE_FLASK_PY,
      "dotenv.py": FAKE_DOTENV_PY,
      "driver.py": PY_DRIVER,
    });
    const fixed = await fixAllIn(root, "app.py");
    assert.equal(fixed.match(/= RedisDict\(/g)?.length, 3, fixed);
    const output = execFileSync("python3", [path.join(fakes, "driver.py")], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, PYTHONPATH: fakes },
    });
    assert.deepEqual(JSON.parse(output), PY_EXPECTED);
  });

  it("javascript: Map and object stores, handlers made async", async () => {
    const root = folder({
      "server.js": JS_APP,
      "package.json": '{ "name": "shop", "dependencies": { "express": "4.19.2" } }\n',
      "node_modules/express/index.js": FAKE_EXPRESS_JS,
      "node_modules/ioredis/index.js": FAKE_IOREDIS_JS,
      "node_modules/dotenv/index.js": FAKE_DOTENV_JS,
      "driver.js": JS_DRIVER,
    });
    const fixed = await fixAllIn(root, "server.js");
    assert.equal(fixed.match(/= new RedisMap\(/g)?.length, 2, fixed);
    const output = execFileSync(process.execPath, ["driver.js"], { cwd: root, encoding: "utf8" });
    assert.deepEqual(JSON.parse(output), JS_EXPECTED);
  });
});

const JS_APP = `const express = require('express');

const app = express();
const sessions = new Map();
const carts = {};

app.post('/login', (req, res) => {
  sessions.set(req.body.token, { user: req.body.user });
  res.json({ ok: sessions.has(req.body.token) });
});

app.post('/cart', (req, res) => {
  if (!carts[req.body.user]) carts[req.body.user] = [];
  carts[req.body.user].push(req.body.item);
  res.json(carts[req.body.user]);
});

app.post('/logout', (req, res) => {
  const session = sessions.get(req.body.token);
  sessions.delete(req.body.token);
  delete carts[session.user];
  res.json({ user: session.user, left: req.body.user in carts });
});

module.exports = app;
`;

const FAKE_EXPRESS_JS = `module.exports = () => {
  const routes = {};
  return { routes, post: (path, fn) => { routes[path] = fn; }, get: () => {}, listen: () => {} };
};
`;
const FAKE_IOREDIS_JS = `const data = (globalThis.redisData ??= new Map());
module.exports = class Redis {
  constructor(url) { if (url !== "redis://localhost:6379/0") throw new Error("url " + url); }
  async get(k) { return data.has(k) ? data.get(k) : null; }
  async set(k, v, ex, ttl) { if (ex !== "EX" || !ttl || typeof v !== "string") throw new Error("set"); data.set(k, v); return "OK"; }
  async exists(k) { return data.has(k) ? 1 : 0; }
  async del(...ks) { let n = 0; for (const k of ks) n += data.delete(k) ? 1 : 0; return n; }
  async keys(p) { return [...data.keys()].filter((k) => k.startsWith(p.slice(0, -1))); }
};
`;
const FAKE_DOTENV_JS = `const fs = require("fs");
module.exports.config = () => {
  for (const line of fs.readFileSync(".env", "utf8").split("\\n")) {
    const [name, value] = line.split("=");
    if (name) process.env[name] ??= value;
  }
};
`;
const JS_DRIVER = `const call = async (app, path, body) => {
  let out;
  await app.routes[path]({ body }, { json: (v) => { out = v; } });
  return out;
};
(async () => {
  const out = [];
  let app = require("./server.js");
  out.push(await call(app, "/login", { token: "t1", user: "ann" }));
  out.push(await call(app, "/cart", { user: "ann", item: "apple" }));
  delete require.cache[require.resolve("./server.js")];
  app = require("./server.js");
  out.push(await call(app, "/cart", { user: "ann", item: "pear" }));
  out.push(await call(app, "/logout", { token: "t1", user: "ann" }));
  console.log(JSON.stringify(out));
})();
`;
const JS_EXPECTED = [{ ok: true }, ["apple"], ["apple", "pear"], { user: "ann", left: false }];
