import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Engine } from "../../server/src/engine/engine";
import { DEFAULT_SETTINGS, type Settings } from "../../server/src/engine/settings";
import type { ResolvedFinding } from "../../server/src/engine/types";
import { initPython } from "../../server/src/languages/python";
import { RULES } from "../../server/src/rules";
import { Workspace } from "../../server/src/workspace/workspace";

/** A temporary workspace written from a map of relative paths to texts. */
export function makeWorkspace(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "tfd-"));
  for (const [relative, text] of Object.entries(files)) {
    const full = path.join(root, relative);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  }
  return root;
}

export interface Analysis {
  engine: Engine;
  workspace: Workspace;
  errors: string[];
}

export async function createAnalysis(root: string): Promise<Analysis> {
  await initPython();
  const errors: string[] = [];
  const workspace = new Workspace([root]);
  const engine = new Engine(RULES, workspace, { error: (m) => errors.push(m) });
  return { engine, workspace, errors };
}

/** Findings of every indexed file of a folder, as the CLI would report them. */
export async function analyseFolder(
  root: string,
  settings: Settings = DEFAULT_SETTINGS,
): Promise<ResolvedFinding[]> {
  const { engine, workspace } = await createAnalysis(root);
  return workspace.listFiles().flatMap((file) => {
    return engine.analyse(file, workspace.readText(file) ?? "", settings).findings;
  });
}
