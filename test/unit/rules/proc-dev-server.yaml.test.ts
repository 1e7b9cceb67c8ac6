import { ruleTester } from "../../helpers/ruleTester";
import { djangoProject, flaskProject, withGunicorn } from "./proc-dev-server.fixtures";

const compose = (command: string) =>
  `services:\n  web:\n    build: .\n${command ? `    command: ${command}\n` : ""}    ports:\n      - "5000:5000"\n`;
const pod = (container: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: shop/api:1.2.0\n${container}`;

ruleTester("proc-dev-server", {
  valid: [
    { name: "compose gunicorn", file: "docker-compose.yml", code: compose("gunicorn app:app") },
    { name: "compose without command", file: "docker-compose.yml", code: compose("") },
    {
      name: "a compose file for development",
      file: "docker-compose.dev.yml",
      files: flaskProject,
      code: compose("flask run --host 0.0.0.0"),
    },
    {
      name: "compose override",
      file: "docker-compose.override.yml",
      code: compose('["npm", "run", "dev"]'),
    },
    {
      name: "compose uvicorn list",
      file: "compose.yaml",
      code: compose('["uvicorn", "main:app", "--host", "0.0.0.0"]'),
    },
    {
      name: "k8s gunicorn",
      file: "k8s/pod.yaml",
      code: pod('      command: ["gunicorn", "app:app"]\n'),
    },
    { name: "k8s without command", file: "k8s/pod.yaml", code: pod("") },
    { name: "k8s node", file: "k8s/pod.yaml", code: pod("      args: [node, server.js]\n") },
    {
      name: "k8s init container",
      file: "k8s/pod.yaml",
      code: pod(
        "  initContainers:\n    - name: db\n      image: shop/api:1.2.0\n      command: [flask, db, upgrade]\n",
      ),
    },
    {
      name: "k8s uvicorn without reload",
      file: "k8s/pod.yaml",
      code: pod('      command: ["uvicorn", "main:app"]\n'),
    },
  ],
  invalid: [
    {
      name: "compose flask run string",
      file: "docker-compose.yml",
      files: flaskProject,
      code: compose("flask run --host 0.0.0.0 --port 5000"),
      findings: [{ line: 4, column: 14 }],
      output: compose("gunicorn app:app --workers 4 --bind 0.0.0.0:5000"),
      outputFiles: { "requirements.txt": withGunicorn },
    },
    {
      name: "compose flask run with FLASK_APP from the service environment",
      file: "docker-compose.yml",
      files: { "shop.py": flaskProject["app.py"] },
      code: compose("flask run\n    environment:\n      - FLASK_APP=shop.py"),
      findings: [{ line: 4, column: 14 }],
      output: compose(
        "gunicorn shop:app --workers 4 --bind 0.0.0.0:5000\n    environment:\n      - FLASK_APP=shop.py",
      ),
    },
    {
      name: "compose python app.py list",
      file: "docker-compose.yml",
      files: flaskProject,
      code: compose('["python", "app.py"]'),
      findings: [{ line: 4, column: 14 }],
      output: compose('["gunicorn", "app:app", "--workers", "4", "--bind", "0.0.0.0:5000"]'),
    },
    {
      name: "compose runserver",
      file: "docker-compose.yml",
      files: djangoProject,
      code: compose("python manage.py runserver 0.0.0.0:8000"),
      findings: [{ line: 4, column: 14 }],
      output: compose("gunicorn shop.wsgi:application --workers 4 --bind 0.0.0.0:8000"),
    },
    {
      name: "compose nodemon",
      file: "docker-compose.yml",
      code: compose("nodemon index.js"),
      findings: [{ line: 4, column: 14 }],
      output: compose("node index.js"),
    },
    {
      name: "compose sh -c with npm run dev: no fix",
      file: "docker-compose.yml",
      code: compose('sh -c "npm install && npm run dev"'),
      findings: [{ line: 4, column: 14 }],
      output: null,
    },
    {
      name: "k8s python app.py",
      file: "k8s/pod.yaml",
      files: flaskProject,
      code: pod("      command: [python, app.py] # start\n"),
      findings: [{ line: 9, column: 16 }],
      output: pod(
        '      command: ["gunicorn", "app:app", "--workers", "4", "--bind", "0.0.0.0:5000"] # start\n',
      ),
    },
    {
      name: "k8s uvicorn with --reload in args",
      file: "k8s/pod.yaml",
      code: pod(
        "      command: [uvicorn]\n      args:\n        - main:app\n        - --reload\n      ports: []\n",
      ),
      findings: [{ line: 9, column: 16 }],
      output: pod('      command: ["uvicorn", "main:app"]\n      ports: []\n'),
    },
    {
      name: "k8s args only",
      file: "k8s/pod.yaml",
      files: flaskProject,
      code: pod("      args: [flask, run]\n"),
      findings: [{ line: 9, column: 13 }],
      output: pod(
        '      args: ["gunicorn", "app:app", "--workers", "4", "--bind", "0.0.0.0:5000"]\n',
      ),
    },
    {
      name: "k8s sh -c runserver",
      file: "k8s/pod.yaml",
      files: djangoProject,
      code: pod('      command: ["sh", "-c", "python manage.py runserver 0.0.0.0:8000"]\n'),
      findings: [{ line: 9, column: 16 }],
      output: pod(
        '      command: ["gunicorn", "shop.wsgi:application", "--workers", "4", "--bind", "0.0.0.0:8000"]\n',
      ),
    },
    {
      name: "k8s nodemon",
      file: "k8s/pod.yaml",
      code: pod("      command: [nodemon, server.js]\n"),
      findings: [{ line: 9, column: 16 }],
      output: pod('      command: ["node", "server.js"]\n'),
    },
  ],
});
