import { ruleTester } from "../../helpers/ruleTester";
import {
  djangoProject,
  FASTAPI_RELOAD,
  FASTAPI_SERVE,
  flaskProject,
  WAITRESS_APP,
  withGunicorn,
} from "./proc-dev-server.fixtures";

const docker = (...l: string[]) =>
  ["FROM python:3.12.4-slim", "WORKDIR /app", ...l].join("\n") + "\n";

ruleTester("proc-dev-server", {
  valid: [
    { name: "gunicorn", file: "Dockerfile", code: docker('CMD ["gunicorn", "app:app"]') },
    {
      name: "python -m gunicorn",
      file: "Dockerfile",
      code: docker('CMD ["python", "-m", "gunicorn", "admin.wsgi:application"]'),
    },
    {
      name: "uvicorn without --reload",
      file: "Dockerfile",
      code: docker('CMD ["uvicorn", "main:app", "--host", "0.0.0.0"]'),
    },
    { name: "node server.js", file: "Dockerfile", code: docker('CMD ["node", "server.js"]') },
    {
      name: "a script that is not a web app",
      file: "Dockerfile",
      files: { "worker.py": "print('working')\n" },
      code: docker('CMD ["python", "worker.py"]'),
    },
    {
      name: "a script the workspace does not have",
      file: "Dockerfile",
      code: docker('CMD ["python", "app.py"]'),
    },
    {
      name: "a Flask script served by waitress",
      file: "Dockerfile",
      files: { "app.py": WAITRESS_APP },
      code: docker('CMD ["python", "app.py"]'),
    },
    {
      name: "FastAPI script running uvicorn without reload",
      file: "Dockerfile",
      files: { "main.py": FASTAPI_SERVE },
      code: docker('CMD ["python", "main.py"]'),
    },
    {
      name: "a dev server in a non-final stage",
      file: "Dockerfile",
      files: flaskProject,
      code: docker(
        'CMD ["flask", "run"]',
        "FROM python:3.12.4-slim",
        'CMD ["hypercorn", "app:app"]',
      ),
    },
  ],
  invalid: [
    {
      name: "python app.py on a Flask app: gunicorn with sh -c for $PORT, gunicorn added",
      file: "Dockerfile",
      files: flaskProject,
      code: docker("COPY . .", 'CMD ["python", "app.py"]'),
      findings: [{ line: 4, column: 1, messageIncludes: "python app.py" }],
      output: docker(
        "COPY . .",
        'CMD ["sh", "-c", "exec gunicorn app:app --workers 4 --bind 0.0.0.0:${PORT:-5000}"]',
      ),
      outputFiles: { "requirements.txt": withGunicorn },
    },
    {
      name: "flask run in shell form",
      file: "Dockerfile",
      files: flaskProject,
      code: docker("CMD flask run --host=0.0.0.0"),
      findings: [{ line: 3, column: 1, messageIncludes: "flask run" }],
      output: docker(
        'CMD ["sh", "-c", "exec gunicorn app:app --workers 4 --bind 0.0.0.0:${PORT:-5000}"]',
      ),
    },
    {
      name: "runserver after migrate keeps the chain",
      file: "Dockerfile",
      files: djangoProject,
      code: docker("CMD python manage.py migrate && python manage.py runserver 0.0.0.0:8000"),
      findings: [{ line: 3, column: 1 }],
      output: docker(
        'CMD ["sh", "-c", "python manage.py migrate && exec gunicorn shop.wsgi:application --workers 4 --bind 0.0.0.0:${PORT:-8000}"]',
      ),
    },
    {
      name: "uvicorn --reload loses --reload",
      file: "Dockerfile",
      code: docker('CMD ["uvicorn", "main:app", "--host", "0.0.0.0", "--reload"]'),
      findings: [{ line: 3, column: 1, messageIncludes: "--reload" }],
      output: docker('CMD ["uvicorn", "main:app", "--host", "0.0.0.0"]'),
    },
    {
      name: "npm run dev: no fix",
      file: "Dockerfile",
      code: docker('CMD ["npm", "run", "dev"]'),
      findings: [{ line: 3, column: 1 }],
      output: null,
    },
    {
      name: "nodemon becomes node",
      file: "Dockerfile",
      code: docker('CMD ["nodemon", "server.js"]'),
      findings: [{ line: 3, column: 1 }],
      output: docker('CMD ["node", "server.js"]'),
    },
    {
      name: "python main.py on FastAPI with reload=True becomes uvicorn",
      file: "Dockerfile",
      files: { "main.py": FASTAPI_RELOAD },
      code: docker('CMD ["python", "main.py"]'),
      findings: [{ line: 3, column: 1 }],
      output: docker(
        'CMD ["sh", "-c", "exec uvicorn main:app --host 0.0.0.0 --port ${PORT:-8000}"]',
      ),
    },
    {
      name: "ENTRYPOINT python with CMD app.py: reported on the CMD, no fix",
      file: "Dockerfile",
      files: flaskProject,
      code: docker('ENTRYPOINT ["python"]', 'CMD ["app.py"]'),
      findings: [{ line: 4, column: 1 }],
      output: null,
    },
    {
      name: "next dev",
      file: "Dockerfile",
      code: docker('CMD ["npx", "next", "dev"]'),
      findings: [{ line: 3, column: 1, messageIncludes: "next dev" }],
      output: null,
    },
  ],
});
