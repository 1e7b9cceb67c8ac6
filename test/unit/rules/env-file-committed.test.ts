import { ruleTester } from "../../helpers/ruleTester";

const ENV = "DATABASE_URL=postgres://shop:Lumen-731@db/shop\nDEBUG=0\n";

ruleTester("env-file-committed", {
  valid: [
    {
      name: "ignored by .gitignore",
      file: ".env",
      code: ENV,
      files: { ".gitignore": "node_modules/\n.env\n" },
    },
    {
      name: "ignored by a glob",
      file: ".env.production",
      code: ENV,
      files: { ".gitignore": ".env*\n!.env.example\n" },
    },
    { name: "example file", file: ".env.example", code: ENV },
    { name: "sample, template and dist files", file: "config/.env.sample", code: ENV },
    { name: "template", file: ".env.template", code: ENV },
    { name: "dist", file: ".env.dist", code: ENV },
    {
      name: "ignored by a nested .gitignore",
      file: "api/.env",
      code: ENV,
      files: { "api/.gitignore": ".env\n" },
    },
    {
      name: "ignored folder",
      file: "secrets/.env",
      code: ENV,
      files: { ".gitignore": "secrets/\n" },
    },
    {
      name: "ignored through .git/info/exclude",
      file: ".env",
      code: ENV,
      files: { ".git/info/exclude": ".env\n" },
    },
    { name: "nothing to leak: names only", file: ".env", code: "DATABASE_URL=\nDEBUG=\n" },
  ],
  invalid: [
    {
      name: "no .gitignore at all: one is created",
      file: ".env",
      code: ENV,
      findings: [{ line: 1, column: 1 }],
      outputFiles: { ".gitignore": ".env\n" },
      recheckFixedFiles: true,
    },
    {
      name: ".gitignore that misses it",
      file: ".env.production",
      code: ENV,
      files: { ".gitignore": "node_modules/\n.env\n" },
      findings: [{ line: 1, column: 1, messageIncludes: "git rm --cached .env.production" }],
      outputFiles: { ".gitignore": "node_modules/\n.env\n.env.production\n" },
      recheckFixedFiles: true,
    },
    {
      name: "re-included by a deeper negation",
      file: "api/.env",
      code: ENV,
      files: { ".gitignore": ".env\n", "api/.gitignore": "!.env\n" },
      findings: [{ line: 1, column: 1 }],
      outputFiles: { "api/.gitignore": "!.env\n.env\n" },
      recheckFixedFiles: true,
    },
    {
      name: "nested file, root .gitignore gets an anchored path",
      file: "deploy/.env.local",
      code: ENV,
      files: { ".gitignore": "dist/" },
      findings: [{ line: 1, column: 1 }],
      outputFiles: { ".gitignore": "dist/\n/deploy/.env.local\n" },
      recheckFixedFiles: true,
    },
    {
      name: "CRLF .gitignore keeps its line breaks",
      file: ".env",
      code: ENV,
      files: { ".gitignore": "node_modules/\r\n" },
      findings: [{ line: 1, column: 1 }],
      outputFiles: { ".gitignore": "node_modules/\r\n.env\r\n" },
      recheckFixedFiles: true,
    },
  ],
});
