import * as path from "node:path";
import type { ParsedFile } from "../engine/parse";
import type { Rule } from "../engine/rule";
import type { FileChange, Localized } from "../engine/types";
import { SourceText } from "../languages/sourceText";
import type { Workspace } from "../workspace/workspace";
import { KNOWN_VERSIONS } from "./shared/knownVersions";
import { readJson } from "./shared/npmPackages";
import { distributionFor } from "./shared/pythonDistributions";
import { installedPackages } from "./shared/pythonEnvironment";
import { requirementFor } from "./shared/pythonManifestEdits";
import { nearestPythonManifests } from "./shared/pythonManifests";
import { thirdPartyPythonImports, thirdPartyScriptImports } from "./shared/thirdParty";

type Family = "python" | "script";

/** Files that mark the folder of a project (where its manifest belongs). */
const PROJECT_MARKERS = [
  ".git",
  "Dockerfile",
  "Procfile",
  "docker-compose.yml",
  "docker-compose.yaml",
  "compose.yaml",
  "compose.yml",
  "README.md",
  "README.rst",
  "README",
  "Makefile",
  ".gitignore",
];

/** Code with third-party imports and no manifest cannot be rebuilt anywhere else. */
export const rule: Rule = {
  meta: {
    id: "dep-no-manifest",
    factors: [2],
    categories: ["startup"],
    severity: "warning",
    kinds: ["python", "javascript", "typescript"],
    fixable: true,
    handbook: "startup",
    title: {
      en: "Third-party imports without a dependency manifest",
      zh: "有第三方导入却没有依赖清单",
    },
    description: {
      en: "Code that imports third-party packages with no requirements.txt, pyproject.toml or package.json above it runs only where someone installed them by hand; an image build installs nothing and the app fails at startup. Reported once per project folder.",
      zh: "代码导入了第三方包，但上层目录没有 requirements.txt、pyproject.toml 或 package.json，只能在手动装过这些包的机器上运行；构建镜像时什么也不会安装，应用启动即失败。每个项目目录只报告一次。",
    },
  },

  check({ file, workspace, report }) {
    const family: Family = file.python ? "python" : "script";
    if (hasManifest(workspace, file.path, family)) return;
    const own = imported(workspace, file, family);
    if (own.length === 0) return;
    const group = projectFolder(workspace, file.path);
    const members = groupMembers(workspace, file, family, group);
    for (const member of members) {
      if (member.path === file.path) break;
      if (imported(workspace, member, family).length > 0) return;
    }
    const names = [
      ...new Set(members.flatMap((m) => imported(workspace, m, family).map((i) => i.name))),
    ];
    const manifest = family === "python" ? "requirements.txt" : "package.json";
    const { change, unpinned } =
      family === "python"
        ? pythonManifest(workspace, group, names)
        : npmManifest(workspace, group, names);
    const shown = path
      .relative(workspace.rootOf(file.path), path.join(group, manifest))
      .split(path.sep)
      .join("/");
    const notPinned: Localized = unpinned.length
      ? {
          en: ` (no version known for ${unpinned.join(", ")}: pin after installing)`,
          zh: `（${unpinned.join("、")} 版本未知：安装后请锁定版本）`,
        }
      : { en: "", zh: "" };
    report({
      range: own[0].range,
      message: {
        en: `No ${manifest} (or other manifest) above this code declares ${names.join(", ")}: an image build installs none of them, so the app fails at startup outside the machine where they were installed by hand.`,
        zh: `上层目录没有 ${manifest}（或其他依赖清单）声明 ${names.join("、")}：构建镜像时一个都不会安装，应用离开手动装过它们的机器就会启动失败。`,
      },
      fixes: [
        {
          title: {
            en: `Create ${shown} with the imported packages${notPinned.en}`,
            zh: `创建包含这些导入包的 ${manifest}${notPinned.zh}`,
          },
          changes: [change],
          preferred: true,
        },
      ],
    });
  },
};

const PYTHON_MANIFESTS = [
  "requirements.txt",
  "requirements.in",
  "pyproject.toml",
  "Pipfile",
  "setup.py",
  "setup.cfg",
  "environment.yml",
  "environment.yaml",
];

