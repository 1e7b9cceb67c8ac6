// The extension in a real VS Code workbench, used the way a user would: squiggles, the Problems
// panel, a quick fix, and the fault-index view. Run with `node --test test/e2e/`.
import assert from "node:assert/strict";
import { readdirSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import {
  assertEditorInstalled,
  closeEditor,
  createRun,
  installExtension,
  launchBrowser,
  logTail,
  openWorkbench,
  repoRoot,
  startCodeServer,
  workbenchUrl,
} from "./editor.mjs";
import {
  goTo,
  openQuickFixes,
  openViewContainer,
  pickQuickFix,
  problemRows,
  quickOpen,
  saveActiveEditor,
  screenshot,
  waitForSquiggle,
} from "./workbench.mjs";
import { PORT_LITERAL, findPortTarget, prepareWorkspace } from "./workspace.mjs";

const PORT_FIX = /\bPORT\b|environment|env/i;
const CATEGORY_COUNT = 6;

/** The .vsix under test: $TFD_VSIX, else the newest twelve-factor-doctor-*.vsix in the root. */
function findVsix() {
  if (process.env.TFD_VSIX) return process.env.TFD_VSIX;
  const candidates = readdirSync(repoRoot)
    .filter((name) => /^twelve-factor-doctor-.*\.vsix$/.test(name))
    .map((name) => join(repoRoot, name))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);

  if (candidates.length === 0) {
    throw new Error("No twelve-factor-doctor-*.vsix in the repository root: run `npm run package`");
  }
  return candidates[0];
}

async function waitForFileChange(file, before, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  let text = before;

  while (text === before && Date.now() < deadline) {
    await new Promise((resolve) => setImmediate(resolve));
    text = await readFile(file, "utf8");
  }
  return text;
}

describe("Twelve-Factor Doctor in the VS Code workbench", { timeout: 180_000 }, () => {
  const session = {};
  let target;
  let page;
  let failed = false;

  before(async () => {
    assertEditorInstalled();
    session.run = await createRun();
    const workspace = await prepareWorkspace(session.run);
    target = await findPortTarget(workspace);

    await installExtension(session.run, findVsix());
    session.server = await startCodeServer(session.run);
    session.context = await launchBrowser(session.run);
    page = session.context.pages()[0] ?? (await session.context.newPage());
    await openWorkbench(page, workbenchUrl(session.server, workspace));
  });

  after(async () => {
    if (failed && session.run) {
      console.error(`Run folder kept: ${session.run.dir}\n${await logTail(session.run)}`);
    }
    await closeEditor({ ...session, keep: failed });
  });

  function step(name, body) {
    it(name, async () => {
      try {
        await body();
      } catch (error) {
        failed = true;
        throw error;
      }
    });
  }

  step("underlines a finding when a Python file is opened", async () => {
    await quickOpen(page, target.name);
    await waitForSquiggle(page);
    await screenshot(page, "squiggle.png");
  });

  step("lists the findings in Problems with their rule ids", async () => {
    for (const rule of target.rules) {
      const labels = await problemRows(page, rule);
      assert.ok(
        labels.some((label) => label.includes(rule)),
        `Problems rows for ${rule}: ${labels.join(" | ")}`,
      );
    }
  });

  step("fixes a hard-coded port through the quick-fix menu", async () => {
    await quickOpen(page, target.name);
    await goTo(page, target.line, target.column);
    const titles = await openQuickFixes(page);
    await screenshot(page, "lightbulb.png");

    const picked = await pickQuickFix(page, PORT_FIX);
    await saveActiveEditor(page);
    const text = await waitForFileChange(target.file, target.text);
    const line = text.split("\n")[target.line - 1] ?? "";

    assert.notEqual(
      text,
      target.text,
      `"${picked}" (of ${titles.join(" | ")}) left the file as is`,
    );
    assert.doesNotMatch(line, PORT_LITERAL, `line ${target.line} still hard-codes the port`);
    assert.match(text, /PORT/, "the fixed file does not read PORT");
  });

  step("shows the fault index with the six categories", async () => {
    const rows = await openViewContainer(page, {
      title: "Twelve-Factor Doctor",
      id: "twelveFactor",
      minRows: CATEGORY_COUNT,
    });
    await screenshot(page, "fault-index.png");

    const categories = rows.filter((row) => row.level === 1);
    assert.equal(
      categories.length,
      CATEGORY_COUNT,
      `top-level rows: ${categories.map((row) => row.label).join(" | ")}`,
    );
  });
});
