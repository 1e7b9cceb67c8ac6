import * as path from "node:path";
import { findNodeAtLocation } from "jsonc-parser";
import { isMap, isSeq } from "yaml";
import type { ParsedFile } from "../../engine/parse";
import type { Range, RelatedLocation } from "../../engine/types";
import { finalStage } from "../../languages/dockerfile";
import { commandForm } from "../../languages/dockerSyntax";
import { nodeOffsets, scalarString } from "../../languages/yamlFile";
import type { Workspace } from "../../workspace/workspace";
import { projectDir } from "./envFiles";

/** A command that starts a process: a Dockerfile CMD, a compose command, a Procfile line. */
export interface LaunchCommand {
  file: string;
  range: Range;
  text: string;
}

function dockerCommands(parsed: ParsedFile): LaunchCommand[] {
  if (!parsed.docker) return [];
  return finalStage(parsed.docker)
    .filter((i) => i.keyword === "CMD" || i.keyword === "ENTRYPOINT")
    .map((i) => {
      const form = commandForm(i.args);
      const text = form.form === "exec" ? form.argv.join(" ") : form.command;
      return { file: parsed.path, range: i.range, text };
    });
}

function composeCommands(parsed: ParsedFile): LaunchCommand[] {
  const result: LaunchCommand[] = [];
  for (const document of parsed.yaml?.documents ?? []) {
    const services = isMap(document.contents) ? document.contents.get("services", true) : undefined;
    if (!isMap(services)) continue;
    for (const pair of services.items) {
      if (!isMap(pair.value)) continue;
      for (const key of ["command", "entrypoint"]) {
        const node = pair.value.get(key, true);
        if (!node || typeof node !== "object") continue;
        const text = isSeq(node)
          ? node.items.map((item) => scalarString(item) ?? "").join(" ")
          : (scalarString(node) ?? "");
        const [start, end] = nodeOffsets(node as never);
        result.push({ file: parsed.path, range: parsed.source.range(start, end), text });
      }
    }
  }
  return result;
}

function procfileCommands(parsed: ParsedFile): LaunchCommand[] {
  const result: LaunchCommand[] = [];
  for (let line = 0; line < parsed.source.lineCount; line++) {
    const match = /^\s*[\w-]+\s*:\s*(.+)$/.exec(parsed.source.lineText(line));
    if (!match) continue;
    const start = parsed.source.lineStart(line);
    const range = parsed.source.range(start, start + match[0].length);
    result.push({ file: parsed.path, range, text: match[1].trim() });
  }
  return result;
}

function startScript(parsed: ParsedFile): LaunchCommand[] {
  const root = parsed.packageJson?.root;
  const node = root ? findNodeAtLocation(root, ["scripts", "start"]) : undefined;
  if (!node || typeof node.value !== "string") return [];
  const range = parsed.source.range(node.offset, node.offset + node.length);
  return [{ file: parsed.path, range, text: node.value }];
}

/** Names of the files that can start processes; only these are parsed. */
const LAUNCH_FILE =
  /^(Dockerfile|Containerfile)(\.[\w.-]+)?$|\.dockerfile$|^Procfile(\.[\w.-]+)?$|\.ya?ml$|^package\.json$/i;
const LAUNCH_KINDS = ["dockerfile", "compose", "procfile", "package-json"];

/** Whether a launch file belongs to the project of a source file. */
function relevant(workspace: Workspace, source: string, launcher: string): boolean {
  const dir = path.dirname(launcher);
  const within = (parent: string, child: string) =>
    child === parent || child.startsWith(parent + path.sep);
  return within(dir, path.dirname(source)) || within(projectDir(workspace, source), dir);
}

/** The commands that start processes of the project a source file belongs to. */
export function launchCommands(workspace: Workspace, source: string): LaunchCommand[] {
  const files = workspace.model
    .files()
    .filter((f) => LAUNCH_FILE.test(path.basename(f)) && relevant(workspace, source, f))
    .map((f) => workspace.model.parsed(f))
    .filter((f): f is ParsedFile => !!f && LAUNCH_KINDS.includes(f.kind));
  return files.flatMap((parsed) => {
    switch (parsed.kind) {
      case "dockerfile":
        return dockerCommands(parsed);
      case "compose":
        return composeCommands(parsed);
      case "procfile":
        return procfileCommands(parsed);
      default:
        return startScript(parsed);
    }
  });
}

/** Whether a command runs a given source file directly (`python app.py`, `node server.js`). */
export function runsFile(command: LaunchCommand, source: string): boolean {
  const base = path.basename(source).replace(/[.$^()[\]{}|\\+*?]/g, "\\$&");
  return new RegExp(`(^|[\\s/"'])${base}($|[\\s"'])`).test(command.text);
}

/** Related locations pointing at the commands that start a file directly. */
export function startedHere(commands: LaunchCommand[]): RelatedLocation[] {
  return commands.map((c) => ({
    file: c.file,
    range: c.range,
    message: {
      en: "The container starts this file directly here.",
      zh: "容器在这里直接启动该文件。",
    },
  }));
}
