import { ruleTester } from "../../helpers/ruleTester";

/** A tsconfig.json that maps import prefixes to the project's own folders. */
const tsconfig = (paths: string) =>
  `{\n  "compilerOptions": {\n    "baseUrl": ".",\n    "paths": { ${paths} }\n  }\n}\n`;

/** The package.json the fix creates, as `JSON.stringify` writes it. */
const manifest = (name: string, dependencies: Record<string, string>) =>
  `${JSON.stringify({ name, version: "1.0.0", private: true, dependencies }, null, 2)}\n`;

ruleTester("dep-no-manifest", {
  valid: [
    {
      name: "Deno module with URL, jsr: and npm: specifiers",
      file: "edge/main.ts",
      code: `import { serve } from "https://deno.land/std@0.224.0/http/server.ts";
import { Hono } from "jsr:@hono/hono@4";
import chalk from "npm:chalk@5";

serve(() => new Response(chalk.green("ok")));
`,
      files: { "edge/README.md": "" },
    },
    {
      name: "Bun builtins only",
      file: "tools/bench.ts",
      code: `import { Database } from "bun:sqlite";

const db = new Database(":memory:");
console.log(db.query("select 1").get());
`,
      files: { "tools/README.md": "" },
    },
    {
      name: "tsconfig path aliases are local modules",
      file: "web/src/util.ts",
      code: 'import { db } from "@/lib/db";\nimport { log } from "~/utils/log";\n',
      files: {
        "web/README.md": "",
        "web/tsconfig.json": tsconfig('"@/*": ["src/*"], "~/*": ["src/*"]'),
      },
    },
    {
      name: "package of a workspace member above the file",
      file: "packages/api/src/index.mts",
      code: 'import Fastify from "fastify";\n',
      files: {
        "packages/api/package.json": '{\n  "name": "@shop/api",\n  "type": "module"\n}\n',
        "packages/api/README.md": "",
      },
    },
    {
      name: "migration script with node: builtins and relative imports",
      file: "scripts/migrate.ts",
      code: `import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { run } from "../src/db/run";

for (const file of (await readdir("migrations")).sort()) {
  await run(await readFile(path.join("migrations", file), "utf8"));
}
`,
      files: { "scripts/README.md": "" },
    },
  ],
  invalid: [
    {
      name: "NestJS project: one finding with the packages of every file",
      file: "svc/src/app.module.ts",
      code: `import { Module } from "@nestjs/common";
import { ConfigModule } from "@nestjs/config";
import type { Request } from "express";

@Module({ imports: [ConfigModule.forRoot()] })
export class AppModule {}
`,
      files: {
        "svc/Dockerfile": "FROM node:20.15.1-slim\n",
        "svc/src/main.ts": `import { NestFactory } from "@nestjs/core";
import helmet from "helmet";
import { AppModule } from "./app.module";
`,
      },
      findings: [
        { line: 1, column: 24, messageIncludes: "@nestjs/common, @nestjs/config, @nestjs/core" },
      ],
      outputFiles: {
        "svc/package.json": manifest("svc", {
          "@nestjs/common": "*",
          "@nestjs/config": "*",
          "@nestjs/core": "*",
          helmet: "*",
        }),
      },
      recheckFixedFiles: true,
    },
    {
      name: "ES module script: a subpath import names its package",
      file: "scripts/validate.mts",
      code: `import { readFile } from "node:fs/promises";
import { z } from "zod";
import get from "lodash/get";
`,
      files: { "scripts/Makefile": "" },
      findings: [{ line: 2, column: 19, messageIncludes: "zod, lodash" }],
      outputFiles: { "scripts/package.json": manifest("scripts", { lodash: "*", zod: "*" }) },
      recheckFixedFiles: true,
    },
    {
      name: "Express server next to an alias import, version from node_modules",
      file: "web/src/server.ts",
      code: 'import express from "express";\nimport { db } from "@/lib/db";\n',
      files: {
        "web/README.md": "",
        "web/tsconfig.json": tsconfig('"@/*": ["src/*"]'),
        "web/node_modules/express/package.json": '{ "name": "express", "version": "4.19.2" }\n',
      },
      findings: [{ line: 1, column: 21 }],
      outputFiles: { "web/package.json": manifest("web", { express: "4.19.2" }) },
      recheckFixedFiles: true,
    },
    {
      name: "test file: reported at hint severity",
      file: "e2e/__tests__/checkout.test.ts",
      code: 'import { test, expect } from "@playwright/test";\n',
      files: { "e2e/README.md": "" },
      findings: [{ line: 1, column: 30, severity: "hint" }],
      outputFiles: { "e2e/package.json": manifest("e2e", { "@playwright/test": "*" }) },
      recheckFixedFiles: true,
    },
  ],
});
