import {
  leadingAssignments,
  lexShell,
  needsShell,
  simpleCommands,
  type ShellWord,
} from "../../languages/shellWords";

export const POSIX_SHELL = ["sh", "-c"];

/** Operators after which `exec` on the last command would not leave the app as PID 1. */
const UNSAFE_OPS = new Set(["||", "|", "|&", "&", "(", ")", ";;"]);

const SHELL_KEYWORDS = new Set(["if", "for", "while", "until", "case", "{", "!", "[[", "function"]);

/**
 * The argv that runs a shell command line so that the app, not a shell, ends up as PID 1:
 * plain words become the argv themselves; a line that needs the shell runs as
 * `sh -c "… exec <last command>"`. Undefined when no such argv exists (pipes, `||`,
 * background jobs, compound commands, unbalanced quotes).
 */
export function pid1Argv(command: string, shell: string[] = POSIX_SHELL): string[] | undefined {
  const tokens = lexShell(command);
  if (!tokens || tokens.length === 0) return undefined;
  const words = tokens.filter((t): t is ShellWord => t.kind === "word");

  if (words[0]?.value === "exec" && words.length === tokens.length) {
    const rest = words.slice(1);
    if (rest.length > 0 && !needsShell(rest)) return rest.map((w) => w.value);
  }
  if (!needsShell(tokens)) return words.map((w) => w.value);
  const script = execScript(command);
  return script === undefined ? undefined : [...shell, script];
}

/** The command line with `exec` before its last simple command, or undefined when unsafe. */
export function execScript(command: string): string | undefined {
  const tokens = lexShell(command);
  if (!tokens) return undefined;
  if (tokens.some((t) => t.kind === "op" && UNSAFE_OPS.has(t.value))) return undefined;
  const commands = simpleCommands(tokens);
  const last = commands[commands.length - 1];
  if (!last || last.words.length === 0) return undefined;
  if (commands.some((c) => c.words[0] && SHELL_KEYWORDS.has(c.words[0].value))) return undefined;

  const first = last.words[leadingAssignments(last.words)];
  if (!first) return undefined;
  const text = command.trim();
  const offset = command.length - command.trimStart().length;
  if (first.value === "exec") return text;
  const at = first.start - offset;
  return `${text.slice(0, at)}exec ${text.slice(at)}`;
}

/** Whether argv is `sh -c <script>` (or bash, ash, dash…): the script, else undefined. */
export function shellScriptOf(argv: string[]): string | undefined {
  if (argv.length < 3) return undefined;
  const base = argv[0].split("/").pop() ?? "";
  if (!/^(sh|bash|ash|dash|zsh|ksh)$/.test(base)) return undefined;
  return /^-\w*c$/.test(argv[1]) ? argv[2] : undefined;
}

/** Whether a SHELL argv (`["/bin/bash", "-o", "pipefail", "-c"]`) is a POSIX shell. */
export function isPosixShell(argv: string[]): boolean {
  const base = argv[0]?.split("/").pop() ?? "";
  return /^(sh|bash|ash|dash|zsh|ksh)$/.test(base) && /^-\w*c$/.test(argv[argv.length - 1]);
}
