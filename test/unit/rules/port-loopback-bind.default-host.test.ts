import { ruleTester } from "../../helpers/ruleTester";

/** A server started without a host listens where its framework's default puts it. */
const flaskApp = (run: string) =>
  `from flask import Flask\n\napp = Flask(__name__)\n\nif __name__ == "__main__":\n    ${run}\n`;
/** `app.run(…)` of a Flask app that a container starts, and the host the fix adds. */
const flaskRun = (name: string, files: Record<string, string>, args = "") => ({
  name,
  file: "app.py",
  code: flaskApp(`app.run(${args})`),
  files,
  findings: [{ line: 6, column: 5 }],
  output: flaskApp(`app.run(host="0.0.0.0"${args ? `, ${args}` : ""})`),
});
const DOCKERFILE = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["python", "app.py"]\n';

ruleTester("port-loopback-bind", {
  valid: [
    {
      name: "app.run() for local development while the image runs gunicorn",
      file: "app.py",
      code: flaskApp("app.run(debug=True)"),
      files: { Dockerfile: "FROM python:3.12-slim\nCMD gunicorn app:app --bind 0.0.0.0:8000\n" },
    },
    {
      name: "app.run() with nothing that starts the file in a container",
      file: "app.py",
      code: flaskApp("app.run()"),
    },
    {
      name: "the container runs another file directly",
      file: "app.py",
      code: flaskApp("app.run()"),
      files: { Dockerfile: 'FROM python:3.12-slim\nCMD ["python", "worker.py"]\n' },
    },
    {
      name: "waitress listens on all interfaces by default",
      file: "app.py",
      code: "from flask import Flask\nfrom waitress import serve\n\napp = Flask(__name__)\nserve(app, port=8080)\n",
      files: { Dockerfile: DOCKERFILE },
    },
    {
      name: "aiohttp listens on all interfaces by default",
      file: "app.py",
      code: "from aiohttp import web\n\napp = web.Application()\nweb.run_app(app, port=8080)\n",
      files: { Dockerfile: DOCKERFILE },
    },
  ],
  invalid: [
    {
      ...flaskRun(
        "Dockerfile runs python app.py: no host means 127.0.0.1",
        { Dockerfile: DOCKERFILE },
        "port=5000",
      ),
      findings: [{ line: 6, column: 5, messageIncludes: "127.0.0.1" }],
      parses: true,
    },
    {
      name: "no arguments at all, single quotes kept",
      file: "app.py",
      code: `from flask import Flask\n\napp = Flask('shop')\n\nif __name__ == '__main__':\n    app.run()\n`,
      files: { Dockerfile: DOCKERFILE },
      findings: [{ line: 6, column: 5 }],
      output: `from flask import Flask\n\napp = Flask('shop')\n\nif __name__ == '__main__':\n    app.run(host='0.0.0.0')\n`,
      parses: true,
    },
    flaskRun("Procfile runs the file", { Procfile: "web: python app.py\n" }, "debug=False"),
    {
      ...flaskRun("arguments on their own lines: the host goes on the first one", {
        Dockerfile: DOCKERFILE,
      }),
      code: flaskApp("app.run(\n        port=5000,\n    )"),
      output: flaskApp('app.run(\n        host="0.0.0.0", port=5000,\n    )'),
    },
    {
      name: "compose command runs the file; uvicorn.run without host",
      file: "main.py",
      code: 'import uvicorn\nfrom fastapi import FastAPI\n\napp = FastAPI()\n\nif __name__ == "__main__":\n    uvicorn.run(app, port=8000)\n',
      files: {
        "docker-compose.yml": "services:\n  api:\n    build: .\n    command: python main.py\n",
      },
      findings: [{ line: 7, column: 5 }],
      output:
        'import uvicorn\nfrom fastapi import FastAPI\n\napp = FastAPI()\n\nif __name__ == "__main__":\n    uvicorn.run(app, host="0.0.0.0", port=8000)\n',
      parses: true,
    },
    {
      ...flaskRun("ENTRYPOINT in exec form with a path", {
        Dockerfile: 'FROM python:3.12-slim\nENTRYPOINT ["python", "src/app.py"]\n',
      }),
      file: "src/app.py",
    },
  ],
});
