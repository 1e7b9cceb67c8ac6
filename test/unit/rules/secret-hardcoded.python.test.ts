import { ruleTester } from "../../helpers/ruleTester";

const withDotenv = { "requirements.txt": "Flask==3.0.3\npython-dotenv==1.0.1\n" };

ruleTester("secret-hardcoded", {
  valid: [
    {
      name: "values read from the environment, empty, masked, None",
      file: "app/settings.py",
      code: `import os

DB_PASSWORD = os.environ.get("DB_PASSWORD", "")
SMTP_PASSWORD = ""
REDACTED_SECRET = "********"


def masked(secret="***"):
    return secret


def connect(user, password=None):
    return (user, password or os.environ["DB_PASSWORD"])
`,
    },
    {
      name: "names that describe a secret rather than hold one",
      file: "app/names.py",
      code: `PASSWORD_FIELD = "password"
TOKEN_URL = "https://login.example.test/oauth2/token"
TOKEN_ENDPOINT_PATH = "/oauth2/token"
TOKEN_CACHE_SUFFIX = "billing:oauth:access-token"
PAGINATION_TOKEN_KEY = "NextPageToken"
SECRET_NAME = "shop/prod/payment-gateway"
API_KEY_HEADER = "X-Api-Key"
TOKEN_TYPE = "Bearer"
PASSWORD_MIN_LENGTH = "12"
DB_PASSWORD_FILE = "/run/secrets/db_password"
`,
    },
    {
      name: "pagination keys, form reads and templates",
      file: "app/views.py",
      code: `def page(client, request, user):
    client.list(NextToken="eyJvZmZzZXQiOjEwMH0")
    password = request.form["password"]
    token = f"{user.id}:{user.nonce}"
    header = {"Authorization": f"Bearer {user.token}"}
    return password, token, header
`,
    },
    {
      name: "template references and identifiers under secret names",
      file: "app/config.py",
      code: `DB_PASSWORD = "\${DB_PASSWORD}"
API_TOKEN = "{{ api_token }}"
SECRET_KEY = "$(SECRET_KEY)"
token = "ACCESS_TOKEN"
auth_token = "access_token"
`,
    },
    {
      name: "a known-format key is left to secret-known-format",
      file: "app/billing.py",
      code: `import stripe

stripe.api_key = "sk_live_4eC39HqLyjWDarjtT1zdp7dcXy"
`,
    },
    {
      name: "not a secret name",
      file: "app/db.py",
      code: `user = "shop"
host = "db.internal"
cache_key = "f3a91c07e2b84d5d9a6e0c4b7d2f8e13"
`,
    },
  ],
  invalid: [
    {
      name: "module constant; the fix loads .env and declares python-dotenv",
      file: "app/settings.py",
      code: `import os

SIGNING_SECRET = "f3a91c07e2b84d5d9a6e0c4b7d2f8e13"
`,
      findings: [{ line: 3, column: 18, messageIncludes: "f3a9…" }],
      output: `import os
from dotenv import load_dotenv

load_dotenv()

SIGNING_SECRET = os.environ["SIGNING_SECRET"]
`,
      outputFiles: {
        ".env": "SIGNING_SECRET=f3a91c07e2b84d5d9a6e0c4b7d2f8e13\n",
        ".gitignore": ".env\n",
        ".env.example": "SIGNING_SECRET=\n",
        "app/requirements.txt": "python-dotenv==1.0.1\n",
      },
    },
    {
      name: "dict key, camelCase, run-together name, subscript, keyword, multi-line call",
      file: "app/clients.py",
      files: withDotenv,
      code: `import os

import pymysql

mailer_settings = {"host": os.environ["SMTP_HOST"], "password": "Wint3r-Relay-88"}


class Loader:
    def load(self):
        dbPassword = "t7#Lq9vR2mXk"
        DATABASEPASSWORD = "orchid-lantern-52"
        self.data["api_key"] = "ak_51f0c2e9b7d34a8e"
        configure(api_key="pk_9d2e7c1a4b6f8e30")
        return pymysql.connect(
            host=os.environ["DB_HOST"],
            user="shop",
            password="Quartz!884",
        )
`,
      findings: [
        { line: 5, column: 65 },
        { line: 10, column: 22 },
        { line: 11, column: 28 },
        { line: 12, column: 32 },
        { line: 13, column: 27 },
        { line: 17, column: 22 },
      ],
      output: `import os

import pymysql

mailer_settings = {"host": os.environ["SMTP_HOST"], "password": os.environ["MAILER_PASSWORD"]}


class Loader:
    def load(self):
        dbPassword = "t7#Lq9vR2mXk"
        DATABASEPASSWORD = "orchid-lantern-52"
        self.data["api_key"] = "ak_51f0c2e9b7d34a8e"
        configure(api_key="pk_9d2e7c1a4b6f8e30")
        return pymysql.connect(
            host=os.environ["DB_HOST"],
            user="shop",
            password="Quartz!884",
        )
`,
      outputFiles: {
        ".env": "MAILER_PASSWORD=Wint3r-Relay-88\n",
        ".env.example": "MAILER_PASSWORD=\n",
      },
    },
    {
      name: "Flask config key, keeps the key as the variable name and adds import os",
      file: "app.py",
      files: withDotenv,
      code: `from flask import Flask

app = Flask(__name__)
app.config["SECRET_KEY"] = "4daf02224aba1f8c80109940dbd0d612"
`,
      findings: [{ line: 4, column: 28 }],
      output: `from flask import Flask
import os

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
`,
    },
    {
      name: "config class attribute with an aliased os import",
      file: "config.py",
      files: withDotenv,
      code: `import os as _os


class ProductionConfig:
    SECRET_KEY = 'c9d8e7f6a5b4c3d2e1f0'
    DEBUG = False
`,
      findings: [{ line: 5, column: 18 }],
      output: `import os as _os


class ProductionConfig:
    SECRET_KEY = _os.environ['SECRET_KEY']
    DEBUG = False
`,
    },
    {
      name: "default argument reads with .get",
      file: "client.py",
      files: withDotenv,
      code: `import os


def make_client(base_url, api_token="9c1f-77ab-41d2-bb30"):
    return (base_url, api_token)
`,
      findings: [{ line: 4, column: 37 }],
      output: `import os


def make_client(base_url, api_token=os.environ.get("API_TOKEN")):
    return (base_url, api_token)
`,
    },
    {
      name: "secret part of an f-string",
      file: "headers.py",
      files: withDotenv,
      code: `import os

auth_token = f"Bearer 9f8e7d6c5b4a3f2e1d0c{os.getpid()}"
`,
      findings: [{ line: 3, column: 14 }],
      output: `import os

auth_token = f"Bearer {os.environ['AUTH_TOKEN']}{os.getpid()}"
`,
      outputFiles: { ".env": "AUTH_TOKEN=9f8e7d6c5b4a3f2e1d0c\n" },
    },
    {
      name: "token after Bearer in a plain string becomes an f-string",
      file: "headers.py",
      files: withDotenv,
      code: `import os

HEADERS = {"Authorization": "Bearer 7Hq2Lr9Xc4Vb8Nm1Zp"}
`,
      findings: [{ line: 3, column: 29 }],
      output: `import os

HEADERS = {"Authorization": f"Bearer {os.environ['HEADERS_AUTHORIZATION']}"}
`,
    },
    {
      name: "a comparison against a literal password",
      file: "auth.py",
      files: withDotenv,
      code: `import os


def check(password):
    return password == "Adm1n-Gate-77"
`,
      findings: [{ line: 5, column: 24 }],
      output: `import os


def check(password):
    return password == os.environ["PASSWORD"]
`,
    },
    {
      name: "placeholders are hints",
      file: "settings.py",
      code: `API_KEY = "your-api-key"
DB_PASSWORD = "changeme"
`,
      findings: [
        { line: 1, column: 11, severity: "hint" },
        { line: 2, column: 15, severity: "hint" },
      ],
    },
    {
      name: "test files report at hint severity",
      file: "tests/test_login.py",
      code: `PASSWORD = "Sup3r-Long-Test-Pass-91"
`,
      findings: [{ line: 1, column: 12, severity: "hint" }],
    },
    {
      name: "setting os.environ in code has no automatic fix",
      file: "boot.py",
      code: `import os

os.environ["API_TOKEN"] = "a8f3e2d1c0b9a8f7e6d5"
`,
      findings: [{ line: 3, column: 27, messageIncludes: "deployment's environment" }],
      output: null,
    },
  ],
});
