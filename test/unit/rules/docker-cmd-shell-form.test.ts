import { ruleTester } from "../../helpers/ruleTester";

const HEAD = "FROM python:3.12.4-slim\nWORKDIR /app\nUSER 10001\n";
const docker = (...lines: string[]) => HEAD + lines.join("\n") + "\n";

ruleTester("docker-cmd-shell-form", {
  valid: [
    { name: "exec form", file: "Dockerfile", code: docker('CMD ["gunicorn", "app:app"]') },
    {
      name: "exec form continued over lines",
      file: "Dockerfile",
      code: docker('ENTRYPOINT ["gunicorn", \\', '            "app:app"]'),
    },
    {
      name: "exec form with a string continued inside the quotes",
      file: "Dockerfile",
      code: docker(
        'CMD ["/bin/sh", "-c", \\',
        '     "python manage.py migrate && \\',
        '      exec gunicorn shop.wsgi:application"]',
      ),
    },
    {
      name: "shell-form CMD after an exec-form ENTRYPOINT",
      file: "Dockerfile",
      code: docker('ENTRYPOINT ["gunicorn"]', "CMD --bind 0.0.0.0:8000 app:app"),
    },
    {
      name: "exec-form ENTRYPOINT inherited from an earlier stage",
      file: "Dockerfile",
      code: docker('ENTRYPOINT ["tini", "--"]', "FROM base AS x", "CMD run-it").replace(
        "FROM python:3.12.4-slim",
        "FROM python:3.12.4-slim AS base",
      ),
    },
    {
      name: "an earlier shell-form CMD overridden in the same stage",
      file: "Dockerfile",
      code: docker("CMD gunicorn app:app", 'CMD ["gunicorn", "app:app"]'),
    },
    { name: "no CMD at all", file: "Dockerfile", code: docker("COPY . .") },
    { name: "empty exec form", file: "app.Dockerfile", code: docker("CMD []") },
    {
      name: "shell form in a RUN is not a start command",
      file: "Dockerfile",
      code: docker("RUN pip install -r requirements.txt && rm -rf /tmp/x", 'CMD ["app"]'),
    },
  ],
  invalid: [
    {
      name: "plain shell form",
      file: "Dockerfile",
      code: docker("CMD gunicorn --config gunicorn.conf.py shop.wsgi:application"),
      findings: [{ line: 4, column: 1, severity: "warning", messageIncludes: "PID 1" }],
      output: docker('CMD ["gunicorn", "--config", "gunicorn.conf.py", "shop.wsgi:application"]'),
    },
    {
      name: "single-quoted array",
      file: "Dockerfile.web",
      code: docker("CMD ['gunicorn', '--config', 'gunicorn.conf.py', 'app:app']"),
      findings: [{ line: 4, column: 1, messageIncludes: "Single quotes" }],
      output: docker('CMD ["gunicorn", "--config", "gunicorn.conf.py", "app:app"]'),
    },
    {
      name: "single-quoted element holding a double quote",
      file: "Dockerfile",
      code: docker(`CMD ['python', '-c', 'print("hi")']`),
      findings: [{ line: 4, column: 1 }],
      output: docker('CMD ["python", "-c", "print(\\"hi\\")"]'),
    },
    {
      name: "trailing comma",
      file: "Dockerfile",
      code: docker("ENTRYPOINT [\\", '    "gunicorn", \\', '    "app:app", \\', "]"),
      findings: [{ line: 4, column: 1, messageIncludes: "not valid JSON" }],
      output: docker('ENTRYPOINT ["gunicorn", "app:app"]'),
    },
    {
      name: "variables need the shell: sh -c with exec",
      file: "Dockerfile",
      code: docker('CMD gunicorn --bind "0.0.0.0:$PORT" --workers "${WEB_CONCURRENCY:-2}" app:app'),
      findings: [{ line: 4, column: 1 }],
      output: docker(
        'CMD ["sh", "-c", "exec gunicorn --bind \\"0.0.0.0:$PORT\\" --workers \\"${WEB_CONCURRENCY:-2}\\" app:app"]',
      ),
    },
    {
      name: "&& chain: exec goes before the last command",
      file: "Dockerfile",
      code: docker("CMD python manage.py migrate --noinput && gunicorn shop.wsgi:application"),
      findings: [{ line: 4, column: 1 }],
      output: docker(
        'CMD ["sh", "-c", "python manage.py migrate --noinput && exec gunicorn shop.wsgi:application"]',
      ),
    },
    {
      name: "exec prefix is only a hint",
      file: "Dockerfile",
      code: docker("CMD exec gunicorn --config gunicorn.conf.py app:app"),
      findings: [{ line: 4, column: 1, severity: "hint", messageIncludes: "exec" }],
      output: docker('CMD ["gunicorn", "--config", "gunicorn.conf.py", "app:app"]'),
    },
    {
      name: "a pipe cannot become PID 1: no fix",
      file: "Dockerfile",
      code: docker("CMD gunicorn app:app 2>&1 | tee /var/log/app.log"),
      findings: [{ line: 4, column: 1 }],
      output: null,
    },
    {
      name: "shell-form ENTRYPOINT with a CMD in the stage: no fix (the CMD would become arguments)",
      file: "Dockerfile",
      code: docker("ENTRYPOINT gunicorn app:app", 'CMD ["--workers", "2"]'),
      findings: [{ line: 4, column: 1 }],
      output: null,
    },
    {
      name: "shell-form ENTRYPOINT",
      file: "Dockerfile",
      code: docker("ENTRYPOINT node dist/server.js"),
      findings: [{ line: 4, column: 1 }],
      output: docker('ENTRYPOINT ["node", "dist/server.js"]'),
    },
    {
      name: "shell form continued over lines",
      file: "Dockerfile",
      code: docker("CMD gunicorn \\", "    --workers 2 \\", "    app:app"),
      findings: [{ line: 4, column: 1 }],
      output: docker('CMD ["gunicorn", "--workers", "2", "app:app"]'),
    },
    {
      name: "SHELL sets the shell the fix uses",
      file: "Dockerfile",
      code: docker('SHELL ["/bin/bash", "-o", "pipefail", "-c"]', "CMD gunicorn -b :$PORT app:app"),
      findings: [{ line: 5, column: 1 }],
      output: docker(
        'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
        'CMD ["/bin/bash", "-o", "pipefail", "-c", "exec gunicorn -b :$PORT app:app"]',
      ),
    },
    {
      name: "quotes are removed when splitting",
      file: "Dockerfile",
      code: docker(`CMD celery -A 'tasks' worker --loglevel="info"`),
      findings: [{ line: 4, column: 1 }],
      output: docker('CMD ["celery", "-A", "tasks", "worker", "--loglevel=info"]'),
    },
    {
      name: "each stage's start command counts",
      file: "Dockerfile",
      code: docker("CMD python -m http.server", "FROM nginx:1.27.0", 'CMD ["nginx"]'),
      findings: [{ line: 4, column: 1 }],
      output: docker('CMD ["python", "-m", "http.server"]', "FROM nginx:1.27.0", 'CMD ["nginx"]'),
    },
  ],
});
