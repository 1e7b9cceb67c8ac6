import * as path from "node:path";
import type { ParsedFile } from "../../engine/parse";
import type { FileChange, Fix, Localized, TextEdit } from "../../engine/types";
import { isEsModule, preferredQuote } from "../../languages/scriptSyntax";
import type { SourceText } from "../../languages/sourceText";
import type { Workspace } from "../../workspace/workspace";
import {
  PYTHON_DOTENV_LINES,
  pythonDotenvRequirement,
  pythonLoadsDotenv,
  scriptDotenvDependency,
  scriptDotenvEdit,
  scriptLoadsDotenv,
} from "./dotenvLoading";
import {
  composeBuildsContaining,
  composeChanges,
  composeEnvironmentEdits,
  sharedEnvironmentNotes,
} from "./composeBuilds";
import { dotenvDir, envFileChanges, writableInDotenv, type EnvVariable } from "./envFiles";
import type { NamedLiteral } from "./pythonNamedValues";
import { pythonEnviron } from "./pythonCode";
import { pythonImportBlockEdit } from "./pythonImportBlock";
import { kubeEnvNotes } from "./kubeEnvNotes";
import { mergeChanges } from "./redisBacking";

/** A value in code that moves to `.env`, read back from the environment. */
export interface CodeValue {
  literal: NamedLiteral;
  /** Source offsets of the text that moves: the whole literal, or a piece of it. */
  start: number;
  end: number;
  /** The characters the program saw; written to `.env`. */
  value: string;
  name: string;
}

export interface FixContext {
  file: ParsedFile;
  workspace: Workspace;
}

export function moveToEnvTitle(name: string): Localized {
  return {
    en: `Read ${name} from the environment (value moved to .env)`,
    zh: `改为读取环境变量 ${name}（值移到 .env）`,
  };
}

/**
 * The fix that replaces a literal (or the secret piece of it) by an environment read, keeps the
 * value working locally through `.env`, documents the name in `.env.example` and makes sure the
 * program loads `.env`. Undefined when no such edit is safe.
 */
export function codeEnvFix(context: FixContext, target: CodeValue): Fix | undefined {
  const { file, workspace } = context;
  if (!writableInDotenv(target.value)) return undefined;
  const edits = file.python ? pythonEdits(context, target) : scriptEdits(context, target);
  if (!edits) return undefined;
  const changes: FileChange[] = [{ file: file.path, edits: edits.code }];
  changes.push(...edits.others);
  const variable = { name: target.name, value: target.value };
  changes.push(...envFileChanges(workspace, file.path, [variable]));
  const compose = composeWiring(workspace, file.path, variable);
  changes.push(...compose.changes);
  return {
    title: moveToEnvTitle(target.name),
    changes: mergeChanges(changes),
    preferred: true,
    movesValue: true,
    byHand: [...compose.byHand, ...kubeEnvNotes(workspace, [target.name], file.path)],
  };
}

/**
 * A compose service built from a folder that holds the file runs it without the folder's
 * `.env` (the image leaves it out): the service gets `NAME=${NAME}` in its environment and the
 * value goes to the `.env` beside the compose file, which compose reads.
 */
function composeWiring(
  workspace: Workspace,
  file: string,
  variable: EnvVariable,
): { changes: FileChange[]; byHand: Localized[] } {
  const builds = composeBuildsContaining(workspace, file);
  const edits = builds.map((build) => ({
    file: build.file.path,
    edits: composeEnvironmentEdits(build, variable.name),
  }));
  const own = dotenvDir(workspace, file);
  const dirs = new Set(builds.map((build) => path.dirname(build.file.path)));
  dirs.delete(own);
  return {
    changes: [
      ...composeChanges(edits),
      ...[...dirs].flatMap((dir) => envFileChanges(workspace, file, [variable], { dir })),
    ],
    byHand: sharedEnvironmentNotes(builds, variable.name),
  };
}

interface Edits {
  code: TextEdit[];
  others: FileChange[];
}

const isWhole = (t: CodeValue): boolean =>
  t.start === t.literal.literal.start && t.end === t.literal.literal.end;

