import { applyEdits, findNodeAtLocation, modify, parseTree } from "jsonc-parser";
import type { ParsedFile } from "../../engine/parse";
import type { FileChange, Localized, TextEdit } from "../../engine/types";
import { SourceText } from "../../languages/sourceText";
import type { Workspace } from "../../workspace/workspace";
import {
  pythonDotenvRequirement,
  pythonLoadsDotenv,
  PYTHON_DOTENV_LINES,
  scriptLoadsDotenv,
} from "./dotenvLoading";
import {
  composeBuildsContaining,
  composeChanges,
  composeEnvironmentEdits,
  composeRedisService,
  sharedEnvironmentNotes,
} from "./composeBuilds";
import { envFileChanges } from "./envFiles";
import { kubeEnvNotes } from "./kubeEnvNotes";
import { addPythonRequirement, npmManifest } from "./manifests";
import { KNOWN_VERSIONS } from "./knownVersions";
import { npmLockFollowUp } from "./npmPackages";

/** The Redis a developer runs locally; `.env` gets it so the app still starts. */
export const LOCAL_REDIS_URL = "redis://localhost:6379/0";

/** What a fix that moves state to Redis adds besides its code. */
export interface RedisSupport {
  /** Lines that load `.env` at the top of a Python module, when nothing loads it yet. */
  pythonDotenvLines: string[];
  /** Whether a script must load `.env` first (`require("dotenv").config()`). */
  scriptNeedsDotenv: boolean;
  changes: FileChange[];
  /** What the user must still do: set `REDIS_URL` where the cluster runs the app. */
  byHand: Localized[];
}

function push(changes: FileChange[], change: FileChange | undefined): void {
  if (change) changes.push(change);
}

/**
 * The manifest entries, `.env` / `.env.example` lines and `.env` loading that a Redis-backed
 * fix needs: `REDIS_URL` documented, set for local runs, and read by the program.
 */
export function redisSupport(
  workspace: Workspace,
  parsed: ParsedFile,
  packages: string[],
): RedisSupport {
  const changes: FileChange[] = [];
  const python = !!parsed.python;
  const loads = python
    ? pythonLoadsDotenv(workspace, parsed)
    : scriptLoadsDotenv(workspace, parsed);
  if (python) {
    for (const name of packages) push(changes, addPythonRequirement(workspace, parsed.path, name));
    if (!loads) push(changes, pythonDotenvRequirement(workspace, parsed.path));
  } else {
    const names = loads ? packages : [...packages, "dotenv"];
    push(changes, addNpmDependencies(workspace, parsed.path, names));
  }
  changes.push(
    ...envFileChanges(workspace, parsed.path, [
      { name: "REDIS_URL", value: LOCAL_REDIS_URL, example: "" },
    ]),
  );
  const compose = composeRedisWiring(workspace, parsed.path);
  changes.push(...compose.changes);
  return {
    pythonDotenvLines: python && !loads ? PYTHON_DOTENV_LINES : [],
    scriptNeedsDotenv: !python && !loads,
    changes: mergeChanges(changes),
    byHand: [...compose.byHand, ...kubeEnvNotes(workspace, ["REDIS_URL"], parsed.path)],
  };
}

/**
 * Inside compose, Redis is not on localhost but at its service's name: every service built from
 * the file's folder gets `REDIS_URL` pointing there, when the compose file runs a Redis.
 */
function composeRedisWiring(
  workspace: Workspace,
  file: string,
): { changes: FileChange[]; byHand: Localized[] } {
  const byHand: Localized[] = [];
  const edits = composeBuildsContaining(workspace, file).map((build) => {
    const redis = composeRedisService(build);
    if (!redis) return { file: build.file.path, edits: [] };
    if (redis.password) {
      byHand.push({
        en:
          `set REDIS_URL for the compose service "${build.name}" to ` +
          `redis://:PASSWORD@${redis.name}:${redis.port}/0: its Redis asks for a password, ` +
          "which the fix does not copy into the compose file.",
        zh:
          `为 compose 服务 "${build.name}" 设置 REDIS_URL 为 ` +
          `redis://:密码@${redis.name}:${redis.port}/0：它的 Redis 需要密码，修复不会把密码写进 compose 文件。`,
      });
      return { file: build.file.path, edits: [] };
    }
    const url = `redis://${redis.name}:${redis.port}/0`;
    byHand.push(...sharedEnvironmentNotes([build], "REDIS_URL", url));
    return { file: build.file.path, edits: composeEnvironmentEdits(build, "REDIS_URL", url) };
  });
  return { changes: composeChanges(edits), byHand };
}

/** One change per file, edits concatenated, so a fix never edits a file twice. */
export function mergeChanges(changes: FileChange[]): FileChange[] {
  const byFile = new Map<string, FileChange>();
  for (const change of changes) {
    const existing = byFile.get(change.file);
    if (existing) {
      const key = (e: TextEdit) => JSON.stringify([e.range, e.newText]);
      const present = new Set(existing.edits.map(key));
      existing.edits.push(...change.edits.filter((e) => !present.has(key(e))));
      existing.create = existing.create || change.create;
      existing.followUp ??= change.followUp;
    } else {
      byFile.set(change.file, { ...change, edits: [...change.edits] });
    }
  }
  return [...byFile.values()];
}

/** Adds several dependencies to the nearest package.json in one change, keeping its format. */
export function addNpmDependencies(
  workspace: Workspace,
  file: string,
  names: string[],
): FileChange | undefined {
  const manifest = npmManifest(workspace, file);
  const original = manifest ? workspace.readText(manifest) : undefined;
  if (!manifest || original === undefined || !parseTree(original)) return undefined;
  const insertSpaces = !/^\t/m.test(original);
  const tabSize = /^( +)"/m.exec(original)?.[1].length ?? 2;
  const eol = original.includes("\r\n") ? "\r\n" : "\n";
  let text = original;
  for (const name of names) {
    const root = parseTree(text);
    const sections = [
      "dependencies",
      "devDependencies",
      "peerDependencies",
      "optionalDependencies",
    ];
    if (!root || sections.some((s) => findNodeAtLocation(root, [s, name]))) continue;
    const version = KNOWN_VERSIONS[name] ?? "*";
    const edits = modify(text, ["dependencies", name], version, {
      formattingOptions: { insertSpaces, tabSize, eol },
    });
    text = applyEdits(text, edits);
  }
  if (text === original) return undefined;
  const source = new SourceText(original);
  return {
    file: manifest,
    edits: [{ range: source.range(0, original.length), newText: text }],
    followUp: npmLockFollowUp(workspace, manifest),
  };
}
