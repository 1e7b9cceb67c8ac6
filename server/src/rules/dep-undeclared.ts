import * as path from "node:path";
import type { ParsedFile } from "../engine/parse";
import type { Report, Rule } from "../engine/rule";
import type { Fix, Localized, RelatedLocation } from "../engine/types";
import type { Workspace } from "../workspace/workspace";
import { addNpmDependency } from "./shared/manifests";
import { KNOWN_VERSIONS } from "./shared/knownVersions";
import {
  declaredNpmPackages,
  lockedNpmVersion,
  npmLockFollowUp,
  npmWorkspaceRoot,
  readJson,
} from "./shared/npmPackages";
import { distributionFor, isDeclared } from "./shared/pythonDistributions";
import { installedPackages } from "./shared/pythonEnvironment";
import { addPythonDependency, requirementFor } from "./shared/pythonManifestEdits";
import { nearestPythonManifests } from "./shared/pythonManifests";
import { thirdPartyPythonImports, thirdPartyScriptImports } from "./shared/thirdParty";

/** An import of a package the manifest does not declare works only where it happens to be installed. */
export const rule: Rule = {
  meta: {
    id: "dep-undeclared",
    factors: [2],
    categories: ["startup"],
    severity: "warning",
    kinds: ["python", "javascript", "typescript"],
    fixable: true,
    handbook: "startup",
    title: {
      en: "Import of a package the manifest does not declare",
      zh: "导入了依赖清单未声明的包",
    },
    description: {
      en: 'A third-party import whose distribution is missing from the nearest requirements.txt, pyproject.toml, Pipfile, setup.cfg or package.json works on the machine where it was installed by hand, and fails in a clean image with ModuleNotFoundError or "Cannot find module".',
      zh: '第三方导入所属的包没有写进最近的 requirements.txt、pyproject.toml、Pipfile、setup.cfg 或 package.json 时，只在手动装过它的机器上能运行；在干净的镜像里会因 ModuleNotFoundError 或 "Cannot find module" 启动失败。',
    },
  },

  check(context) {
    if (context.file.python) checkPython(context.file, context.workspace, context.report);
    else if (context.file.script) checkScript(context.file, context.workspace, context.report);
  },
};

type ReportFn = (report: Report) => void;

function related(file: string, message: Localized): RelatedLocation[] {
  const start = { line: 0, character: 0 };
  return [{ file, range: { start, end: start }, message }];
}

function checkPython(file: ParsedFile, workspace: Workspace, report: ReportFn): void {
  const imports = thirdPartyPythonImports(workspace, file);
  if (imports.length === 0) return;
  const manifests = nearestPythonManifests(workspace, file.path);
  if (!manifests || manifests.opaque) return;
  const installed = installedPackages(workspace, file.path).topLevel;
  const manifest = manifests.requirements ?? manifests.pyproject ?? manifests.files[0];
  const name = path.basename(manifest);

  for (const entry of imports) {
    if (isDeclared(entry.module, manifests.declared, installed)) continue;
    const distribution = distributionFor(entry.module, installed);
    const requirement = requirementFor(workspace, manifest, distribution);
    const change = addPythonDependency(workspace, manifests, requirement.line);
    const fixes: Fix[] = change
      ? [addFix(requirement.line, name, !requirement.source, change)]
      : [];
    report({
      range: file.source.range(entry.node.startIndex, entry.node.endIndex),
      message: pythonMessage(entry.top, distribution, name),
      related: related(manifest, {
        en: `The nearest manifest, without ${distribution}.`,
        zh: `最近的依赖清单，其中没有 ${distribution}。`,
      }),
      fixes,
    });
  }
}

function pythonMessage(top: string, distribution: string, manifest: string): Localized {
  const what = distribution === top ? "it" : `its distribution ${distribution}`;
  const whatZh = distribution === top ? "它" : `它所属的包 ${distribution}`;
  return {
    en: `"${top}" is imported but ${manifest} does not declare ${what}: an image built from the manifest lacks it, so the app fails at startup with ModuleNotFoundError.`,
    zh: `导入了 "${top}"，但 ${manifest} 没有声明${whatZh}：按清单构建的镜像里没有它，应用启动时会因 ModuleNotFoundError 失败。`,
  };
}

