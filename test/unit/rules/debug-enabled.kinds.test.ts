import { ruleTester, type InvalidCase, type ValidCase } from "../../helpers/ruleTester";

const valid = (file: string, code: string): ValidCase => ({ file, code });
const invalid = (file: string, code: string, line: number, column: number): InvalidCase => ({
  file,
  code,
  findings: [{ line, column }],
});
const compose = (entry: string) =>
  `services:\n  api:\n    image: x:1.0.0\n    environment:\n${entry}`;
const pod = (name: string, value: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - name: a\n      image: x:1.0.0\n      env:\n        - name: ${name}\n          value: ${value}\n`;

ruleTester("debug-enabled", {
  valid: [
    valid("a.py", "DEBUG = False\n"),
    valid("b.py", 'DEBUG = os.getenv("DEBUG", "0") == "1"\n'),
    valid("local_settings.py", "DEBUG = True\n"),
    valid("c.py", "class TestingConfig:\n    DEBUG = True\n"),
    valid("d.py", "def f():\n    logger.debug(True)\n    return run(verbose=True)\n"),
    valid("docker-compose.local.yml", compose("      - FLASK_DEBUG=1\n")),
    valid("docker-compose.prod.yml", compose("      FLASK_DEBUG: 0\n")),
    valid("compose.production.yaml", compose("      DEBUG: ${DEBUG:-0}\n")),
    valid("compose.test.yaml", compose("      DEBUG: 'true'\n")),
    valid("compose.prod.yml", compose("      NODE_DEBUG: http\n")),
    valid("k8s/a.yaml", pod("FLASK_DEBUG", '"0"')),
    valid("k8s/b.yaml", pod("DEBUG", '"false"')),
    valid("k8s/c.yaml", pod("LOG_LEVEL", "debug")),
    valid("k8s/d.yaml", pod("DEBUG", '"$(DEBUG_FLAG)"')),
    valid("k8s/e.yaml", pod("DEBUG_PORT", '"5678"')),
    valid("Dockerfile", "FROM python:3.12-slim\nENV FLASK_DEBUG=0\n"),
    valid("Dockerfile.b", "FROM python:3.12-slim\nARG DEBUG=1\n"),
    valid("Dockerfile.c", "FROM python:3.12-slim\nENV DEBUG_LEVEL=1\n"),
    valid("Dockerfile.d", "FROM python:3.12-slim\nENV FLASK_DEBUG=${FLASK_DEBUG}\n"),
    valid("Dockerfile.e", "FROM python:3.12-slim AS dev\nENV DEBUG=true\nFROM python:3.12-slim\n"),
  ],
  invalid: [
    invalid("e.py", "socketio.run(app, debug=True)\n", 1, 19),
    invalid("f.py", "app.run(debug=True)\n", 1, 9),
    invalid("g.py", "class ProductionConfig:\n    DEBUG = True\n", 2, 5),
    invalid("compose.prod.yaml", compose("      FLASK_DEBUG: 1\n"), 5, 20),
    invalid("docker-compose.production.yml", compose("      - DEBUG=true\n"), 5, 15),
    invalid("docker-compose.deploy.yml", compose("      DJANGO_DEBUG: 'True'\n"), 5, 21),
    invalid("compose.live.yml", compose("      APP_DEBUG: yes\n"), 5, 18),
    invalid("compose.release.yml", compose('      - "FLASK_DEBUG=on"\n'), 5, 22),
    invalid("k8s/f.yaml", pod("DEBUG", '"true"'), 11, 18),
    invalid("k8s/g.yaml", pod("DJANGO_DEBUG", '"True"'), 11, 18),
    invalid("k8s/h.yaml", pod("APP_DEBUG", '"1"'), 11, 18),
    invalid("k8s/i.yaml", pod("FLASK_DEBUG", '"on"'), 11, 18),
    invalid("k8s/j.yaml", pod("DEBUG", '"yes"'), 11, 18),
    invalid("Dockerfile.f", "FROM python:3.12-slim\nENV DEBUG=true\n", 2, 11),
    invalid("Dockerfile.g", "FROM python:3.12-slim\nENV DJANGO_DEBUG True\n", 2, 18),
    invalid("Dockerfile.h", "FROM python:3.12-slim\nENV APP_DEBUG=1 PORT=8000\n", 2, 15),
    invalid("Dockerfile.i", 'FROM python:3.12-slim\nENV FLASK_DEBUG="1"\n', 2, 17),
    {
      name: "the only env item goes with its env key",
      file: "k8s/k.yaml",
      code: pod("FLASK_DEBUG", '"1"').replace("      env:", "      # settings\n      env:"),
      findings: [{ line: 12, column: 18 }],
      output:
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - name: a\n      image: x:1.0.0\n      # settings\n",
    },
    {
      name: "an env list that keeps other items keeps its key",
      file: "k8s/l.yaml",
      code: `${pod("DEBUG", '"true"')}        - name: PORT\n          value: "8000"\n`,
      findings: [{ line: 11, column: 18 }],
      output: `${pod("DEBUG", '"true"').split("        - name: DEBUG")[0]}        - name: PORT\n          value: "8000"\n`,
    },
    {
      name: "the only env item before other container keys",
      file: "k8s/m.yaml",
      code: `${pod("DEBUG", '"1"')}      ports:\n        - containerPort: 8000\n`,
      findings: [{ line: 11, column: 18 }],
      output:
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - name: a\n      image: x:1.0.0\n      ports:\n        - containerPort: 8000\n",
    },
    {
      name: "an env key that opens its list item stays, as an empty list",
      file: "k8s/n.yaml",
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - env:\n        - name: DEBUG\n          value: "1"\n      name: a\n      image: x:1.0.0\n',
      findings: [{ line: 9, column: 18 }],
      output:
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - env: []\n      name: a\n      image: x:1.0.0\n",
    },
    {
      name: "the only compose environment list item goes with its key",
      file: "compose.prod.yml",
      code: `${compose("      - FLASK_DEBUG=1\n")}    ports:\n      - "8000:8000"\n`,
      findings: [{ line: 5, column: 21 }],
      output: 'services:\n  api:\n    image: x:1.0.0\n    ports:\n      - "8000:8000"\n',
    },
    {
      name: "the only compose environment mapping entry goes with its key",
      file: "compose.deploy.yml",
      code: compose("      DEBUG: 'true'\n"),
      findings: [{ line: 5, column: 14 }],
      output: "services:\n  api:\n    image: x:1.0.0\n",
    },
    {
      name: "a flow environment list with one item",
      file: "compose.live.yaml",
      code: "services:\n  api:\n    image: x:1.0.0\n    environment: [FLASK_DEBUG=1]\n",
      findings: [{ line: 4, column: 31 }],
      output: "services:\n  api:\n    image: x:1.0.0\n",
    },
    invalid(
      "Dockerfile.j",
      "FROM python:3.12-slim AS base\nFROM base\nENV FLASK_DEBUG=yes\n",
      3,
      17,
    ),
  ],
});
