import { ruleTester } from "../../helpers/ruleTester";

const HASHED = `gunicorn==22.0.0 \\
    --hash=sha256:323e96dff074b6c0701601f3d29af24611fae2fdbf457f8c63d4c17d5dd35c01
    # via -r requirements.in
`;

const SHA = "dfcd5442f33b1be02d71973726f342c702d9165c";

const pyproject = (deps: string, extra = "") => `[project]
name = "shop"
version = "1.0.0"
dependencies = [
${deps}
]
${extra}`;

ruleTester("dep-unpinned-python", {
  valid: [
    {
      name: "a .txt file no requirements file includes is not a requirements file",
      file: "deps/common.txt",
      code: "requests>=2.31\n",
      files: { "requirements.txt": "Flask==3.0.3\n" },
    },
    {
      name: "a file only named by -c is constraints, not requirements",
      file: "deps/limits.txt",
      code: "requests>=2.31\n",
      files: { "requirements.txt": "-c deps/limits.txt\nrequests==2.32.3\n" },
    },
    { name: "== pins", file: "requirements.txt", code: "Flask==3.0.3\nSQLAlchemy===2.0.31\n" },
    { name: "extras and ==", file: "requirements.txt", code: "celery[redis]==5.4.0\n" },
    {
      name: "== with a marker",
      file: "requirements.txt",
      code: 'tomli==2.0.1 ; python_version < "3.11"\n',
    },
    { name: "== with hashes and a via comment", file: "requirements.txt", code: HASHED },
    {
      name: "options, includes and constraints are not packages",
      file: "requirements.txt",
      code: "--index-url https://pypi.org/simple\n-r base.txt\n-c constraints.txt\n",
      files: { "base.txt": "Flask==3.0.3\n", "constraints.txt": "urllib3<3\n" },
    },
    {
      name: "VCS pinned to a commit",
      file: "requirements.txt",
      code: `shop-auth @ git+https://git.example.test/shop/auth.git@${SHA}\n-e git+https://git.example.test/x.git@${SHA}#egg=x\n`,
    },
    {
      name: "VCS pinned to a version tag",
      file: "requirements.txt",
      code: "lib @ git+https://git.example.test/lib.git@v1.4.2\n",
    },
    {
      name: "editable local path, even missing",
      file: "requirements.txt",
      code: "-e ./libs/shop-common\n-e .\n./wheels/x-1.0-py3-none-any.whl\n",
    },
    {
      name: "archive URL",
      file: "requirements.txt",
      code: "https://files.example.test/pkg-1.0.tar.gz\n",
    },
    { name: "constraints file by name", file: "requirements/constraints.txt", code: "urllib3<3\n" },
    {
      name: "constraints file by -c",
      file: "requirements/limits.txt",
      code: "urllib3<3\n",
      files: { "requirements.txt": "-c requirements/limits.txt\nrequests==2.32.3\n" },
    },
    {
      name: "pip-tools input compiled beside it",
      file: "requirements.in",
      code: "flask>=3\n",
      files: { "requirements.txt": "flask==3.0.3\n" },
    },
    {
      name: "comments and blank lines",
      file: "requirements.txt",
      code: "# pinned\n\nFlask==3.0.3  # web\n",
    },
    {
      name: "pyproject all ==",
      file: "pyproject.toml",
      code: pyproject('  "PyYAML==6.0.1",\n  "boto3==1.35.99",'),
    },
    {
      name: "pyproject without [project]",
      file: "pyproject.toml",
      code: "[tool.black]\nline-length = 100\n",
    },
    {
      name: "pyproject build-system ranges",
      file: "pyproject.toml",
      code: pyproject("", '[build-system]\nrequires = ["hatchling>=1.25"]\n'),
    },
    {
      name: "pyproject VCS pinned to a commit and extras with ==",
      file: "pyproject.toml",
      code: pyproject(
        `  "lib @ git+https://git.example.test/lib.git@${SHA}",\n  "celery[redis]==5.4.0",`,
      ),
    },
    {
      name: "invalid TOML gets no diagnostic",
      file: "pyproject.toml",
      code: "[project\ndependencies = [\n",
    },
  ],
  invalid: [
    {
      name: ">= with nothing installed or locked: no fix, never the lower bound",
      file: "requirements.txt",
      code: "requests>=2.31\nPyYAML==6.0.1\n",
      findings: [{ line: 1, column: 1, messageIncludes: "requests>=2.31" }],
      output: null,
    },
    {
      name: "a file that requirements.txt includes with -r is read whatever its name",
      file: "deps/common.txt",
      code: "requests>=2.31\n",
      files: { "requirements.txt": "-r deps/common.txt\n" },
      findings: [{ line: 1, column: 1, messageIncludes: "requests>=2.31" }],
      output: null,
    },
    {
      name: "~= with nothing to pin to: the message says how to pin by hand",
      file: "requirements.txt",
      code: "pika~=1.3\n",
      findings: [{ line: 1, column: 1, messageIncludes: "pip-compile" }],
      output: null,
    },
    {
      name: "~= keeps the extras, version from uv.lock",
      file: "requirements.txt",
      code: "uvicorn[standard]~=0.30.1\n",
      files: { "uv.lock": '[[package]]\nname = "uvicorn"\nversion = "0.30.6"\n' },
      findings: [{ line: 1, column: 1, messageIncludes: "uvicorn[standard]~=0.30.1" }],
      output: "uvicorn[standard]==0.30.6\n",
    },
    {
      name: "a name matched by PEP 503 normalisation in the virtualenv",
      file: "api/requirements.txt",
      code: "Flask-SQLAlchemy>=3.0\n",
      files: {
        "api/venv/lib/python3.12/site-packages/flask_sqlalchemy-3.1.1.dist-info/RECORD": "",
      },
      findings: [{ line: 1, column: 1 }],
      output: "Flask-SQLAlchemy==3.1.1\n",
    },
    {
      name: "version from pdm.lock",
      file: "requirements.txt",
      code: "apscheduler>=3.10\n",
      files: { "pdm.lock": '[[package]]\nname = "APScheduler"\nversion = "3.10.4"\n' },
      findings: [{ line: 1, column: 1 }],
      output: "apscheduler==3.10.4\n",
    },
    {
      name: "range keeps the marker, version from the virtualenv",
      file: "requirements.txt",
      code: 'requests>=2.31 ; python_version >= "3.8"\n',
      files: {
        ".venv/lib/python3.12/site-packages/requests-2.32.3.dist-info/METADATA": "Name: requests\n",
      },
      findings: [{ line: 1, column: 1 }],
      output: 'requests==2.32.3 ; python_version >= "3.8"\n',
    },
    {
      name: "bare name pinned from poetry.lock",
      file: "requirements.txt",
      code: "flask\n",
      files: { "poetry.lock": '[[package]]\nname = "Flask"\nversion = "3.0.3"\n' },
      findings: [{ line: 1, column: 1 }],
      output: "flask==3.0.3\n",
    },
    {
      name: "bare name with nothing to pin to: no fix",
      file: "requirements.txt",
      code: "flask\n",
      findings: [{ line: 1, column: 1, messageIncludes: "pip freeze" }],
      output: null,
    },
    {
      name: "installed version outside the range is not used",
      file: "requirements.txt",
      code: "django>=4.2,<5\n",
      files: { "venv/lib/python3.11/site-packages/Django-5.0.7.dist-info/RECORD": "" },
      findings: [{ line: 1, column: 1, messageIncludes: "5.0.7" }],
      output: null,
    },
    {
      name: "VCS on a branch, no fix",
      file: "requirements.txt",
      code: "shop-theme @ git+https://git.example.test/shop/theme.git@main\n",
      findings: [{ line: 1, column: 1, messageIncludes: '"main"' }],
      output: null,
    },
    {
      name: "VCS without a ref",
      file: "requirements.txt",
      code: "-e git+https://git.example.test/shop/theme.git#egg=theme\n",
      findings: [{ line: 1, column: 4, messageIncludes: "default branch" }],
    },
    {
      name: "through -r: reported in the included file",
      file: "requirements/base.txt",
      code: "requests>=2.31\nPyYAML==6.0.1\n",
      files: {
        "requirements.txt": "-r requirements/base.txt\n",
        ".venv/lib/python3.12/site-packages/requests-2.32.3.dist-info/RECORD": "",
      },
      findings: [{ line: 1, column: 1 }],
      output: "requests==2.32.3\nPyYAML==6.0.1\n",
    },
    {
      name: "continued requirement",
      file: "requirements.txt",
      code: "flask>=3.0 \\\n    --hash=sha256:abc\n",
      files: { "poetry.lock": '[[package]]\nname = "flask"\nversion = "3.0.3"\n' },
      findings: [{ line: 1, column: 1 }],
      output: "flask==3.0.3 \\\n    --hash=sha256:abc\n",
    },
    {
      name: "pyproject dependency range, no lock: warning; version from the virtualenv",
      file: "pyproject.toml",
      code: pyproject('  "PyYAML>=6.0",\n  "boto3==1.35.99",'),
      files: { ".venv/lib/python3.12/site-packages/PyYAML-6.0.2.dist-info/RECORD": "" },
      findings: [{ line: 5, column: 4, severity: "warning" }],
      output: pyproject('  "PyYAML==6.0.2",\n  "boto3==1.35.99",'),
    },
    {
      name: "pyproject optional dependencies with a lock: info",
      file: "pyproject.toml",
      code: pyproject("", '[project.optional-dependencies]\ndev = ["pytest~=8.2"]\n'),
      files: { "uv.lock": '[[package]]\nname = "pytest"\nversion = "8.3.1"\n' },
      findings: [{ line: 8, column: 9, severity: "info" }],
      output: pyproject("", '[project.optional-dependencies]\ndev = ["pytest==8.3.1"]\n'),
    },
    {
      name: "pyproject VCS dependency on a branch",
      file: "pyproject.toml",
      code: pyproject('  "lib @ git+https://git.example.test/lib.git@develop",'),
      findings: [{ line: 5, column: 4, messageIncludes: '"develop"' }],
      output: null,
    },
    {
      name: "pyproject range with a marker, several clauses",
      file: "pyproject.toml",
      code: pyproject(`  'tomli>=2.0,<3 ; python_version < "3.11"',`),
      files: { "env/lib/python3.10/site-packages/tomli-2.0.1.dist-info/RECORD": "" },
      findings: [{ line: 5, column: 4 }],
      output: pyproject(`  'tomli==2.0.1 ; python_version < "3.11"',`),
    },
    {
      name: "pyproject bare name with extras",
      file: "pyproject.toml",
      code: pyproject('  "celery[redis]",'),
      files: { "Pipfile.lock": '{"default": {"celery": {"version": "==5.4.0"}}}' },
      findings: [{ line: 5, column: 4 }],
      output: pyproject('  "celery[redis]==5.4.0",'),
    },
  ],
});
