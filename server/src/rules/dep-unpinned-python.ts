import * as path from "node:path";
import type { ParsedFile } from "../engine/parse";
import type { Report, Rule } from "../engine/rule";
import type { Fix, Severity } from "../engine/types";
import { isExactPin, parsePep508, satisfies } from "../languages/pep508";
import { isPinnedRef } from "../languages/requirements";
import type { Workspace } from "../workspace/workspace";
import { hasPythonLock, knownPythonVersion } from "./shared/pythonEnvironment";

/** A requirement that is not `==`-pinned installs whatever is newest on the day of the build. */
export const rule: Rule = {
  meta: {
    id: "dep-unpinned-python",
    factors: [2, 10],
    categories: ["parity", "startup"],
    severity: "warning",
    kinds: ["requirements", "pyproject"],
    fixable: true,
    handbook: "parity",
    title: {
      en: "Python requirement not pinned to one version",
      zh: "Python 依赖没有锁定到单一版本",
    },
    description: {
      en: "A range (>=, ~=, *), a bare name or a VCS branch installs whatever is newest when the image is built, so production can run a release nobody tested. Pin each requirement with == (or a commit for VCS requirements).",
      zh: "版本范围（>=、~=、*）、不带版本的包名或 VCS 分支会在构建镜像时安装当时最新的版本，生产环境可能跑着没人测试过的版本。请用 == 锁定每个依赖（VCS 依赖锁定到提交）。",
    },
  },

  check({ file, workspace, report }) {
    if (file.requirements) checkRequirements(file, workspace, report);
    else if (file.pyproject) checkPyproject(file, workspace, report);
  },
};

type ReportFn = (report: Report) => void;

interface Candidate {
  name: string;
  extras?: string;
  specifier: string;
  /** Offsets of the requirement and of its specifier in the file. */
  start: number;
  end: number;
  specifierStart: number;
  specifierEnd: number;
  editable: boolean;
}

/**
 * Each requirements file is checked on its own, so a requirement reached through `-r` is reported
 * in the file that holds it. FIXME: an included file whose name is not a requirements name
 * (`-r deps/common.txt`) has no file kind, so its requirements are not checked at all.
 */
function checkRequirements(file: ParsedFile, workspace: Workspace, report: ReportFn): void {
  if (isConstraintsFile(file, workspace) || isCompiledInput(file, workspace)) return;
  for (const entry of file.requirements?.entries ?? []) {
    if (entry.type === "requirement") {
      const { name, extras, specifier, start, specifierStart, specifierEnd } = entry;
      const end = specifierEnd;
      const candidate = { name, extras, specifier, start, end, specifierStart, specifierEnd };
      checkCandidate(file, workspace, report, { ...candidate, editable: true });
    } else if (entry.type === "url" && entry.vcs && !isPinnedRef(entry.ref)) {
      reportBranch(file, report, entry.start, entry.end, entry.ref);
    }
  }
}

