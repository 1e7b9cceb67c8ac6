import type { Rule, RuleContext } from "../engine/rule";
import type { Fix, Localized, Severity } from "../engine/types";
import type { DockerFile, DockerInstruction } from "../languages/dockerfile";
import {
  commandForm,
  execFormText,
  stageChain,
  stageInstructions,
  type CommandForm,
} from "../languages/dockerSyntax";
import { lexShell } from "../languages/shellWords";
import { isPosixShell, pid1Argv, POSIX_SHELL } from "./shared/execForm";

type ShellForm = Extract<CommandForm, { form: "shell" }>;

/** A start command run through `/bin/sh -c` leaves the shell as PID 1, deaf to SIGTERM. */
export const rule: Rule = {
  meta: {
    id: "docker-cmd-shell-form",
    factors: [9],
    categories: ["performance", "startup"],
    severity: "warning",
    kinds: ["dockerfile"],
    fixable: true,
    handbook: "performance",
    title: {
      en: "CMD/ENTRYPOINT in shell form",
      zh: "CMD/ENTRYPOINT 使用了 shell 形式",
    },
    description: {
      en: 'In shell form Docker starts `/bin/sh -c "…"`, so the shell is PID 1 and does not pass SIGTERM to the app: deploys and scale-downs kill it after the grace period, dropping in-flight requests. Use exec form (a JSON array) or `exec` the app from the shell.',
      zh: 'shell 形式下 Docker 启动的是 `/bin/sh -c "…"`，shell 成为 PID 1 且不会把 SIGTERM 转发给应用：发布和缩容时应用在宽限期后被强杀，进行中的请求被丢弃。请使用 exec 形式（JSON 数组），或在 shell 中用 `exec` 启动应用。',
    },
  },

  check(context) {
    const docker = context.file.docker;
    if (!docker) return;
    for (let stage = 0; stage < docker.stageCount; stage++) checkStage(context, docker, stage);
  },
};

function lastOf(instructions: DockerInstruction[], keyword: string) {
  return instructions.filter((i) => i.keyword === keyword).pop();
}

function checkStage(context: RuleContext, docker: DockerFile, stage: number): void {
  const own = stageInstructions(docker, stage);
  const entrypoint = lastOf(own, "ENTRYPOINT");
  const cmd = lastOf(own, "CMD");
  const inherited = stageChain(docker, stage)
    .slice(1)
    .map((s) => lastOf(stageInstructions(docker, s), "ENTRYPOINT"))
    .find((i) => i !== undefined);

  if (entrypoint) {
    const form = commandForm(entrypoint.args);
    if (form.form === "shell" && form.command) report(context, docker, entrypoint, form, !cmd);
    return;
  }
  if (!cmd || inherited) return;
  const form = commandForm(cmd.args);
  if (form.form === "shell" && form.command) report(context, docker, cmd, form, true);
}

function report(
  context: RuleContext,
  docker: DockerFile,
  instruction: DockerInstruction,
  form: ShellForm,
  fixable: boolean,
): void {
  const startsWithExec = !form.notJson && /^exec\s/.test(form.command);
  const severity: Severity | undefined = startsWithExec ? "hint" : undefined;
  const argv = fixable ? fixedArgv(docker, instruction, form) : undefined;
  context.report({
    range: instruction.range,
    severity,
    message: messageFor(instruction.keyword, form, startsWithExec),
    fixes: argv ? [fixFor(context, instruction, argv)] : [],
  });
}

function fixedArgv(
  docker: DockerFile,
  instruction: DockerInstruction,
  form: ShellForm,
): string[] | undefined {
  if (form.notJson) return form.intended;
  if (!lexShell(form.command)) return undefined;
  const shell = shellOf(docker, instruction.stage);
  return shell ? pid1Argv(form.command, shell) : undefined;
}

/** The stage's SHELL when it is a POSIX shell, the default `sh -c` without one. */
function shellOf(docker: DockerFile, stage: number): string[] | undefined {
  for (const s of stageChain(docker, stage)) {
    const shell = lastOf(stageInstructions(docker, s), "SHELL");
    if (!shell) continue;
    const form = commandForm(shell.args);
    return form.form === "exec" && isPosixShell(form.argv) ? form.argv : undefined;
  }
  return POSIX_SHELL;
}

function fixFor(context: RuleContext, instruction: DockerInstruction, argv: string[]): Fix {
  const range = instruction.argsRange ?? instruction.range;
  return {
    title: { en: "Convert to exec form", zh: "改为 exec 形式" },
    preferred: true,
    changes: [{ file: context.file.path, edits: [{ range, newText: execFormText(argv) }] }],
  };
}

function messageFor(keyword: string, form: ShellForm, startsWithExec: boolean): Localized {
  if (form.notJson === "single-quotes") {
    return {
      en: `Single quotes make this ${keyword} shell form: exec form must be JSON with double quotes, so Docker runs the text through /bin/sh -c and the container fails to start (the shell tries to run "['…").`,
      zh: `单引号使这条 ${keyword} 变成了 shell 形式：exec 形式必须是使用双引号的 JSON，因此 Docker 会把整段文本交给 /bin/sh -c 执行，容器无法启动（shell 会尝试运行 "['…"）。`,
    };
  }
  if (form.notJson === "invalid-json") {
    return {
      en: `This ${keyword} looks like exec form but is not valid JSON (a trailing comma?), so Docker runs the text through /bin/sh -c and the container fails to start.`,
      zh: `这条 ${keyword} 看似 exec 形式，但不是合法的 JSON（多余的逗号？），Docker 会把它交给 /bin/sh -c 执行，容器无法启动。`,
    };
  }
  if (startsWithExec) {
    return {
      en: `${keyword} in shell form, but "exec" replaces the shell, so the app is PID 1 and receives SIGTERM. Exec form would also drop the dependency on /bin/sh.`,
      zh: `${keyword} 是 shell 形式，但 "exec" 替换了 shell，应用就是 PID 1，能收到 SIGTERM。改为 exec 形式还可以不依赖 /bin/sh。`,
    };
  }
  return {
    en: `${keyword} in shell form runs under /bin/sh -c, so the shell is PID 1 and does not pass SIGTERM on: every deploy or scale-down kills the app after the grace period instead of letting it finish its requests.`,
    zh: `shell 形式的 ${keyword} 在 /bin/sh -c 下运行，shell 成为 PID 1 且不转发 SIGTERM：每次发布或缩容时应用都会在宽限期后被强杀，来不及处理完进行中的请求。`,
  };
}
