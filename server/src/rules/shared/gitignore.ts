import * as path from "node:path";
import ignore, { type Ignore } from "ignore";
import type { FileChange } from "../../engine/types";
import type { Workspace } from "../../workspace/workspace";
import { appendLines } from "./textFiles";

interface IgnoreFile {
  dir: string;
  file: string;
  rules: Ignore;
}

/**
 * The root of the git repository that holds a workspace root: the nearest folder at or above
 * it with a `.git` folder (or a worktree's `.git` file); the workspace root when none has one.
 */
export function repositoryRoot(workspace: Workspace, root: string): string {
  for (let dir = root; ; dir = path.dirname(dir)) {
    if (workspace.exists(path.join(dir, ".git"))) return dir;
    if (path.dirname(dir) === dir) return root;
  }
}

/**
 * The `.gitignore` files from the repository root (which may sit above the workspace root)
 * down to a file's folder, root first, as git reads them.
 */
export function gitignoreChain(workspace: Workspace, file: string): IgnoreFile[] {
  const root = repositoryRoot(workspace, workspace.rootOf(file));
  const dirs: string[] = [];
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    dirs.unshift(dir);
    if (dir === root || !dir.startsWith(root) || path.dirname(dir) === dir) break;
  }
  const chain: IgnoreFile[] = [];
  const exclude = workspace.readText(path.join(root, ".git", "info", "exclude"));
  if (exclude)
    chain.push({ dir: root, file: path.join(root, ".gitignore"), rules: ignore().add(exclude) });
  for (const dir of dirs) {
    const gitignore = path.join(dir, ".gitignore");
    const text = workspace.readText(gitignore);
    if (text !== undefined) chain.push({ dir, file: gitignore, rules: ignore().add(text) });
  }
  return chain;
}

/** Git's verdict for one path: deeper files override shallower ones. */
function verdict(chain: IgnoreFile[], target: string, isDir: boolean): boolean {
  let ignored = false;
  for (const level of chain) {
    const relative = path.relative(level.dir, target).split(path.sep).join("/");
    if (!relative || relative.startsWith("..")) continue;
    const result = level.rules.test(isDir ? `${relative}/` : relative);
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}

/** Whether git ignores a file: the file itself or one of its folders is excluded. */
export function isGitIgnored(workspace: Workspace, file: string): boolean {
  const chain = gitignoreChain(workspace, file);
  const root = repositoryRoot(workspace, workspace.rootOf(file));
  for (
    let dir = path.dirname(file);
    dir.startsWith(root) && dir !== root;
    dir = path.dirname(dir)
  ) {
    if (verdict(chain, dir, true)) return true;
  }
  return verdict(chain, file, false);
}

/**
 * The `.gitignore` an entry for the file goes to: the nearest one inside the workspace, else a
 * new one beside the file. With `root`, only those from the file's folder up to that folder
 * count, and a missing one is created there.
 */
export function nearestGitignore(workspace: Workspace, file: string, root?: string): string {
  const top = root ?? workspace.rootOf(file);
  const within = (dir: string) => dir === top || dir.startsWith(top + path.sep);
  const chain = gitignoreChain(workspace, file).filter(
    (l) => within(l.dir) && workspace.exists(l.file),
  );
  if (chain.length > 0) return chain[chain.length - 1].file;
  return path.join(root ?? path.dirname(file), ".gitignore");
}

/** Appends the entry that ignores a file to its nearest `.gitignore` (created when missing). */
export function ignoreFileChange(
  workspace: Workspace,
  file: string,
  options: { root?: string } = {},
): FileChange | undefined {
  const gitignore = nearestGitignore(workspace, file, options.root);
  const relative = path.relative(path.dirname(gitignore), file).split(path.sep).join("/");
  const entry = relative.includes("/") ? `/${relative}` : relative;
  return appendLines(workspace, gitignore, [entry]);
}
