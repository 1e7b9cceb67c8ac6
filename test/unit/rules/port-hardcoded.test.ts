import { ruleTester } from "../../helpers/ruleTester";

const flask = (run: string, head = "", after = "") =>
  `${head}from flask import Flask\n${after}\napp = Flask(__name__)\n\nif __name__ == "__main__":\n    ${run}\n`;

ruleTester("port-hardcoded", {
  valid: [
    {
      name: "port read from PORT with a fallback",
      file: "app.py",
      code: flask('app.run(port=int(os.environ.get("PORT", 8000)))', "import os\n"),
    },
    {
      name: "port from a module constant read from env",
      file: "app.py",
      code: flask("app.run(port=PORT)", 'import os\nPORT = int(os.getenv("PORT", "5000"))\n'),
    },
    { name: "no port at all", file: "app.py", code: flask("app.run()") },
    {
      name: "uvicorn with env port",
      file: "main.py",
      code: 'import os\nimport uvicorn\nuvicorn.run("main:app", port=int(os.environ["PORT"]))\n',
    },
    {
      name: "a redis client port is not a server",
      file: "cache.py",
      code: 'import redis\nclient = redis.Redis(host="cache", port=6379)\n',
    },
    {
      name: "run() of something that is not an app",
      file: "jobs.py",
      code: "import subprocess\nsubprocess.run(['ls'], timeout=5000)\n",
    },
    {
      name: "port from a settings object",
      file: "app.py",
      code: flask("app.run(port=settings.port)", "from config import settings\n"),
    },
    {
      name: "PORT ?? fallback",
      file: "server.js",
      code: "const express = require('express');\nconst app = express();\napp.listen(process.env.PORT ?? 3000);\n",
    },
    {
      name: "PORT || fallback through a constant",
      file: "server.js",
      code: "const express = require('express');\nconst app = express();\nconst port = Number(process.env.PORT) || 3000;\napp.listen(port, () => {});\n",
    },
    {
      name: "listen on a unix socket",
      file: "server.js",
      code: "const http = require('http');\nhttp.createServer(() => {}).listen('/tmp/app.sock');\n",
    },
    {
      name: "fastify listen with env port",
      file: "server.mjs",
      code: "import Fastify from 'fastify';\nconst app = Fastify();\nawait app.listen({ port: Number(process.env.PORT ?? 8080), host: '0.0.0.0' });\n",
    },
    {
      name: "listen outside a server file",
      file: "events.js",
      code: "const bus = require('./bus');\nbus.listen(3000);\n",
    },
    {
      name: "env alias",
      file: "server.ts",
      code: "import express from 'express';\nconst { env } = process;\nconst app = express();\napp.listen(env.PORT || 3000);\n",
    },
  ],
  invalid: [
    {
      name: "flask keyword port",
      file: "app.py",
      code: flask("app.run(port=5000)"),
      findings: [{ line: 6, column: 13, messageIncludes: "5000" }],
      output: flask('app.run(port=int(os.environ.get("PORT", "5000")))', "", "import os\n"),
      parses: true,
    },
    {
      name: "positional flask port, import os added after the last import",
      file: "app.py",
      code: flask("app.run('0.0.0.0', 8080)", "import logging\n"),
      findings: [{ line: 7, column: 24 }],
      output: flask(
        'app.run(\'0.0.0.0\', int(os.environ.get("PORT", "8080")))',
        "import logging\n",
        "import os\n",
      ),
      parses: true,
    },
    {
      name: "module constant, os already imported under an alias",
      file: "main.py",
      code: 'import os as _os\nimport uvicorn\n\nPORT = 8000\n\nuvicorn.run("main:app", host="0.0.0.0", port=PORT)\n',
      findings: [{ line: 4, column: 8 }],
      output:
        'import os as _os\nimport uvicorn\n\nPORT = int(_os.environ.get("PORT", "8000"))\n\nuvicorn.run("main:app", host="0.0.0.0", port=PORT)\n',
      parses: true,
    },
    {
      name: "aiohttp run_app with from-import of environ",
      file: "server.py",
      code: "from os import environ\nfrom aiohttp import web\n\napp = web.Application()\nweb.run_app(app, port=8081)\n",
      findings: [{ line: 5, column: 18 }],
      output:
        'from os import environ\nfrom aiohttp import web\n\napp = web.Application()\nweb.run_app(app, port=int(environ.get("PORT", "8081")))\n',
    },
    {
      name: "waitress serve",
      file: "serve.py",
      code: "from waitress import serve\nfrom shop import app\n\nserve(app, host='0.0.0.0', port=8080)\n",
      findings: [{ line: 4, column: 28 }],
      output:
        "from waitress import serve\nfrom shop import app\nimport os\n\nserve(app, host='0.0.0.0', port=int(os.environ.get('PORT', '8080')))\n",
    },
    {
      name: "http.server address tuple",
      file: "serve.py",
      code: 'from http.server import HTTPServer, SimpleHTTPRequestHandler\n\nHTTPServer(("", 8000), SimpleHTTPRequestHandler).serve_forever()\n',
      findings: [{ line: 3, column: 17 }],
    },
    {
      name: "express listen literal",
      file: "server.js",
      code: "const express = require('express');\nconst app = express();\napp.listen(3000, () => console.log('up'));\n",
      findings: [{ line: 3, column: 12, messageIncludes: "3000" }],
      output:
        "const express = require('express');\nconst app = express();\napp.listen(Number(process.env.PORT) || 3000, () => console.log('up'));\n",
      parses: true,
    },
    {
      name: "config object then listen(config.port)",
      file: "server.js",
      code: "const http = require('http');\nconst config = { port: 8080 };\nhttp.createServer(() => {}).listen(config.port);\n",
      findings: [{ line: 2, column: 18 }],
      output:
        "const http = require('http');\nconst config = { port: Number(process.env.PORT) || 8080 };\nhttp.createServer(() => {}).listen(config.port);\n",
    },
    {
      name: "constant in TypeScript (Koa)",
      file: "src/index.ts",
      code: 'import Koa from "koa";\n\nconst PORT = 4000;\nconst app = new Koa();\napp.listen(PORT);\n',
      findings: [{ line: 3, column: 14 }],
      output:
        'import Koa from "koa";\n\nconst PORT = Number(process.env.PORT) || 4000;\nconst app = new Koa();\napp.listen(PORT);\n',
      parses: true,
    },
    {
      name: "fastify options object",
      file: "server.mjs",
      code: "import Fastify from 'fastify';\nconst app = Fastify();\nawait app.listen({ port: 3000, host: '0.0.0.0' });\n",
      findings: [{ line: 3, column: 20 }],
      output:
        "import Fastify from 'fastify';\nconst app = Fastify();\nawait app.listen({ port: Number(process.env.PORT) || 3000, host: '0.0.0.0' });\n",
    },
    {
      name: "NestJS",
      file: "src/main.ts",
      code: "import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\n\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  await app.listen(3000);\n}\nbootstrap();\n",
      findings: [{ line: 6, column: 20 }],
    },
    {
      name: "string port",
      file: "server.js",
      code: "const express = require('express');\nexpress().listen('8080');\n",
      findings: [{ line: 2, column: 18 }],
      output:
        "const express = require('express');\nexpress().listen(Number(process.env.PORT) || 8080);\n",
    },
  ],
});
