import * as path from "node:path";
import type { ParsedFile } from "../../engine/parse";
import type { Range } from "../../engine/types";
import type { DockerInstruction } from "../../languages/dockerfile";
import {
  lexShell,
  leadingAssignments,
  simpleCommands,
  type ShellWord,
  type SimpleCommand,
} from "../../languages/shellWords";

/** A package-manager command inside a RUN instruction, with offsets into the Dockerfile. */
export interface InstallCommand {
  instruction: DockerInstruction;
  /** Document offset of the RUN arguments; word offsets are relative to it. */
  base: number;
  /** The words of the command, leading `NAME=value` assignments removed. */
  words: ShellWord[];
  /** Names of the assignments in front of the command. */
  assignments: string[];
  /** Index in `words` of the `install` (or `i`) word. */
  install: number;
  /** Every simple command of the same RUN, for context (cache clean-up, exports). */
  siblings: SimpleCommand[];
}

/** Every simple command of each RUN (shell form only), with its document base offset. */
function runCommands(
  file: ParsedFile,
): Array<{ run: DockerInstruction; base: number; commands: SimpleCommand[] }> {
  const result = [];
  for (const run of file.docker?.instructions ?? []) {
    if (run.keyword !== "RUN" || !run.argsRange) continue;
    const base = file.source.offsetAt(run.argsRange.start);
    const raw = file.source.text.slice(base, file.source.offsetAt(run.argsRange.end));
    if (raw.trimStart().startsWith("[") || raw.trimStart().startsWith("<<")) continue;
    const tokens = lexShell(raw);
    if (tokens) result.push({ run, base, commands: simpleCommands(tokens) });
  }
  return result;
}

const PIP = /^pip(\d+(\.\d+)?)?$/;
const PYTHON = /^python(\d+(\.\d+)?)?$/;
const NPM_INSTALL = new Set([
  "install",
  "i",
  "in",
  "ins",
  "inst",
  "insta",
  "instal",
  "isnt",
  "isntall",
  "add",
]);

/** Where `install` sits for `pip install`, `pip3 install` and `python -m pip install`. */
function pipInstallIndex(words: ShellWord[]): number {
  const program = path.posix.basename(words[0]?.value ?? "");
  if (PIP.test(program)) return words[1]?.value === "install" ? 1 : -1;
  if (!PYTHON.test(program)) return -1;
  const module = words.findIndex((w, i) => w.value === "pip" && words[i - 1]?.value === "-m");
  return module > 0 && words[module + 1]?.value === "install" ? module + 1 : -1;
}

function npmInstallIndex(words: ShellWord[]): number {
  const program = path.posix.basename(words[0]?.value ?? "");
  return program === "npm" && NPM_INSTALL.has(words[1]?.value ?? "") ? 1 : -1;
}

function installs(file: ParsedFile, index: (words: ShellWord[]) => number): InstallCommand[] {
  const result: InstallCommand[] = [];
  for (const { run, base, commands } of runCommands(file)) {
    for (const command of commands) {
      const skip = leadingAssignments(command.words);
      const words = command.words.slice(skip);
      const install = index(words);
      if (install < 0) continue;
      const assignments = command.words.slice(0, skip).map((w) => w.raw.split("=")[0]);
      result.push({ instruction: run, base, words, assignments, install, siblings: commands });
    }
  }
  return result;
}

export const pipInstalls = (file: ParsedFile): InstallCommand[] => installs(file, pipInstallIndex);

export const npmInstalls = (file: ParsedFile): InstallCommand[] => installs(file, npmInstallIndex);

/** The range of words `from`..`to` (inclusive) of a command. */
export function wordsRange(
  file: ParsedFile,
  command: InstallCommand,
  from: number,
  to: number,
): Range {
  return file.source.range(
    command.base + command.words[from].start,
    command.base + command.words[to].end,
  );
}

/** pip options that take the next word as their value. */
const PIP_VALUE_OPTIONS = new Set([
  "-r",
  "--requirement",
  "-c",
  "--constraint",
  "-e",
  "--editable",
  "-i",
  "--index-url",
  "--extra-index-url",
  "-f",
  "--find-links",
  "-t",
  "--target",
  "--prefix",
  "--root",
  "--src",
  "--upgrade-strategy",
  "--progress-bar",
  "--platform",
  "--python-version",
  "--implementation",
  "--abi",
  "--only-binary",
  "--no-binary",
  "--trusted-host",
  "--cache-dir",
  "--log",
  "--proxy",
  "--retries",
  "--timeout",
  "--exists-action",
  "--cert",
  "--client-cert",
  "--global-option",
  "--install-option",
  "--config-settings",
  "-C",
  "--report",
  "--python",
  "--root-user-action",
  "--use-feature",
  "--use-deprecated",
  "--keyring-provider",
  "--resume-retries",
]);

/** Positional arguments after `install` (packages, paths, URLs), option values skipped. */
export function installArguments(command: InstallCommand): number[] {
  const result: number[] = [];
  for (let i = command.install + 1; i < command.words.length; i++) {
    const value = command.words[i].value;
    if (value.startsWith("-")) {
      if (PIP_VALUE_OPTIONS.has(value)) i++;
      continue;
    }
    result.push(i);
  }
  return result;
}

/** Whether one of the words is the option (`--opt` or `--opt=value`). */
export function hasOption(command: InstallCommand, ...names: string[]): boolean {
  return command.words.some((w) => names.some((n) => w.value === n || w.value.startsWith(`${n}=`)));
}

/** The RUN's `--mount` flags. */
export function mountFlags(instruction: DockerInstruction): string[] {
  const node = instruction.node as unknown as {
    getFlags?: () => Array<{ getName(): string; getValue(): string | null }>;
  };
  return (node.getFlags?.() ?? [])
    .filter((f) => f.getName().toLowerCase() === "mount")
    .map((f) => f.getValue() ?? "");
}
