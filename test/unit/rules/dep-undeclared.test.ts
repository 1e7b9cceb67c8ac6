import { ruleTester } from "../../helpers/ruleTester";

const REQS = { "requirements.txt": "Flask==3.0.3\nPyYAML==6.0.1\n" };
const PKG = (deps: Record<string, string>, extra: Record<string, unknown> = {}) =>
  `${JSON.stringify({ name: "web", version: "1.0.0", dependencies: deps, ...extra }, null, 2)}\n`;
const JS_PKG = {
  "package.json": PKG({ express: "4.19.2", lodash: "4.17.21", "@sentry/node": "8.19.0" }),
};

const pyproject = (deps: string) =>
  `[project]\nname = "shopcore"\nversion = "0.4.0"\ndependencies = [\n${deps}]\n`;

ruleTester("dep-undeclared", {
  valid: [
    {
      name: "import names mapped to distributions",
      file: "app/loader.py",
      code: "import yaml\nimport jwt\nfrom bs4 import BeautifulSoup\nfrom dotenv import load_dotenv\nfrom PIL import Image\nimport cv2\n",
      files: {
        "requirements.txt":
          "PyYAML==6.0.1\nPyJWT==2.8.0\nbeautifulsoup4==4.12.3\npython-dotenv==1.0.1\nPillow==10.4.0\nopencv-python-headless==4.10.0.84\n",
      },
    },
    {
      name: "stdlib, relative and local modules",
      file: "app/main.py",
      code: "import os, sys\nimport tomllib\nfrom . import views\nfrom .models import Order\nimport helpers\nfrom app.models import Order\n",
      files: { ...REQS, "app/helpers.py": "", "app/__init__.py": "", "app/models.py": "" },
    },
    {
      name: "src layout and the project itself",
      file: "src/shopcore/loader.py",
      code: "from shopcore.models import Order\nimport yaml\n",
      files: {
        "pyproject.toml": pyproject('  "PyYAML==6.0.1",\n'),
        "src/shopcore/__init__.py": "",
      },
    },
    {
      name: "optional and type-only imports",
      file: "app.py",
      code: "try:\n    import ujson as json\nexcept ImportError:\n    import json\nfrom typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import boto3\n",
      files: REQS,
    },
    {
      name: "names normalised, -r includes, poetry, Pipfile and setup.cfg",
      file: "svc/app.py",
      code: "import flask_sqlalchemy\nimport requests\nimport redis\nimport celery\nimport psycopg2\n",
      files: {
        "svc/requirements.txt": "-r requirements/base.txt\nflask-sqlalchemy==3.1.1\n",
        "svc/requirements/base.txt": "Requests==2.32.3\n",
        "svc/pyproject.toml": '[tool.poetry.dependencies]\npython = "^3.12"\nredis = "5.0.7"\n',
        "svc/Pipfile": '[packages]\ncelery = "==5.4.0"\n',
        "svc/setup.cfg": "[options]\ninstall_requires =\n    psycopg2-binary==2.9.9\n",
      },
    },
    {
      name: "installed metadata maps the import",
      file: "job.py",
      code: "import shopclient\n",
      files: {
        "requirements.txt": "shop-api-client==1.2.0\n",
        ".venv/lib/python3.12/site-packages/shop_api_client-1.2.0.dist-info/top_level.txt":
          "shopclient\n",
      },
    },
    {
      name: "setup.py with unreadable requirements: nothing is called undeclared",
      file: "tool.py",
      code: "import boto3\n",
      files: { "setup.py": "from setuptools import setup\nsetup(install_requires=read_reqs())\n" },
    },
    { name: "no manifest: another rule's business", file: "script.py", code: "import requests\n" },
    {
      name: "JS builtins, subpaths, scoped packages and relative paths",
      file: "web/index.js",
      code: "const fs = require('node:fs');\nconst cp = require('child_process');\nconst p = require('fs/promises');\nconst merge = require('lodash/merge');\nconst Sentry = require('@sentry/node');\nconst h = require('./lib/helpers');\nimport('express');\n",
      files: { "web/package.json": JS_PKG["package.json"] },
    },
    {
      name: "TS type-only imports and path aliases",
      file: "src/app.ts",
      code: "import type { Request } from 'express-serve-static-core';\nimport { type Pool } from 'pg';\nimport { db } from '@/db';\nimport { cfg } from '@app/config';\nimport { x } from '#internal';\nexport type { Y } from 'zod';\n",
      files: {
        "package.json": PKG({}),
        "tsconfig.json": '{ "compilerOptions": { "paths": { "@app/*": ["src/*"] } } }',
      },
    },
    {
      name: "workspace packages and the package's own name",
      file: "apps/api/main.ts",
      code: "import { util } from '@shop/common';\nimport { x } from 'api/internal';\n",
      files: {
        "apps/api/package.json": PKG({}, { name: "api" }),
        "libs/common/package.json": PKG({}, { name: "@shop/common" }),
      },
    },
    {
      name: "dev, peer and optional dependencies count",
      file: "test/setup.js",
      code: "require('jest-extended');\nrequire('react');\nrequire('fsevents');\n",
      files: {
        "package.json": `${JSON.stringify({ devDependencies: { "jest-extended": "4.0.2" }, peerDependencies: { react: "^18" }, optionalDependencies: { fsevents: "2.3.3" } })}\n`,
      },
    },
    {
      name: "workspace member using a dependency the root declares",
      file: "packages/api/src/index.ts",
      code: "import { z } from 'zod';\n",
      files: {
        "package.json": PKG({ zod: "3.23.8" }, { name: "root", workspaces: ["packages/*"] }),
        "packages/api/package.json": PKG({}, { name: "@shop/api" }),
      },
    },
    {
      name: "JS: bundled dependencies and the package's own subpath",
      file: "lib/a.js",
      code: "require('vendored');\nrequire('web/lib/b');\n",
      files: { "package.json": PKG({}, { bundleDependencies: ["vendored"] }) },
    },
    {
      name: "JS: URLs, data: and loader syntax are not packages",
      file: "public/app.js",
      code: "import x from 'https://cdn.example.test/x.js';\nimport 'style-loader!./a.css';\nimport('data:text/javascript,1');\n",
      files: { "package.json": PKG({}) },
    },
    {
      name: "TS: import = require of a declared package, and baseUrl folders",
      file: "src/main.ts",
      code: "import express = require('express');\nimport { util } from 'shared/util';\n",
      files: {
        "package.json": PKG({ express: "4.19.2" }),
        "tsconfig.json": '{ "compilerOptions": { "baseUrl": "src" } }',
        "src/shared/util.ts": "export const util = 1;\n",
      },
    },
    {
      name: "TS: node: builtins and type-only re-exports",
      file: "src/io.mts",
      code: "import { readFile } from 'node:fs/promises';\nimport test from 'node:test';\nexport type { Options } from 'undici';\n",
      files: { "package.json": PKG({}) },
    },
    {
      name: "optional require in try/catch",
      file: "index.js",
      code: "let native;\ntry {\n  native = require('bufferutil');\n} catch {}\n",
      files: { "package.json": PKG({}) },
    },
  ],
  invalid: [
    {
      name: "boto3 missing from pyproject: the fix adds it to the dependencies array",
      file: "src/shopcore/loader.py",
      code: "import yaml\n\nimport boto3\n",
      files: { "pyproject.toml": pyproject('  "PyYAML==6.0.1",\n') },
      findings: [{ line: 3, column: 8 }],
      outputFiles: { "pyproject.toml": pyproject('  "PyYAML==6.0.1",\n  "boto3==1.35.99",\n') },
      recheckFixedFiles: true,
    },
    {
      name: "mapped name added to requirements.txt",
      file: "app.py",
      code: "from flask import Flask\nimport yaml\nfrom dateutil import parser\n",
      files: { "requirements.txt": "Flask==3.0.3\n" },
      findings: [
        { line: 2, column: 8, messageIncludes: "PyYAML" },
        { line: 3, column: 6, messageIncludes: "python-dateutil" },
      ],
      outputFiles: { "requirements.txt": "Flask==3.0.3\nPyYAML\n" },
      fixTitle: "Add PyYAML to requirements.txt (no version known: pin it after installing)",
      recheckFixedFiles: true,
    },
    {
      name: "version from the virtualenv",
      file: "app.py",
      code: "import requests\n",
      files: {
        "requirements.txt": "Flask==3.0.3",
        ".venv/lib/python3.12/site-packages/requests-2.32.3.dist-info/RECORD":
          "requests/__init__.py,,\n",
      },
      findings: [{ line: 1, column: 8 }],
      outputFiles: { "requirements.txt": "Flask==3.0.3\nrequests==2.32.3\n" },
      recheckFixedFiles: true,
    },
    {
      name: "google.cloud namespace and a lazy import in a function",
      file: "jobs/upload.py",
      code: "def run():\n    from google.cloud import storage\n    return storage.Client()\n",
      files: { "requirements.txt": "Flask==3.0.3\n" },
      findings: [{ line: 2, column: 10, messageIncludes: "google-cloud-storage" }],
    },
    {
      name: "reported once per module",
      file: "app.py",
      code: "import redis\nimport redis.asyncio\nfrom redis import Redis\n",
      files: { "requirements.txt": "Flask==3.0.3\n" },
      findings: [{ line: 1, column: 8 }],
    },
    {
      name: "JS require of an undeclared package, version from the lock file",
      file: "web/index.js",
      code: "const express = require('express');\nconst dayjs = require('dayjs');\n",
      files: {
        "web/package.json": PKG({ express: "4.19.2" }),
        "web/package-lock.json": JSON.stringify({
          lockfileVersion: 3,
          packages: { "node_modules/dayjs": { version: "1.11.12" } },
        }),
      },
      findings: [{ line: 2, column: 23 }],
      outputFiles: { "web/package.json": PKG({ express: "4.19.2", dayjs: "1.11.12" }) },
      recheckFixedFiles: true,
    },
    {
      name: "ES import of a scoped package",
      file: "src/server.mjs",
      code: "import express from 'express';\nimport { S3Client } from '@aws-sdk/client-s3';\n",
      files: JS_PKG,
      findings: [{ line: 2, column: 26 }],
      outputFiles: {
        "package.json": PKG({
          express: "4.19.2",
          lodash: "4.17.21",
          "@sentry/node": "8.19.0",
          "@aws-sdk/client-s3": "3.723.0",
        }),
      },
      recheckFixedFiles: true,
    },
    {
      name: "TS dynamic import and re-export",
      file: "src/index.ts",
      code: "export { z } from 'zod';\nconst m = await import('pino');\n",
      files: { "package.json": PKG({}) },
      findings: [
        { line: 1, column: 19 },
        { line: 2, column: 24 },
      ],
    },
    {
      name: "JS: version from node_modules",
      file: "worker.cjs",
      code: "const amqp = require('amqplib');\n",
      files: {
        "package.json": PKG({}),
        "node_modules/amqplib/package.json": '{ "name": "amqplib", "version": "0.10.4" }',
      },
      findings: [{ line: 1, column: 22 }],
      outputFiles: { "package.json": PKG({ amqplib: "0.10.4" }) },
      recheckFixedFiles: true,
    },
    {
      name: "JS: dynamic import in an async function",
      file: "lazy.js",
      code: "async function load() {\n  return import('sharp');\n}\n",
      files: { "package.json": PKG({}) },
      findings: [{ line: 2, column: 17 }],
    },
    {
      name: "TS: scoped package and export * from",
      file: "src/index.ts",
      code: "import { PrismaClient } from '@prisma/client';\nexport * from 'kysely';\n",
      files: { "package.json": PKG({}) },
      findings: [
        { line: 1, column: 30, messageIncludes: "@prisma/client" },
        { line: 2, column: 15 },
      ],
    },
    {
      name: "TSX component importing an undeclared UI library",
      file: "web/src/App.tsx",
      code: "import React from 'react';\nimport Button from '@mui/material/Button';\nexport const App = () => <Button />;\n",
      files: { "web/package.json": PKG({ react: "18.3.1" }) },
      findings: [{ line: 2, column: 20, messageIncludes: "@mui/material" }],
    },
    {
      name: "TS: import = require of an undeclared package",
      file: "src/legacy.cts",
      code: "import moment = require('moment');\n",
      files: { "package.json": PKG({}) },
      findings: [{ line: 1, column: 25 }],
    },
    {
      name: "TS: side-effect import and a mixed value/type import",
      file: "src/boot.ts",
      code: "import 'reflect-metadata';\nimport { type A, b } from 'inversify';\n",
      files: { "package.json": PKG({}) },
      findings: [
        { line: 1, column: 8 },
        { line: 2, column: 27 },
      ],
    },
    {
      name: "subpath of an undeclared package, no version known: no fix",
      file: "index.js",
      code: "const get = require('lodash/get');\n",
      files: { "package.json": PKG({}) },
      findings: [{ line: 1, column: 21, messageIncludes: '"lodash"' }],
      output: null,
    },
  ],
});
