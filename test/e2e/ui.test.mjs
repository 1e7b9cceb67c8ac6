// The extension in a real VS Code workbench, used the way a user would: squiggles, the Problems
// panel, a quick fix, and the fault-index view. Run with `node --test test/e2e/ui.test.mjs`
// (Node 20 also accepts the folder) or scripts/test-e2e.sh.
import assert from "node:assert/strict";
import { readdirSync, statSync } from "node:fs";
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
  dirtyEditor,
  goTo,
  openQuickFixes,
  expandTreeRow,
  openViewContainer,
  pickQuickFix,
  problemRows,
  quickOpen,
  saveActiveEditor,
  screenshot,
  treeRows,
  waitVisible,
  widenSideBar,
  waitForSquiggle,
} from "./workbench.mjs";
import { PORT_LITERAL, findPortTarget, prepareWorkspace, waitForFileChange } from "./workspace.mjs";

// The port fix, not the suppression comment or "learn more" entries offered next to it.
const PORT_FIX = { include: /port/i, exclude: /ignore|suppress|disable|learn|explain|handbook/i };
const CATEGORY_COUNT = 6;

/** The .vsix under test: $TFD_VSIX, else the newest twelve-factor-doctor*.vsix in the root. */
function findVsix() {
  if (process.env.TFD_VSIX) return process.env.TFD_VSIX;
  const candidates = readdirSync(repoRoot)
    .filter((name) => /^twelve-factor-doctor.*\.vsix$/.test(name))
    .map((name) => join(repoRoot, name))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);

  if (candidates.length === 0) {
    throw new Error("No twelve-factor-doctor*.vsix in the repository root: run `npm run package`");
  }
  return candidates[0];
}

/**
 * Saves the fix to disk. The workbench saves files changed by a code action itself when
 * `files.refactoring.autoSave` is on; otherwise the editor turns dirty and the user saves.
 */
async function saveFix(page, target) {
  const onDisk = waitForFileChange(target.file, target.text);
  const dirty = dirtyEditor(page);

  if ((await Promise.race([onDisk.then(() => false), dirty])) === true) {
    await saveActiveEditor(page);
  }
  return onDisk;
}

describe("Twelve-Factor Doctor in the VS Code workbench", { timeout: 180_000 }, () => {
  const editor = {};
  let target;
  let page;
  let failed = false;

  before(async () => {
    assertEditorInstalled();
    editor.run = await createRun();
    const workspace = await prepareWorkspace(editor.run);
    target = await findPortTarget(workspace);

    await installExtension(editor.run, findVsix());
    editor.server = await startCodeServer(editor.run);
    editor.context = await launchBrowser(editor.run);
    page = editor.context.pages()[0] ?? (await editor.context.newPage());
    await openWorkbench(page, workbenchUrl(editor.server, workspace));
  });

  after(async () => {
    if (failed && editor.run) {
      console.error(`Run folder kept: ${editor.run.dir}\n${await logTail(editor.run)}`);
    }
    await closeEditor({ ...editor, keep: failed });
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
    await goTo(page, target.line, target.column);
    await waitForSquiggle(page);
    await screenshot(page, "squiggle.png");
  });

  step("lists the findings in Problems with their rule ids", async () => {
    for (const rule of target.rules) {
      const rows = await problemRows(page, rule);
      const shown = rows.map((row) => `${row.label} [${row.text}]`).join(" | ");

      assert.ok(
        rows.some((row) => row.text.includes(`12-factor${rule}`)),
        `Problems rows for ${rule}: ${shown}`,
      );
      assert.ok(
        rows.some((row) => row.label.includes("12-factor")),
        `aria-labels name the source: ${shown}`,
      );
    }
  });

  step("fixes a hard-coded port through the quick-fix menu", async () => {
    await quickOpen(page, target.name);
    await goTo(page, target.line, target.column);
    const titles = await openQuickFixes(page);
    await screenshot(page, "lightbulb.png");

    const picked = await pickQuickFix(page, PORT_FIX);
    const text = await saveFix(page, target);
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
    const categories = rows.filter((row) => row.level === 1);
    assert.equal(
      categories.length,
      CATEGORY_COUNT,
      `top-level rows: ${categories.map((row) => row.label).join(" | ")}`,
    );
  });

  step("lists a category's findings and opens one", async () => {
    await expandTreeRow(page, "twelveFactor", "Secrets exposed");
    // Symptoms, causes, checklist, and the findings section, open by default.
    const findingRow = page
      .locator('[id="workbench.view.extension.twelveFactor"] .monaco-list-row[aria-level="3"]')
      .filter({ hasText: "hard-coded secret" })
      .first();
    await waitVisible(page, findingRow, "a hard-coded secret under Secrets exposed");
    await widenSideBar(page, 560);
    await screenshot(page, "fault-index.png");

    const rows = await treeRows(page, "twelveFactor");
    const sections = rows.filter((row) => row.level === 2).map((row) => row.label.trim());
    assert.deepEqual(sections.slice(0, 3), ["Symptoms", "Likely causes", "Checklist"]);
    assert.match(sections[3], /^Findings \(\d+\)$/);

    const label = await findingRow.getAttribute("aria-label");
    const file = /, ([^,:]+):\d+$/.exec(label ?? "")?.[1];
    assert.ok(file, `a finding row names its file: ${label}`);
    await findingRow.click();
    const tab = page.locator(".tabs-container .tab.active");
    await tab.filter({ hasText: file }).waitFor({ timeout: 10_000 });
  });
});
