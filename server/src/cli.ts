import * as fs from "node:fs";
import * as path from "node:path";
import { Command, Option } from "commander";
import { formatJson, formatSarif, formatText } from "./cli/formats";
import { fixAll, fixSummary } from "./cli/fixAll";
import { SEVERITY_ORDER, type Locale, type ResolvedFinding, type Severity } from "./engine/types";
import { initPython } from "./languages/python";
import { PRODUCT } from "./product";
import { RULES } from "./rules";
import { AnalysisService } from "./service/analysisService";
import { MAX_FILE_BYTES } from "./workspace/workspace";

interface CheckOptions {
  format: "text" | "json" | "sarif";
  fix: boolean;
  lang: Locale;
  failOn: Severity | "none";
  verbose: boolean;
  base?: string;
}

/** The folder output paths are relative to, given with `--base`. */
function baseFolder(base: string): string {
  const folder = path.resolve(base);
  if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UsageError(`--base: no such folder: ${folder}`);
  }
  return folder;
}

function stderrLogger(verbose: boolean) {
  const print = (m: string) => process.stderr.write(`${m}\n`);
  return {
    info: verbose ? print : () => undefined,
    debug: verbose ? print : () => undefined,
    warn: (m: string) => process.stderr.write(`warning: ${m}\n`),
    error: (m: string) => process.stderr.write(`error: ${m}\n`),
  };
}

function defaultLocale(): Locale {
  const lang = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || "";
  return lang.toLowerCase().startsWith("zh") ? "zh" : "en";
}

async function check(paths: string[], options: CheckOptions): Promise<number> {
  await initPython();
  const targets = (paths.length > 0 ? paths : ["."]).map((p) => path.resolve(p));
  for (const target of targets) {
    if (!fs.existsSync(target)) throw new UsageError(`No such file or folder: ${target}`);
  }
  const roots = targets.map((t) => (fs.statSync(t).isDirectory() ? t : path.dirname(t)));
  const service = new AnalysisService(roots, stderrLogger(options.verbose));
  const files = targets.flatMap((t) => (fs.statSync(t).isDirectory() ? [] : [t]));
  const list = () => (roots.length === files.length ? files : [...service.index(), ...files]);
  const root = options.base
    ? baseFolder(options.base)
    : targets.length === 1 && fs.statSync(targets[0]).isDirectory()
      ? targets[0]
      : process.cwd();

  if (options.fix) {
    const report = fixAll(service, list);
    const summary = fixSummary(report, { root, locale: options.lang });
    process.stderr.write(summary.join("\n") + "\n");
  }
  const checked = list();
  const findings = checked.flatMap((file) => service.analyse(file));
  for (const line of skippedLines(service, checked, root)) process.stderr.write(`${line}\n`);
  process.stdout.write(render(findings, options, root) + "\n");

  if (options.failOn === "none") return 0;
  const threshold = SEVERITY_ORDER.indexOf(options.failOn);
  return findings.some((f) => SEVERITY_ORDER.indexOf(f.severity) >= threshold) ? 1 : 0;
}

/** One line per file left unanalysed because of its size. */
function skippedLines(service: AnalysisService, files: string[], root: string): string[] {
  const megabytes = (bytes: number) => `${(bytes / MEGABYTE).toFixed(1)} MB`;
  const limit = `${MAX_FILE_BYTES / MEGABYTE} MB`;
  return files.flatMap((file) => {
    const size = service.workspace.oversized(file);
    const relative = path.relative(root, file).split(path.sep).join("/");
    return size === undefined
      ? []
      : [`skipped: ${relative} (${megabytes(size)}, over the ${limit} limit)`];
  });
}

const MEGABYTE = 1024 * 1024;

function render(findings: ResolvedFinding[], options: CheckOptions, root: string): string {
  const formatOptions = { root, locale: options.lang };
  if (options.format === "json") return formatJson(findings, formatOptions);
  if (options.format === "sarif") return formatSarif(findings, RULES, formatOptions);
  return formatText(findings, formatOptions);
}

class UsageError extends Error {}

function program(): Command {
  const command = new Command("twelve-factor-doctor")
    .description("Finds code and configuration that break the Twelve-Factor principles.")
    .version(PRODUCT.version)
    .exitOverride();
  command
    .command("check")
    .description("analyse files or folders and report findings")
    .argument("[paths...]", "files or folders (default: the current folder)")
    .addOption(
      new Option("-f, --format <format>", "output format")
        .choices(["text", "json", "sarif"])
        .default("text"),
    )
    .addOption(
      new Option("--lang <lang>", "message language")
        .choices(["en", "zh"])
        .default(defaultLocale(), "zh when LANG is Chinese, else en"),
    )
    .addOption(
      new Option("--fail-on <severity>", "lowest severity that fails the run (none: never)")
        .choices([...SEVERITY_ORDER, "none"])
        .default("warning"),
    )
    .option(
      "--fix",
      "apply the preferred quick-fix of every finding, in passes until none applies",
      false,
    )
    .option(
      "--base <folder>",
      "write paths relative to this folder (default: the checked folder, or the current one)",
    )
    .option("--verbose", "log each file analysed and its time to stderr", false)
    .action(async (paths: string[], options: CheckOptions) => {
      process.exitCode = await check(paths, options);
    });
  return command;
}

async function main(): Promise<void> {
  try {
    await program().parseAsync(process.argv);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "commander.helpDisplayed" || code === "commander.version") return;
    if (!code?.startsWith("commander.")) {
      process.stderr.write(`error: ${(error as Error).message}\n`);
    }
    process.exitCode = 2;
  }
}

// `… | head` closes the pipe early: stop quietly instead of crashing on the next write.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});

void main();
