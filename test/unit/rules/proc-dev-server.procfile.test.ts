import { ruleTester } from "../../helpers/ruleTester";
import { djangoProject, flaskProject, withGunicorn } from "./proc-dev-server.fixtures";

ruleTester("proc-dev-server", {
  valid: [
    { name: "gunicorn", file: "Procfile", code: "web: gunicorn app:app --bind 0.0.0.0:$PORT\n" },
    { name: "celery worker", file: "Procfile", code: "worker: celery -A tasks worker\n" },
    { name: "node", file: "Procfile", code: "web: node server.js\n" },
    {
      name: "flask subcommand other than run",
      file: "Procfile",
      code: "release: flask db upgrade\n",
    },
    { name: "uvicorn", file: "Procfile", code: "web: uvicorn main:app --port $PORT\n" },
    { name: "comments", file: "Procfile", code: "# web: flask run\n" },
  ],
  invalid: [
    {
      name: "python app.py on Flask",
      file: "Procfile",
      files: flaskProject,
      code: "web: python app.py\nworker: celery -A tasks worker\n",
      findings: [{ line: 1, column: 6 }],
      output:
        "web: gunicorn app:app --workers 4 --bind 0.0.0.0:$PORT\nworker: celery -A tasks worker\n",
      outputFiles: { "requirements.txt": withGunicorn },
    },
    {
      name: "flask --app with a factory",
      file: "Procfile",
      files: { "requirements.txt": withGunicorn },
      code: "web: flask --app 'shop:create_app()' run --port $PORT\n",
      findings: [{ line: 1, column: 6 }],
      output: "web: gunicorn 'shop:create_app()' --workers 4 --bind 0.0.0.0:$PORT\n",
    },
    {
      name: "manage.py runserver",
      file: "Procfile",
      files: djangoProject,
      code: "web: python manage.py runserver 0.0.0.0:$PORT\n",
      findings: [{ line: 1, column: 6, messageIncludes: "runserver" }],
      output: "web: gunicorn shop.wsgi:application --workers 4 --bind 0.0.0.0:$PORT\n",
    },
    {
      name: "npm run dev: no fix",
      file: "Procfile",
      code: "web: npm run dev\n",
      findings: [{ line: 1, column: 6 }],
      output: null,
    },
    {
      name: "uvicorn --reload",
      file: "Procfile",
      code: "web: uvicorn main:app --reload --reload-dir src --port $PORT\n",
      findings: [{ line: 1, column: 6 }],
      output: "web: uvicorn main:app --port $PORT\n",
    },
    {
      name: "next dev",
      file: "Procfile",
      code: "web: next dev -p $PORT\n",
      findings: [{ line: 1, column: 6 }],
      output: null,
    },
  ],
});
