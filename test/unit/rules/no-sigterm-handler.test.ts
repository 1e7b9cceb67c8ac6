import { ruleTester } from "../../helpers/ruleTester";

const flaskApp = `from flask import Flask

app = Flask(__name__)


@app.get("/healthz")
def healthz():
    return {"ok": True}
`;
const flaskMain = `${flaskApp}

if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8080)
`;
const flaskFixed = `from flask import Flask
import signal
import sys

app = Flask(__name__)


@app.get("/healthz")
def healthz():
    return {"ok": True}


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
    app.run(host="0.0.0.0", port=8080)
`;
const express = `const express = require('express');

const app = express();
app.get('/', (req, res) => res.send('ok'));
`;

ruleTester("no-sigterm-handler", {
  valid: [
    {
      name: "python handler in the file",
      file: "app.py",
      code: `import signal\nimport sys\n${flaskMain}\nsignal.signal(signal.SIGTERM, lambda *_: sys.exit(0))\n`,
    },
    {
      name: "run by gunicorn per Dockerfile",
      file: "app.py",
      code: flaskMain,
      files: { Dockerfile: 'FROM python:3.12-slim\nCMD ["gunicorn", "app:app"]\n' },
    },
    {
      name: "run by gunicorn per Procfile",
      file: "src/app.py",
      code: flaskMain,
      files: { Procfile: "web: gunicorn --chdir src app:app\n" },
    },
    {
      name: "run by uvicorn per compose",
      file: "app.py",
      code: flaskMain,
      files: {
        "docker-compose.yml":
          "services:\n  web:\n    build: .\n    command: uvicorn main:app --host 0.0.0.0\n",
      },
    },
    {
      name: "uvicorn.run handles SIGTERM itself",
      file: "main.py",
      code: 'import uvicorn\nfrom fastapi import FastAPI\n\napp = FastAPI()\n\nif __name__ == "__main__":\n    uvicorn.run(app, host="0.0.0.0")\n',
    },
    {
      name: "handler in another module of the program",
      file: "app.py",
      code: `import lifecycle\n${flaskMain}`,
      files: {
        "requirements.txt": "Flask==3.0.3\n",
        "lifecycle.py": "import signal\n\nsignal.signal(signal.SIGTERM, lambda *_: None)\n",
      },
    },
    { name: "no entry point", file: "app.py", code: flaskApp },
    {
      name: "express with process.on SIGTERM",
      file: "server.js",
      code: `${express}const server = app.listen(3000);\nprocess.on('SIGTERM', () => server.close());\n`,
    },
    {
      name: "pm2 per Dockerfile",
      file: "server.js",
      code: `${express}app.listen(3000);\n`,
      files: { Dockerfile: 'FROM node:20\nCMD ["pm2-runtime", "server.js"]\n' },
    },
    {
      name: "terminus",
      file: "server.js",
      code: `const { createTerminus } = require('@godaddy/terminus');\n${express}const server = app.listen(3000);\ncreateTerminus(server, {});\n`,
    },
    {
      name: "NestJS with shutdown hooks",
      file: "src/main.ts",
      code: "import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\n\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.enableShutdownHooks();\n  await app.listen(3000);\n}\nbootstrap();\n",
    },
    {
      name: "library function that is never called here",
      file: "src/transport.js",
      code: "const net = require('net');\n\nfunction listenOnce(port, onSocket) {\n  const server = net.createServer(onSocket);\n  server.listen(port, '127.0.0.1');\n  return server;\n}\n\nmodule.exports = { listenOnce };\n",
    },
    {
      name: "python server method, not run by the module",
      file: "devtools/preview.py",
      code: 'from http.server import HTTPServer, SimpleHTTPRequestHandler\n\n\nclass Preview:\n    def serve(self):\n        HTTPServer(("", 8000), SimpleHTTPRequestHandler).serve_forever()\n',
    },
    {
      name: "handler in another file of the package",
      file: "src/server.js",
      code: `${express}app.listen(3000);\n`,
      files: {
        "package.json": '{ "name": "x" }\n',
        "src/shutdown.js": "process.once('SIGTERM', () => process.exit(0));\n",
      },
    },
  ],
  invalid: [
    {
      name: "main() called under __main__",
      file: "serve.py",
      code: 'from waitress import serve\nfrom shop import app\n\n\ndef main():\n    serve(app, port=8080)\n\n\nif __name__ == "__main__":\n    main()\n',
      findings: [{ line: 6, column: 5 }],
    },
    {
      name: "flask app.run",
      file: "app.py",
      code: flaskMain,
      findings: [{ line: 12, column: 5, messageIncludes: "SIGTERM" }],
      output: flaskFixed,
      parses: true,
    },
    {
      name: "one-line main guard",
      file: "app.py",
      code: `import sys\n${flaskApp}\nif __name__ == "__main__": app.run()\n`,
      findings: [{ line: 11, column: 28 }],
      output: `import sys\nfrom flask import Flask\nimport signal\n\napp = Flask(__name__)\n\n\n@app.get("/healthz")\ndef healthz():\n    return {"ok": True}\n\nif __name__ == "__main__": signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0)); app.run()\n`,
      parses: true,
    },
    {
      name: "serve_forever",
      file: "serve.py",
      code: 'from http.server import HTTPServer, SimpleHTTPRequestHandler\n\nhttpd = HTTPServer(("", 8000), SimpleHTTPRequestHandler)\nhttpd.serve_forever()\n',
      findings: [{ line: 4, column: 1 }],
      output:
        'from http.server import HTTPServer, SimpleHTTPRequestHandler\nimport signal\nimport sys\n\nhttpd = HTTPServer(("", 8000), SimpleHTTPRequestHandler)\nsignal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))\nhttpd.serve_forever()\n',
    },
    {
      name: "Dockerfile runs the file directly",
      file: "app.py",
      code: flaskMain,
      files: {
        Dockerfile: 'FROM python:3.12-slim\nCMD ["python", "app.py"]\n',
        "worker/Procfile": "web: gunicorn other:app\n",
      },
      findings: [{ line: 12, column: 5 }],
    },
    {
      name: "waitress serve",
      file: "serve.py",
      code: "from waitress import serve\nfrom shop import app\n\nserve(app, host='0.0.0.0', port=8080)\n",
      findings: [{ line: 4, column: 1 }],
    },
    {
      name: "express listen statement gets a server binding",
      file: "server.js",
      code: `${express}app.listen(3000, () => console.log('up'));\n`,
      findings: [{ line: 5, column: 1 }],
      output: `${express}const server = app.listen(3000, () => console.log('up'));\nprocess.on('SIGTERM', () => {\n  server.close(() => process.exit(0));\n  setTimeout(() => process.exit(1), 10000).unref();\n});\n`,
      parses: true,
    },
    {
      name: "existing binding, ESM, no semicolons",
      file: "server.mjs",
      code: 'import express from "express"\n\nconst app = express()\nconst srv = app.listen(8080)\n',
      findings: [{ line: 4, column: 13 }],
      output:
        'import express from "express"\n\nconst app = express()\nconst srv = app.listen(8080)\nprocess.on("SIGTERM", () => {\n  srv.close(() => process.exit(0))\n  setTimeout(() => process.exit(1), 10000).unref()\n})\n',
      parses: true,
    },
    {
      name: "http server variable",
      file: "src/index.ts",
      code: "import http from 'http';\nimport { app } from './app';\n\nconst server = http.createServer(app);\nserver.listen(8080);\n",
      findings: [{ line: 5, column: 1 }],
      output:
        "import http from 'http';\nimport { app } from './app';\n\nconst server = http.createServer(app);\nserver.listen(8080);\nprocess.on('SIGTERM', () => {\n  server.close(() => process.exit(0));\n  setTimeout(() => process.exit(1), 10000).unref();\n});\n",
      parses: true,
    },
    {
      name: "fastify inside an async start",
      file: "server.js",
      code: "const fastify = require('fastify')();\n\nasync function start() {\n  await fastify.listen({ port: 3000 });\n}\nstart();\n",
      findings: [{ line: 4, column: 9 }],
      output:
        "const fastify = require('fastify')();\n\nasync function start() {\n  await fastify.listen({ port: 3000 });\n  process.on('SIGTERM', () => {\n    fastify.close().then(() => process.exit(0));\n  });\n}\nstart();\n",
      parses: true,
    },
    {
      name: "NestJS",
      file: "src/main.ts",
      code: "import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\n\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  await app.listen(3000);\n}\nbootstrap();\n",
      findings: [{ line: 6, column: 9 }],
      output:
        "import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\n\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.enableShutdownHooks();\n  await app.listen(3000);\n}\nbootstrap();\n",
      parses: true,
    },
    {
      name: "listen inside a promise callback: no safe fix",
      file: "server.js",
      code: `${express}db.connect().then(() => app.listen(3000));\n`,
      findings: [{ line: 5, column: 25 }],
      output: null,
    },
  ],
});