function hasManifest(workspace: Workspace, file: string, family: Family): boolean {
  if (family === "script")
    return workspace.findUp(file, ["package.json", "deno.json", "deno.jsonc"]) !== undefined;
  return (
    workspace.findUp(file, PYTHON_MANIFESTS) !== undefined ||
    nearestPythonManifests(workspace, file) !== undefined
  );
}

interface Imported {
  name: string;
  range: ReturnType<SourceText["range"]>;
}

/** The distributions or packages a file imports, with where each import sits. */
function imported(workspace: Workspace, file: ParsedFile, family: Family): Imported[] {
  if (family === "python") {
    const installed = installedPackages(workspace, file.path).topLevel;
    return thirdPartyPythonImports(workspace, file).map((i) => ({
      name: distributionFor(i.module, installed),
      range: file.source.range(i.node.startIndex, i.node.endIndex),
    }));
  }
  return thirdPartyScriptImports(workspace, file).map((i) => ({
    name: i.packageName,
    range: file.source.range(i.node.getStart(file.script?.source), i.node.getEnd()),
  }));
}

/** The nearest folder that looks like a project root, else the workspace root. */
function projectFolder(workspace: Workspace, file: string): string {
  const marker = workspace.findUp(file, PROJECT_MARKERS);
  return marker ? path.dirname(marker) : workspace.rootOf(file);
}

/** Files of the same language in the same project folder and without a manifest, by path. */
function groupMembers(
  workspace: Workspace,
  file: ParsedFile,
  family: Family,
  group: string,
): ParsedFile[] {
  const members: ParsedFile[] = [];
  const paths = new Set([...workspace.model.files(), file.path]);
  for (const candidate of [...paths].sort()) {
    if (!candidate.startsWith(group + path.sep)) continue;
    if (candidate !== file.path && !sameFamily(candidate, family)) continue;
    if (projectFolder(workspace, candidate) !== group || hasManifest(workspace, candidate, family))
      continue;
    const parsed = candidate === file.path ? file : workspace.model.parsed(candidate);
    if (parsed && (family === "python" ? parsed.python : parsed.script)) members.push(parsed);
  }
  return members;
}

function sameFamily(file: string, family: Family): boolean {
  const python = /\.pyi?$/i.test(file);
  return family === "python"
    ? python
    : /\.[cm]?[jt]sx?$/i.test(file) && !/\.d\.[cm]?ts$/i.test(file);
}

/** The manifest to create, and the packages it could not pin. */
interface NewManifest {
  change: FileChange;
  unpinned: string[];
}

function pythonManifest(workspace: Workspace, group: string, names: string[]): NewManifest {
  const file = path.join(group, "requirements.txt");
  const requirements = names.map((n) => ({ name: n, ...requirementFor(workspace, file, n) }));
  return {
    change: created(file, `${requirements.map((r) => r.line).join("\n")}\n`),
    unpinned: requirements.filter((r) => !r.source).map((r) => r.name),
  };
}

function npmManifest(workspace: Workspace, group: string, names: string[]): NewManifest {
  const file = path.join(group, "package.json");
  const dependencies: Record<string, string> = {};
  for (const name of [...names].sort()) {
    const installed = readJson(
      workspace,
      path.join(group, "node_modules", ...name.split("/"), "package.json"),
    )?.version;
    dependencies[name] = typeof installed === "string" ? installed : (KNOWN_VERSIONS[name] ?? "*");
  }
  const slug =
    path
      .basename(group)
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, "-")
      .replace(/^[._-]+/, "") || "app";
  const manifest = { name: slug, version: "1.0.0", private: true, dependencies };
  return {
    change: created(file, `${JSON.stringify(manifest, null, 2)}\n`),
    unpinned: Object.keys(dependencies).filter((name) => dependencies[name] === "*"),
  };
}

function created(file: string, text: string): FileChange {
  const start = { line: 0, character: 0 };
  return { file, create: true, edits: [{ range: { start, end: start }, newText: text }] };
}