function pythonEdits({ file, workspace }: FixContext, target: CodeValue): Edits | undefined {
  const python = file.python;
  if (!python) return undefined;
  const { literal } = target;
  const environ = pythonEnviron(python.root, file.source);
  const quoteChar = literal.quote.slice(0, 1) || '"';
  const inner = quoteChar === '"' ? "'" : '"';
  const read = (q: string) =>
    literal.isDefault
      ? `${environ.text}.get(${q}${target.name}${q})`
      : `${environ.text}[${q}${target.name}${q}]`;

  let replacement: TextEdit;
  if (isWhole(target)) {
    replacement = { range: file.source.range(target.start, target.end), newText: read(quoteChar) };
  } else if (literal.prefix.includes("f")) {
    replacement = {
      range: file.source.range(target.start, target.end),
      newText: `{${read(inner)}}`,
    };
  } else {
    const rewritten = asFString(file.source, literal, target, `{${read(inner)}}`);
    if (!rewritten) return undefined;
    replacement = rewritten;
  }

  if (pythonLoadsDotenv(workspace, file))
    return { code: [replacement, ...environ.edits], others: [] };
  const lines = [...(environ.edits.length > 0 ? ["import os"] : []), ...PYTHON_DOTENV_LINES];
  const requirement = pythonDotenvRequirement(workspace, file.path);
  return {
    code: [replacement, pythonImportBlockEdit(python.root, file.source, lines)],
    others: requirement ? [requirement] : [],
  };
}

/** Rewrites a plain string as an f-string with an expression in place of the secret piece. */
function asFString(
  source: SourceText,
  literal: NamedLiteral,
  target: CodeValue,
  expression: string,
): TextEdit | undefined {
  const text = source.text;
  const { start, end } = literal.literal;
  const open = literal.prefix.length + literal.quote.length;
  const contentStart = start + open;
  const contentEnd = end - literal.quote.length;
  if (text.slice(start, contentStart) !== literal.prefix + literal.quote) return undefined;
  if (target.start < contentStart || target.end > contentEnd) return undefined;
  const braces = (s: string) => s.replace(/\{/g, "{{").replace(/\}/g, "}}");
  const before = braces(text.slice(contentStart, target.start));
  const after = braces(text.slice(target.end, contentEnd));
  const prefix = text.slice(start, start + literal.prefix.length);
  const newText = `${prefix}f${literal.quote}${before}${expression}${after}${literal.quote}`;
  return { range: source.range(start, end), newText };
}

function scriptEdits({ file, workspace }: FixContext, target: CodeValue): Edits | undefined {
  const source = file.script?.source;
  if (!source || isBrowserCode(workspace, file.path)) return undefined;
  const { literal } = target;
  const quote = preferredQuote(source);
  const member = /^[A-Za-z_$][\w$]*$/.test(target.name)
    ? `process.env.${target.name}`
    : `process.env[${quote}${target.name}${quote}]`;
  const typed = /\.[cm]?tsx?$/.test(file.path) ? "!" : "";

  let replacement: TextEdit;
  if (isWhole(target)) {
    replacement = { range: file.source.range(target.start, target.end), newText: member + typed };
  } else if (literal.quote === "`") {
    replacement = { range: file.source.range(target.start, target.end), newText: `\${${member}}` };
  } else {
    const { start, end } = literal.literal;
    const escape = (s: string) => s.replace(/`/g, "\\`").replace(/\$\{/g, "\\${");
    const before = escape(file.source.text.slice(start + 1, target.start));
    const after = escape(file.source.text.slice(target.end, end - 1));
    replacement = {
      range: file.source.range(start, end),
      newText: `\`${before}\${${member}}${after}\``,
    };
  }
  if (scriptLoadsDotenv(workspace, file)) return { code: [replacement], others: [] };
  const esModule = isEsModule(source);
  const dependency = scriptDotenvDependency(workspace, file.path);
  return {
    code: [scriptDotenvEdit(file, esModule, quote), replacement],
    others: dependency ? [dependency] : [],
  };
}

const BROWSER_DEPENDENCY = /"(react|react-dom|vue|svelte|@angular\/core|preact|solid-js)"\s*:/;
const SERVER_DEPENDENCY =
  /"(express|fastify|koa|@nestjs\/core|@hapi\/hapi|next|nuxt|hono|@remix-run\/node|restify|@sveltejs\/kit)"\s*:/;

/**
 * Code that runs in the browser has no `process.env` at run time, and a secret there is visible
 * to every user anyway: moving it to an environment variable would only break the page.
 */
export function isBrowserCode(workspace: Workspace, file: string): boolean {
  if (/\.(jsx|tsx)$/.test(file)) return true;
  const manifest = workspace.findUp(file, ["package.json"]);
  const text = manifest ? (workspace.readText(manifest) ?? "") : "";
  if (!BROWSER_DEPENDENCY.test(text) || SERVER_DEPENDENCY.test(text)) return false;
  return !/(^|[\\/])(server|api|backend|functions?)[\\/]/.test(
    path.relative(path.dirname(manifest ?? file), file),
  );
}