function addFix(
  requirement: string,
  manifest: string,
  unpinned: boolean,
  change: Fix["changes"][number],
): Fix {
  const en = unpinned ? " (no version known: pin it after installing)" : "";
  const zh = unpinned ? "（未知版本：安装后请锁定版本）" : "";
  return {
    title: {
      en: `Add ${requirement} to ${manifest}${en}`,
      zh: `把 ${requirement} 加入 ${manifest}${zh}`,
    },
    changes: [change],
    preferred: !unpinned,
  };
}

function checkScript(file: ParsedFile, workspace: Workspace, report: ReportFn): void {
  const imports = thirdPartyScriptImports(workspace, file);
  if (imports.length === 0) return;
  const manifest = workspace.findUp(file.path, ["package.json"]);
  if (!manifest) return;
  const declared = declaredNpmPackages(readJson(workspace, manifest));
  const root = npmWorkspaceRoot(workspace, path.dirname(manifest));
  if (root && root !== path.dirname(manifest)) {
    // Members of an npm/yarn/pnpm workspace resolve what the root declares (hoisted installs).
    const rootManifest = readJson(workspace, path.join(root, "package.json"));
    declaredNpmPackages(rootManifest).forEach((name) => declared.add(name));
  }

  const caret = usesCarets(readJson(workspace, manifest));
  for (const entry of imports) {
    if (declared.has(entry.packageName)) continue;
    const name = entry.packageName;
    const found =
      lockedNpmVersion(workspace, manifest, name) ??
      installedNpmVersion(workspace, manifest, name) ??
      KNOWN_VERSIONS[name];
    const version = found && caret ? `^${found}` : found;
    const change = version && addNpmDependency(workspace, file.path, name, version);
    const start = entry.node.getStart(file.script?.source);
    const add = addCommand(workspace, manifest, name);
    const how: Localized = version
      ? { en: "", zh: "" }
      : { en: ` Add it with \`${add}\`.`, zh: `请用 \`${add}\` 添加它。` };
    report({
      range: file.source.range(start, entry.node.getEnd()),
      message: {
        en: `"${name}" is imported but not declared in package.json: a clean install in the image does not fetch it, so the app fails at startup with "Cannot find module".${how.en}`,
        zh: `导入了 "${name}"，但 package.json 没有声明它：镜像中的干净安装不会下载它，应用启动时会报 "Cannot find module"。${how.zh}`,
      },
      related: related(manifest, {
        en: `The nearest package.json, without ${name}.`,
        zh: `最近的 package.json，其中没有 ${name}。`,
      }),
      fixes: change ? [addFix(`${name}@${version}`, "package.json", false, change)] : [],
    });
  }
}

/** Whether most dependency ranges of a manifest start with `^` (`^4.19.2`), else exact. */
function usesCarets(manifest: Record<string, unknown> | undefined): boolean {
  const ranges = ["dependencies", "devDependencies"].flatMap((section) => {
    const deps = manifest?.[section];
    return deps && typeof deps === "object" ? Object.values(deps) : [];
  });
  const carets = ranges.filter((r) => typeof r === "string" && r.startsWith("^")).length;
  return carets * 2 > ranges.length;
}

/** `npm install lodash`, `yarn add lodash`, `pnpm add lodash`, by the project's lock file. */
function addCommand(workspace: Workspace, manifest: string, name: string): string {
  const install = npmLockFollowUp(workspace, manifest)?.command ?? "npm install";
  const tool = install.split(" ")[0];
  return tool === "npm" ? `npm install ${name}` : `${tool} add ${name}`;
}

/** The version under node_modules beside the manifest, when the package is installed there. */
function installedNpmVersion(
  workspace: Workspace,
  manifest: string,
  name: string,
): string | undefined {
  const installed = path.join(
    path.dirname(manifest),
    "node_modules",
    ...name.split("/"),
    "package.json",
  );
  const version = readJson(workspace, installed)?.version;
  return typeof version === "string" ? version : undefined;
}