function checkPyproject(file: ParsedFile, workspace: Workspace, report: ReportFn): void {
  const severity: Severity = hasPythonLock(workspace, file.path) ? "info" : "warning";
  const withSeverity: ReportFn = (r) => report({ ...r, severity });
  for (const dependency of file.pyproject?.dependencies ?? []) {
    const parsed = parsePep508(dependency.text);
    if (!parsed) continue;
    const at = (offset: number) => dependency.start + offset;
    if (parsed.url !== undefined) {
      const vcs = /^(git|hg|svn|bzr)\+/i.test(parsed.url);
      const ref = /@([^@/\s]+)$/.exec(
        parsed.url.replace(/#.*$/, "").replace(/^[^:]+:\/\/[^/]*@/, ""),
      )?.[1];
      if (vcs && !isPinnedRef(ref))
        reportBranch(file, withSeverity, dependency.start, dependency.end, ref);
      continue;
    }
    checkCandidate(file, workspace, withSeverity, {
      name: parsed.name,
      extras: parsed.extras,
      specifier: parsed.specifier,
      start: at(parsed.nameStart),
      end: at(parsed.specifierEnd),
      specifierStart: at(parsed.specifierStart),
      specifierEnd: at(parsed.specifierEnd),
      editable: dependency.literal,
    });
  }
}

function checkCandidate(
  file: ParsedFile,
  workspace: Workspace,
  report: ReportFn,
  candidate: Candidate,
) {
  if (isExactPin(candidate.specifier)) return;
  const shown = `${candidate.name}${candidate.extras ?? ""}${candidate.specifier}`;
  const known = knownPythonVersion(workspace, file.path, candidate.name);
  const pin = known && pinFor(known, candidate);
  const fixes: Fix[] =
    pin && candidate.editable
      ? [
          {
            title: {
              en: `Pin to ==${pin.version} (${pin.origin.en})`,
              zh: `锁定为 ==${pin.version}（${pin.origin.zh}）`,
            },
            changes: [
              {
                file: file.path,
                edits: [
                  {
                    range: file.source.range(candidate.specifierStart, candidate.specifierEnd),
                    newText: `==${pin.version}`,
                  },
                ],
              },
            ],
            preferred: true,
          },
        ]
      : [];
  const hint = pin ? { en: "", zh: "" } : byHand(known);
  report({
    range: file.source.range(candidate.start, candidate.end),
    message: {
      en: `"${shown}" is not pinned with ==: each image build installs the newest matching release, so production can run a version nobody tested.${hint.en}`,
      zh: `"${shown}" 没有用 == 锁定：每次构建镜像都会安装最新的匹配版本，生产环境可能运行没人测试过的版本。${hint.zh}`,
    },
    fixes,
  });
}

interface Pin {
  version: string;
  origin: { en: string; zh: string };
}

type Known = ReturnType<typeof knownPythonVersion>;

/**
 * The installed or locked version when it meets the range. No version is made up: the lower
 * bound of a range is usually older than what was tested, so pinning to it downgrades.
 */
function pinFor(known: NonNullable<Known>, candidate: Candidate): Pin | undefined {
  if (candidate.specifier && !satisfies(known.version, candidate.specifier)) return undefined;
  const origin =
    known.source === "environment"
      ? { en: "installed in the virtualenv", zh: "虚拟环境中已安装的版本" }
      : { en: "from the lock file", zh: "锁文件中的版本" };
  return { version: known.version, origin };
}

/** How to pin by hand when no installed or locked version fits. */
function byHand(known: Known): { en: string; zh: string } {
  const how = {
    en: "pin it to the version you test with (`pip freeze` shows what is installed) or generate exact pins with `pip-compile`.",
    zh: "请锁定为你测试所用的版本（`pip freeze` 可查看已安装的版本），或用 `pip-compile` 生成精确锁定。",
  };
  if (!known) {
    return {
      en: ` No installed or locked version was found: ${how.en}`,
      zh: `未找到已安装或锁定的版本：${how.zh}`,
    };
  }
  const where = known.source === "environment" ? "virtualenv" : "lock file";
  const whereZh = known.source === "environment" ? "虚拟环境" : "锁文件";
  return {
    en: ` The ${where} has ${known.version}, outside this range: ${how.en}`,
    zh: `${whereZh}中的版本 ${known.version} 不在此范围内：${how.zh}`,
  };
}

function reportBranch(
  file: ParsedFile,
  report: ReportFn,
  start: number,
  end: number,
  ref?: string,
) {
  const what = ref ? `the branch or tag "${ref}"` : "the default branch";
  const whatZh = ref ? `分支或标签 "${ref}"` : "默认分支";
  report({
    range: file.source.range(start, end),
    message: {
      en: `This VCS requirement follows ${what}, so each build installs whatever was pushed last. Pin it to a full commit hash (@<40-hex sha>).`,
      zh: `这个 VCS 依赖跟随${whatZh}，每次构建都会安装最近一次推送的代码。请锁定到完整的提交哈希（@<40 位十六进制 sha>）。`,
    },
  });
}

/** A constraints file only limits versions; it installs nothing. */
function isConstraintsFile(file: ParsedFile, workspace: Workspace): boolean {
  if (/constraint/i.test(path.basename(file.path))) return true;
  let constrained = false;
  for (const other of workspace.model.filesOfKind("requirements")) {
    for (const entry of other.requirements?.entries ?? []) {
      if (entry.type !== "include") continue;
      if (path.resolve(path.dirname(other.path), entry.target) !== file.path) continue;
      if (entry.option === "-r") return false;
      constrained = true;
    }
  }
  return constrained;
}

/** `requirements.in` compiled by pip-tools into the `.txt` beside it: ranges are intended. */
function isCompiledInput(file: ParsedFile, workspace: Workspace): boolean {
  return file.path.endsWith(".in") && workspace.exists(file.path.replace(/\.in$/, ".txt"));
}
