import { findNodeAtLocation } from "jsonc-parser";
import type { Rule } from "../engine/rule";
import type { Fix } from "../engine/types";
import { lockedNpmVersion, npmLockFor } from "./shared/npmPackages";

/** Sections whose versions decide what gets installed; peer ranges are ranges by design. */
const SECTIONS = ["dependencies", "devDependencies", "optionalDependencies"];

const EXACT = /^[=v]?\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;
const COMMIT = /#[0-9a-f]{40}$/i;

/** Whether a dependency value resolves to one version (or one commit, or a local path). */
export function isPinnedNpmSpec(spec: string): boolean {
  const value = spec.trim();
  if (EXACT.test(value)) return true;
  if (/^(file|link|workspace|portal|patch|exec):/.test(value)) return true;
  const alias = /^npm:(?:@[^@/]+\/)?[^@]+@(.+)$/.exec(value);
  if (alias) return EXACT.test(alias[1]);
  if (
    /^(git(\+[a-z]+)?:|github:|gitlab:|bitbucket:|gist:)/.test(value) ||
    /^[\w.-]+\/[\w.-]+(#.*)?$/.test(value)
  )
    return COMMIT.test(value);
  if (/^https?:\/\//.test(value)) return /\.git(#|$)/.test(value) ? COMMIT.test(value) : true;
  return false;
}

/** A version range in package.json lets each install pick a newer release. */
export const rule: Rule = {
  meta: {
    id: "dep-unpinned-npm",
    factors: [2, 10],
    categories: ["parity"],
    severity: "warning",
    kinds: ["package-json"],
    fixable: true,
    handbook: "parity",
    title: {
      en: "npm dependency declared with a version range",
      zh: "npm 依赖声明为版本范围",
    },
    description: {
      en: "Ranges such as ^1.2.0, ~1.2.0, *, latest or >=1 let every install without the lock file resolve a newer release. With a lock file and npm ci the range is only a risk when the lock is regenerated; without one, every build may differ.",
      zh: "^1.2.0、~1.2.0、*、latest、>=1 这类范围让每次不带锁文件的安装都可能解析出更新的版本。有锁文件并使用 npm ci 时，只有重新生成锁文件才有风险；没有锁文件时，每次构建都可能不同。",
    },
  },

  check({ file, workspace, report }) {
    const root = file.packageJson?.root;
    if (!root) return;
    const locked = npmLockFor(workspace, file.path) !== undefined;
    for (const section of SECTIONS) {
      for (const property of findNodeAtLocation(root, [section])?.children ?? []) {
        const [key, value] = property.children ?? [];
        if (typeof key?.value !== "string" || typeof value?.value !== "string") continue;
        if (isPinnedNpmSpec(value.value)) continue;
        const name = key.value;
        const range = file.source.range(value.offset, value.offset + value.length);
        const version = lockedNpmVersion(workspace, file.path, name, value.value);
        const fixes: Fix[] = version
          ? [
              {
                title: {
                  en: `Pin ${name} to ${version} (from the lock file)`,
                  zh: `把 ${name} 锁定为 ${version}（锁文件中的版本）`,
                },
                changes: [
                  { file: file.path, edits: [{ range, newText: JSON.stringify(version) }] },
                ],
                preferred: true,
              },
            ]
          : [];
        report({
          range,
          severity: locked ? "info" : "warning",
          message: locked
            ? {
                en: `"${name}": "${value.value}" is a range: the lock file pins it today, but the next lock refresh or an install without it can pull a release nobody tested.`,
                zh: `"${name}": "${value.value}" 是版本范围：锁文件目前锁定了它，但下一次刷新锁文件或不使用锁文件安装时，可能拉到没人测试过的版本。`,
              }
            : {
                en: `"${name}": "${value.value}" is a range and no lock file pins it, so every build can install a different release than the one tested.`,
                zh: `"${name}": "${value.value}" 是版本范围，且没有锁文件锁定，每次构建都可能装到与测试时不同的版本。`,
              },
          fixes,
        });
      }
    }
  },
};
