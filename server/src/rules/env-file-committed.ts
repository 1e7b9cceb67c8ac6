import * as path from "node:path";
import type { Rule } from "../engine/rule";
import type { RelatedLocation } from "../engine/types";
import { gitignoreChain, ignoreFileChange, isGitIgnored } from "./shared/gitignore";

/** Names of dotenv files that are meant to be committed: templates without real values. */
const TEMPLATE = /(^|[._-])(example|sample|template|tpl|tmpl|dist|defaults|schema|vault)([._-]|$)/i;

/** A `.env` file that git would commit puts the deploy's secrets in the repository. */
export const rule: Rule = {
  meta: {
    id: "env-file-committed",
    factors: [3],
    categories: ["security"],
    severity: "warning",
    kinds: ["dotenv"],
    fixable: true,
    handbook: "security",
    title: {
      en: ".env file is not ignored by git",
      zh: ".env 文件没有被 git 忽略",
    },
    description: {
      en: "A .env file holds the values of one deploy, secrets included. When .gitignore does not exclude it, the next `git add .` publishes them to everyone with access to the repository and its history.",
      zh: ".env 文件保存某一次部署的配置值，包括密钥。若 .gitignore 没有排除它，下一次 `git add .` 就会把这些值公开给所有能访问仓库及其历史的人。",
    },
  },

  check({ file, workspace, report }) {
    const name = path.basename(file.path);
    if (TEMPLATE.test(name.replace(/^\.env/i, ""))) return;
    if (!file.dotenv?.entries.some((entry) => entry.value !== "")) return;
    if (isGitIgnored(workspace, file.path)) return;

    const chain = gitignoreChain(workspace, file.path).filter((l) => workspace.exists(l.file));
    const gitignore = chain[chain.length - 1]?.file;
    const related: RelatedLocation[] = gitignore
      ? [
          {
            file: gitignore,
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            message: {
              en: `This .gitignore does not exclude ${name}.`,
              zh: `此 .gitignore 没有排除 ${name}。`,
            },
          },
        ]
      : [];
    const change = ignoreFileChange(workspace, file.path);
    report({
      range: {
        start: { line: 0, character: 0 },
        end: { line: 0, character: file.source.lineText(0).length },
      },
      message: {
        en: `${name} is not ignored by git, so its values (secrets included) get committed with the next \`git add\` and stay in the history. Ignore it; if it was committed already, run \`git rm --cached ${name}\` and rotate the secrets.`,
        zh: `${name} 没有被 git 忽略，其中的值（包括密钥）会随下一次 \`git add\` 提交并永久留在历史中。请忽略它；若已提交过，请执行 \`git rm --cached ${name}\` 并轮换密钥。`,
      },
      related,
      fixes: change
        ? [
            {
              title: { en: `Add ${name} to .gitignore`, zh: `把 ${name} 加入 .gitignore` },
              changes: [change],
              preferred: true,
            },
          ]
        : [],
    });
  },
};
