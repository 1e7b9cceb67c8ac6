import { ruleTester } from "../../helpers/ruleTester";

ruleTester("debug-enabled", {
  valid: [
    {
      name: "Python: debug read from the environment or off",
      file: "app.py",
      code: `import os

app.run(debug=os.environ.get("FLASK_DEBUG") == "1")
app.run(debug=False)
DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
parser.parse(text, debug=True)
`,
    },
    {
      name: "Python: development settings and config classes",
      file: "shop/settings_dev.py",
      code: `DEBUG = True\n`,
    },
    {
      name: "Python: a development config class",
      file: "config.py",
      code: `class DevelopmentConfig:
    DEBUG = True


class ProductionConfig:
    DEBUG = False
`,
    },
    {
      name: "compose: development files, interpolation and off values",
      file: "docker-compose.dev.yml",
      code: `services:
  api:
    image: shop/api:1.4.2
    environment:
      FLASK_DEBUG: 1
`,
    },
    {
      name: "compose: off and interpolated",
      file: "docker-compose.prod.yml",
      code: `services:
  api:
    image: shop/api:1.4.2
    environment:
      - FLASK_DEBUG=0
      - DEBUG=\${DEBUG:-false}
`,
    },
    {
      name: "Dockerfile: a debug build stage that is not shipped",
      file: "Dockerfile",
      code: `FROM python:3.12-slim AS test
ENV FLASK_DEBUG=1
FROM python:3.12-slim
ENV FLASK_DEBUG=0
`,
    },
  ],
  invalid: [
    {
      name: "Flask app.run: only the keyword is reported and fixed",
      file: "app.py",
      code: `from flask import Flask

app = Flask(__name__)
BASE_DIR = "/srv/shop"

if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5000, debug=True, extra_files=[f"{BASE_DIR}/settings.toml"])
`,
      findings: [{ line: 7, column: 42 }],
      parses: true,
      output: `from flask import Flask
import os

app = Flask(__name__)
BASE_DIR = "/srv/shop"

if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5000, debug=os.environ.get("FLASK_DEBUG") == "1", extra_files=[f"{BASE_DIR}/settings.toml"])
`,
    },
    {
      name: "Django settings; the template gets the variable",
      file: "shop/settings.py",
      files: { ".env.example": "DATABASE_URL=\n" },
      code: `import os

DEBUG = True
ALLOWED_HOSTS = ["*"]
INSTALLED_APPS = ["django.contrib.admin"]
`,
      findings: [{ line: 3, column: 1 }],
      output: `import os

DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
ALLOWED_HOSTS = ["*"]
INSTALLED_APPS = ["django.contrib.admin"]
`,
      outputFiles: { ".env.example": "DATABASE_URL=\nDJANGO_DEBUG=0\n" },
    },
    {
      name: "Flask attribute, config key and config.update",
      file: "web.py",
      code: `import os

app.debug = True
app.config["DEBUG"] = True
app.config.update(DEBUG=True, TESTING=False)
`,
      findings: [
        { line: 3, column: 1 },
        { line: 4, column: 1 },
        { line: 5, column: 19 },
      ],
      output: `import os

app.debug = os.environ.get("FLASK_DEBUG") == "1"
app.config["DEBUG"] = True
app.config.update(DEBUG=True, TESTING=False)
`,
    },
    {
      name: "uvicorn and FastAPI",
      file: "main.py",
      code: `import uvicorn
from fastapi import FastAPI

api = FastAPI(debug=True)
uvicorn.run(api, debug=True)
`,
      findings: [
        { line: 4, column: 15 },
        { line: 5, column: 18 },
      ],
      output: `import uvicorn
from fastapi import FastAPI
import os

api = FastAPI(debug=os.environ.get("DEBUG") == "1")
uvicorn.run(api, debug=True)
`,
    },
    {
      name: "compose named for production",
      file: "docker-compose.prod.yml",
      code: `services:
  api:
    image: shop/api:1.4.2
    environment:
      - APP_ENV=production
      - FLASK_DEBUG=1
`,
      findings: [{ line: 6, column: 21 }],
      output: `services:
  api:
    image: shop/api:1.4.2
    environment:
      - APP_ENV=production
`,
    },
    {
      name: "compose with a neutral name is a hint",
      file: "docker-compose.yml",
      code: `services:
  api:
    image: shop/api:1.4.2
    environment:
      DJANGO_DEBUG: "True"
`,
      findings: [{ line: 5, column: 21, severity: "hint" }],
    },
    {
      name: "Kubernetes container env",
      file: "k8s/api.yaml",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: api
          image: shop/api:1.4.2
          env:
            - name: FLASK_DEBUG
              value: "1"
            - name: LOG_LEVEL
              value: info
`,
      findings: [{ line: 13, column: 22 }],
      output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: api
          image: shop/api:1.4.2
          env:
            - name: LOG_LEVEL
              value: info
`,
    },
    {
      name: "Dockerfile ENV of the final stage",
      file: "Dockerfile",
      code: `FROM python:3.12-slim
ENV PYTHONUNBUFFERED=1 FLASK_DEBUG=true
CMD ["gunicorn", "app:app"]
`,
      findings: [{ line: 2, column: 36 }],
      output: `FROM python:3.12-slim
ENV PYTHONUNBUFFERED=1
CMD ["gunicorn", "app:app"]
`,
    },
  ],
});
