import * as path from "node:path";
import { findNodeAtLocation, type Node } from "jsonc-parser";
import type { Rule } from "../engine/rule";
import { NPM_LOCK_FILES, npmLockFor, npmWorkspaceRoot } from "./shared/npmPackages";

const INSTALLED_SECTIONS = ["dependencies", "devDependencies", "optionalDependencies"];

/** Without a lock file, each install resolves the dependency tree anew. */
export const rule: Rule = {
  meta: {
    id: "dep-no-lockfile",
    factors: [2, 10],
    categories: ["parity", "startup"],
    severity: "warning",
    kinds: ["package-json"],
    fixable: false,
    handbook: "parity",
    title: {
      en: "package.json without a lock file",
      zh: "package.json 没有锁文件",
    },
    description: {
      en: "Without package-lock.json (or yarn.lock, pnpm-lock.yaml, bun.lock) every install resolves the whole tree again, transitive dependencies included, so the image, CI and each developer run different code. Commit the lock file and install with npm ci.",
      zh: "没有 package-lock.json（或 yarn.lock、pnpm-lock.yaml、bun.lock）时，每次安装都会重新解析整棵依赖树（包括间接依赖），镜像、CI 和每位开发者跑的代码都不一样。请提交锁文件并用 npm ci 安装。",
    },
  },

  check({ file, workspace, report }) {
    const root = file.packageJson?.root;
    if (!root || npmLockFor(workspace, file.path)) return;
    const dir = path.dirname(file.path);
    const workspaceRoot = npmWorkspaceRoot(workspace, dir);
    if (workspaceRoot && workspaceRoot !== dir) return;
    const anchor = workspaceRoot
      ? findNodeAtLocation(root, ["workspaces"])?.parent
      : firstSection(root);
    const key = anchor?.children?.[0];
    if (!key) return;
    report({
      range: file.source.range(key.offset, key.offset + key.length),
      message: {
        en: `No lock file (${NPM_LOCK_FILES.slice(0, 4).join(", ")}…) sits beside this package.json, so each install resolves the dependency tree again and the image can run versions that CI never tested. Run npm install once and commit package-lock.json.`,
        zh: `这个 package.json 旁边没有锁文件（${NPM_LOCK_FILES.slice(0, 4).join("、")}…），每次安装都会重新解析依赖树，镜像可能运行 CI 从未测试过的版本。请执行一次 npm install 并提交 package-lock.json。`,
      },
    });
  },
};

/** The first non-empty section that installs packages, as its property node. */
function firstSection(root: Node): Node | undefined {
  for (const section of INSTALLED_SECTIONS) {
    const value = findNodeAtLocation(root, [section]);
    if (value?.children && value.children.length > 0) return value.parent;
  }
  return undefined;
}
