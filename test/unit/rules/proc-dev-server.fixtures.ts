/** Small projects the proc-dev-server tests run against. */

export const FLASK_APP = `from flask import Flask

app = Flask(__name__)


@app.get("/")
def index():
    return "ok"


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000)
`;

export const FASTAPI_RELOAD = `import uvicorn
from fastapi import FastAPI

app = FastAPI()

if __name__ == "__main__":
    uvicorn.run(app, host="0.0.0.0", port=8000, reload=True)
`;

export const FASTAPI_SERVE = FASTAPI_RELOAD.replace(", reload=True", "");

export const WAITRESS_APP = `from flask import Flask
from waitress import serve

app = Flask(__name__)

if __name__ == "__main__":
    serve(app, host="0.0.0.0", port=8080)
`;

export const MANAGE_PY = `import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
`;

export const flaskProject = { "app.py": FLASK_APP, "requirements.txt": "Flask==3.0.3\n" };

export const djangoProject = {
  "manage.py": MANAGE_PY,
  "shop/__init__.py": "",
  "shop/wsgi.py": "application = None\n",
  "requirements.txt": "Django==5.0.7\ngunicorn==22.0.0\n",
};

export const withGunicorn = "Flask==3.0.3\ngunicorn==23.0.0\n";
