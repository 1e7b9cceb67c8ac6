import * as path from "node:path";
import picomatch from "picomatch";
import { isMap } from "yaml";
import type { FileChange } from "../../engine/types";
import { scalarString } from "../../languages/yamlFile";
import type { Workspace } from "../../workspace/workspace";
import { appendLines } from "./textFiles";

/** A folder `docker build` sends to the builder, and the ignore file that filters it. */
export interface BuildContext {
  dir: string;
  ignoreFile: string;
}

interface Build {
  context: string;
  dockerfile: string;
}

/**
 * The build contexts of the workspace: each compose `build:` context, and the folder of each
 * Dockerfile that no compose file builds (`docker build .` beside it being the usual way). A
 * Dockerfile's own `<name>.dockerignore` replaces the context's `.dockerignore` when present.
 */
export function buildContexts(workspace: Workspace): BuildContext[] {
  const builds = composeBuilds(workspace);
  const composed = new Set(builds.map((b) => b.dockerfile));
  for (const file of workspace.model.filesOfKind("dockerfile")) {
    if (!composed.has(file.path)) {
      builds.push({ context: path.dirname(file.path), dockerfile: file.path });
    }
  }
  const contexts = new Map<string, BuildContext>();
  for (const { context, dockerfile } of builds) {
    const own = `${dockerfile}.dockerignore`;
    const ignoreFile = workspace.exists(own) ? own : path.join(context, ".dockerignore");
    contexts.set(ignoreFile, { dir: context, ignoreFile });
  }
  return [...contexts.values()];
}

function composeBuilds(workspace: Workspace): Build[] {
  const builds: Build[] = [];
  for (const compose of workspace.model.filesOfKind("compose")) {
    for (const document of compose.yaml?.documents ?? []) {
      const services = isMap(document.contents) ? document.contents.get("services", true) : null;
      if (!isMap(services)) continue;
      for (const pair of services.items) {
        const build = isMap(pair.value) ? pair.value.get("build", true) : undefined;
        const context = isMap(build)
          ? (scalarString(build.get("context", true)) ?? ".")
          : scalarString(build);
        if (context === undefined || /^[a-z][\w+.-]*:|^git@|\$/i.test(context)) continue;
        const dir = path.resolve(path.dirname(compose.path), context);
        const name = isMap(build) ? scalarString(build.get("dockerfile", true)) : undefined;
        builds.push({ context: dir, dockerfile: path.resolve(dir, name ?? "Dockerfile") });
      }
    }
  }
  return builds;
}

/** The path and its parent folders, shortest first: `a/b/.env` → `a`, `a/b`, `a/b/.env`. */
function withParents(relative: string): string[] {
  const parts = relative.split("/");
  return parts.map((_, i) => parts.slice(0, i + 1).join("/"));
}

/**
 * Whether a `.dockerignore` text excludes a path relative to the context root: patterns are
 * anchored at the root (`.env` does not match `api/.env`, `**\/.env` does), a pattern that
 * matches a parent folder excludes what is inside it, and the last matching line wins.
 */
export function isDockerIgnored(text: string, relative: string): boolean {
  const candidates = withParents(relative);
  let ignored = false;
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const negated = line.startsWith("!");
    if (negated) line = line.slice(1).trim();
    const pattern = path.posix.normalize(line.replace(/^\/+/, "")).replace(/\/+$/, "");
    if (candidates.some((c) => picomatch.isMatch(c, pattern, { dot: true }))) ignored = !negated;
  }
  return ignored;
}

/**
 * Entries that keep a file out of every image whose build context holds it: the file's path
 * relative to the context, appended to the context's ignore file (created when missing) unless
 * a pattern there excludes it already.
 */
export function dockerignoreChanges(workspace: Workspace, file: string): FileChange[] {
  const changes: FileChange[] = [];
  for (const context of buildContexts(workspace)) {
    const relative = path.relative(context.dir, file);
    if (!relative || relative.startsWith("..") || path.isAbsolute(relative)) continue;
    const entry = relative.split(path.sep).join("/");
    if (isDockerIgnored(workspace.readText(context.ignoreFile) ?? "", entry)) continue;
    const change = appendLines(workspace, context.ignoreFile, [entry]);
    if (change) changes.push(change);
  }
  return changes;
}
