import { ruleTester } from "../../helpers/ruleTester";

const image = (...lines: string[]) =>
  [
    "FROM python:3.12.4-slim",
    "WORKDIR /app",
    "COPY requirements.txt .",
    ...lines,
    'CMD ["gunicorn", "app:app"]',
    "",
  ].join("\n");

ruleTester("docker-pip-cache", {
  valid: [
    {
      name: "--no-cache-dir",
      file: "Dockerfile",
      code: image("RUN pip install --no-cache-dir -r requirements.txt"),
    },
    {
      name: "ENV PIP_NO_CACHE_DIR",
      file: "Dockerfile",
      code: image("ENV PIP_NO_CACHE_DIR=1", "RUN pip install -r requirements.txt"),
    },
    {
      name: "cache mount",
      file: "Dockerfile",
      code: image("RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt"),
    },
    {
      name: "inline variable",
      file: "Dockerfile",
      code: image("RUN PIP_NO_CACHE_DIR=1 pip install -r requirements.txt"),
    },
    {
      name: "cache removed in the same layer",
      file: "Dockerfile",
      code: image("RUN pip install -r requirements.txt && rm -rf /root/.cache/pip"),
    },
    {
      name: "pip cache purge",
      file: "Dockerfile",
      code: image("RUN pip install -r requirements.txt && pip cache purge"),
    },
    {
      name: "build stage whose layers are not shipped",
      file: "Dockerfile",
      code: [
        "FROM python:3.12.4-slim AS deps",
        "RUN pip install --user -r requirements.txt",
        "FROM python:3.12.4-slim",
        "COPY --from=deps /root/.local /root/.local",
        "",
      ].join("\n"),
    },
    {
      name: "not pip",
      file: "Dockerfile",
      code: image("RUN pip wheel -r requirements.txt -w /wheels", "RUN echo pip install x"),
    },
    {
      name: "exec-form RUN is not read",
      file: "Dockerfile",
      code: image('RUN ["pip", "install", "-r", "requirements.txt"]'),
    },
  ],
  invalid: [
    {
      name: "plain pip install",
      file: "Dockerfile",
      code: image("RUN pip install -r requirements.txt"),
      findings: [{ line: 4, column: 5 }],
      output: image("RUN pip install --no-cache-dir -r requirements.txt"),
    },
    {
      name: "python -m pip after &&",
      file: "Dockerfile",
      code: image("RUN apt-get update && python3 -m pip install -r requirements.txt"),
      findings: [{ line: 4, column: 23 }],
      output: image(
        "RUN apt-get update && python3 -m pip install --no-cache-dir -r requirements.txt",
      ),
    },
    {
      name: "continued lines",
      file: "Dockerfile",
      code: image("RUN pip3 install \\", "    -r requirements.txt"),
      findings: [{ line: 4, column: 5 }],
      output: image("RUN pip3 install --no-cache-dir \\", "    -r requirements.txt"),
    },
    {
      name: "two installs in one RUN",
      file: "Dockerfile",
      code: image("RUN pip install --upgrade pip; pip install -r requirements.txt"),
      findings: [
        { line: 4, column: 5 },
        { line: 4, column: 32 },
      ],
      output: image(
        "RUN pip install --no-cache-dir --upgrade pip; pip install -r requirements.txt",
      ),
    },
    {
      name: "stage the final image builds on",
      file: "Dockerfile",
      code: [
        "FROM python:3.12.4-slim AS base",
        "RUN pip install -r requirements.txt",
        "FROM base",
        "USER 10001",
        "",
      ].join("\n"),
      findings: [{ line: 2, column: 5 }],
    },
    {
      name: "ENV after the RUN does not count",
      file: "Dockerfile",
      code: image("RUN pip install -r requirements.txt", "ENV PIP_NO_CACHE_DIR=1"),
      findings: [{ line: 4, column: 5, severity: "info" }],
    },
  ],
});
