import { ruleTester } from "../../helpers/ruleTester";

const flask = (run: string, head = "") =>
  `${head}from flask import Flask\n\napp = Flask(__name__)\n\nif __name__ == "__main__":\n    ${run}\n`;
const express = (listen: string) =>
  `const express = require('express');\nconst app = express();\n${listen}\n`;

ruleTester("port-loopback-bind", {
  valid: [
    { name: "all interfaces", file: "app.py", code: flask('app.run(host="0.0.0.0", port=8080)') },
    {
      name: "host from env with a loopback fallback",
      file: "app.py",
      code: flask('app.run(host=os.environ.get("HOST", "127.0.0.1"))', "import os\n"),
    },
    {
      name: "redis client on localhost is not a server",
      file: "cache.py",
      code: 'import redis\nfrom flask import Flask\napp = Flask(__name__)\nr = redis.Redis(host="localhost", port=6379)\n',
    },
    {
      name: "database client",
      file: "db.py",
      code: 'import psycopg2\nconn = psycopg2.connect(host="127.0.0.1", dbname="shop")\n',
    },
    {
      name: "one-shot local login callback server",
      file: "login.py",
      code: 'from http.server import HTTPServer, BaseHTTPRequestHandler\n\nserver = HTTPServer(("localhost", 8765), BaseHTTPRequestHandler)\nserver.handle_request()\n',
    },
    {
      name: "desktop tool that opens a browser",
      file: "preview.py",
      code: 'import webbrowser\nfrom flask import Flask\napp = Flask(__name__)\nwebbrowser.open("http://localhost:5000")\napp.run(host="localhost")\n',
    },
    {
      name: "express without host",
      file: "server.js",
      code: express("app.listen(3000, () => {});"),
    },
    {
      name: "express on all interfaces",
      file: "server.js",
      code: express("app.listen(3000, '0.0.0.0');"),
    },
    {
      name: "host from env",
      file: "server.js",
      code: express("app.listen(3000, process.env.HOST || 'localhost');"),
    },
    {
      name: "clients on localhost",
      file: "server.js",
      code: express(
        "const redis = require('redis').createClient({ host: 'localhost' });\nfetch('http://localhost:3000/health');",
      ),
    },
    {
      name: "ephemeral port for a local tool",
      file: "server.js",
      code: "const http = require('http');\nhttp.createServer(() => {}).listen(0, '127.0.0.1');\n",
    },
  ],
  invalid: [
    {
      name: "flask host keyword",
      file: "app.py",
      code: flask('app.run(host="127.0.0.1", port=5000)'),
      findings: [{ line: 6, column: 13, messageIncludes: "127.0.0.1" }],
      output: flask('app.run(host="0.0.0.0", port=5000)'),
      parses: true,
    },
    {
      name: "positional host, single quotes kept",
      file: "app.py",
      code: flask("app.run('localhost', 5000)"),
      findings: [{ line: 6, column: 13 }],
      output: flask("app.run('0.0.0.0', 5000)"),
    },
    {
      name: "uvicorn with a HOST constant",
      file: "main.py",
      code: 'import uvicorn\n\nHOST = "::1"\nuvicorn.run("main:app", host=HOST, port=8000)\n',
      findings: [{ line: 3, column: 8 }],
      output: 'import uvicorn\n\nHOST = "0.0.0.0"\nuvicorn.run("main:app", host=HOST, port=8000)\n',
    },
    {
      name: "http.server address tuple",
      file: "serve.py",
      code: 'from http.server import HTTPServer, SimpleHTTPRequestHandler\n\nHTTPServer(("localhost", 8000), SimpleHTTPRequestHandler).serve_forever()\n',
      findings: [{ line: 3, column: 13 }],
      output:
        'from http.server import HTTPServer, SimpleHTTPRequestHandler\n\nHTTPServer(("0.0.0.0", 8000), SimpleHTTPRequestHandler).serve_forever()\n',
    },
    {
      name: "django runserver in code",
      file: "run.py",
      code: 'from django.core.management import execute_from_command_line\n\nexecute_from_command_line(["manage.py", "runserver", "127.0.0.1:8000"])\n',
      findings: [{ line: 3, column: 54 }],
      output:
        'from django.core.management import execute_from_command_line\n\nexecute_from_command_line(["manage.py", "runserver", "0.0.0.0:8000"])\n',
    },
    {
      name: "hypercorn bind",
      file: "serve.py",
      code: 'import asyncio\nfrom hypercorn.config import Config\nfrom hypercorn.asyncio import serve\nfrom app import app\n\nconfig = Config()\nconfig.bind = ["localhost:8000"]\nasyncio.run(serve(app, config))\n',
      findings: [{ line: 7, column: 16 }],
    },
    {
      name: "waitress listen",
      file: "serve.py",
      code: "from waitress import serve\nfrom app import app\nserve(app, listen='127.0.0.1:8080')\n",
      findings: [{ line: 3, column: 19 }],
      output:
        "from waitress import serve\nfrom app import app\nserve(app, listen='0.0.0.0:8080')\n",
    },
    {
      name: "express host argument",
      file: "server.js",
      code: express("app.listen(3000, 'localhost', () => console.log(`up`));"),
      findings: [{ line: 3, column: 18 }],
      output: express("app.listen(3000, '0.0.0.0', () => console.log(`up`));"),
      parses: true,
    },
    {
      name: "server.listen options object",
      file: "server.js",
      code: "const http = require('http');\nconst server = http.createServer(() => {});\nserver.listen({ port: 8080, host: \"127.0.0.1\" });\n",
      findings: [{ line: 3, column: 29 }],
      output:
        "const http = require('http');\nconst server = http.createServer(() => {});\nserver.listen({ port: 8080, host: \"0.0.0.0\" });\n",
    },
    {
      name: "HOST constant in TypeScript",
      file: "src/main.ts",
      code: "import express from 'express';\nconst HOST = 'localhost';\nconst app = express();\napp.listen(8080, HOST);\n",
      findings: [{ line: 2, column: 14 }],
      output:
        "import express from 'express';\nconst HOST = '0.0.0.0';\nconst app = express();\napp.listen(8080, HOST);\n",
    },
    {
      name: "fastify",
      file: "server.mjs",
      code: "import Fastify from 'fastify';\nconst app = Fastify();\nawait app.listen({ port: 3000, host: '::1' });\n",
      findings: [{ line: 3, column: 32 }],
    },
    {
      name: "hapi server options",
      file: "server.js",
      code: "const Hapi = require('@hapi/hapi');\nconst server = Hapi.server({ port: 3000, host: 'localhost' });\n",
      findings: [{ line: 2, column: 42 }],
      output:
        "const Hapi = require('@hapi/hapi');\nconst server = Hapi.server({ port: 3000, host: '0.0.0.0' });\n",
    },
  ],
});
