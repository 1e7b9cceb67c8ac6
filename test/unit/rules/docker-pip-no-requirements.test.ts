import { ruleTester } from "../../helpers/ruleTester";

const image = (...lines: string[]) =>
  ["FROM python:3.12.4-slim", "WORKDIR /app", ...lines, 'CMD ["gunicorn", "app:app"]', ""].join(
    "\n",
  );

ruleTester("docker-pip-no-requirements", {
  valid: [
    {
      name: "-r",
      file: "Dockerfile",
      code: image("COPY requirements.txt .", "RUN pip install --no-cache-dir -r requirements.txt"),
    },
    {
      name: "the project itself",
      file: "Dockerfile",
      code: image("COPY . .", "RUN pip install --no-cache-dir ."),
    },
    {
      name: "editable project",
      file: "Dockerfile",
      code: image("COPY . .", "RUN pip install --no-cache-dir -e ."),
    },
    {
      name: "bootstrap tools",
      file: "Dockerfile",
      code: image(
        "RUN pip install --no-cache-dir --upgrade pip setuptools wheel",
        "RUN pip install poetry==1.8.3",
      ),
    },
    {
      name: "wheels from a folder",
      file: "Dockerfile",
      code: image("RUN pip install --no-index --find-links /wheels /wheels/*.whl"),
    },
    { name: "a variable", file: "Dockerfile", code: image('RUN pip install "$EXTRA_PACKAGES"') },
    {
      name: "constraints",
      file: "Dockerfile",
      code: image("RUN pip install -c constraints.txt flask"),
    },
    { name: "not an install", file: "Dockerfile", code: image("RUN pip download flask -d /tmp/x") },
  ],
  invalid: [
    {
      name: "named packages, requirements copied with COPY . .",
      file: "Dockerfile",
      code: image("COPY . .", "RUN pip install --no-cache-dir flask==3.0.3 gunicorn==22.0.0"),
      files: { "requirements.txt": "requests==2.32.3\n" },
      findings: [{ line: 4, column: 5, messageIncludes: "flask==3.0.3, gunicorn==22.0.0" }],
      output: image("COPY . .", "RUN pip install -r requirements.txt --no-cache-dir"),
      outputFiles: { "requirements.txt": "requests==2.32.3\nflask==3.0.3\ngunicorn==22.0.0\n" },
    },
    {
      name: "no COPY yet: the fix copies requirements.txt first",
      file: "Dockerfile",
      code: image("RUN pip install --no-cache-dir flask==3.0.3"),
      findings: [{ line: 3, column: 5 }],
      output: image(
        "COPY requirements.txt .",
        "RUN pip install -r requirements.txt --no-cache-dir",
      ),
      outputFiles: { "requirements.txt": "flask==3.0.3\n" },
    },
    {
      name: "requirements copied elsewhere",
      file: "Dockerfile",
      code: image("COPY requirements.txt /tmp/", "RUN pip install requests"),
      files: { "requirements.txt": "requests==2.32.3\n" },
      findings: [{ line: 4, column: 5 }],
      output: image("COPY requirements.txt /tmp/", "RUN pip install -r /tmp/requirements.txt"),
    },
    {
      name: "continued lines with tools and packages",
      file: "Dockerfile",
      code: image("COPY . .", "RUN pip install --upgrade pip \\", "    flask \\", "    gunicorn"),
      findings: [{ line: 4, column: 5 }],
      output: image("COPY . .", "RUN pip install -r requirements.txt --upgrade pip"),
      outputFiles: { "requirements.txt": "flask\ngunicorn\n" },
    },
    {
      name: "the requirements file is installed already: the command goes",
      file: "Dockerfile",
      code: image(
        "COPY requirements.txt .",
        "RUN pip install --no-cache-dir -r requirements.txt",
        "RUN pip install stripe",
      ),
      files: { "requirements.txt": "flask==3.0.3\n" },
      findings: [{ line: 5, column: 5 }],
      output: image(
        "COPY requirements.txt .",
        "RUN pip install --no-cache-dir -r requirements.txt",
      ),
      outputFiles: { "requirements.txt": "flask==3.0.3\nstripe\n" },
    },
    {
      name: "installed already in the same RUN: the chained command goes",
      file: "Dockerfile",
      code: image(
        "COPY requirements.txt ./",
        "RUN pip install -r ./requirements.txt && pip install --no-cache-dir -U stripe",
      ),
      files: { "requirements.txt": "flask==3.0.3\n" },
      findings: [{ line: 4, column: 42 }],
      output: image("COPY requirements.txt ./", "RUN pip install -r ./requirements.txt"),
    },
    {
      name: "installed already, but from another index: the command stays",
      file: "Dockerfile",
      code: image(
        "COPY requirements.txt .",
        "RUN pip install -r requirements.txt",
        "RUN pip install --index-url https://pypi.example.test/simple shop-client",
      ),
      findings: [{ line: 5, column: 5 }],
      output: image(
        "COPY requirements.txt .",
        "RUN pip install -r requirements.txt",
        "RUN pip install -r requirements.txt --index-url https://pypi.example.test/simple",
      ),
    },
    {
      name: "python -m pip with extras",
      file: "Dockerfile",
      code: image("RUN python -m pip install 'uvicorn[standard]==0.30.1'"),
      findings: [{ line: 3, column: 5, messageIncludes: "uvicorn[standard]==0.30.1" }],
    },
    {
      name: "second command of a RUN",
      file: "Dockerfile",
      code: image("RUN apt-get update && pip install boto3"),
      findings: [{ line: 3, column: 23 }],
    },
  ],
});
