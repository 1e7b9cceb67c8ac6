// What a user does in the workbench, as Playwright steps that wait for the DOM state they need
// and fail with a message naming what never appeared.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { repoRoot } from "./editor.mjs";

export const resultsDir = process.env.TFD_RESULTS_DIR ?? join(repoRoot, "test-results");

const SELECTORS = {
  quickInput: ".quick-input-widget",
  quickInputBox: ".quick-input-widget .quick-input-box input",
  editor: ".part.editor .monaco-editor",
  squiggle:
    ".part.editor .monaco-editor .squiggly-warning, .part.editor .monaco-editor .squiggly-error",
  problemsRow: ".markers-panel .monaco-list-row",
  problemsFilter: ".panel .viewpane-filter input, .panel .markers-panel-action-filter input",
  quickFixRow: ".action-widget .monaco-list-row.action",
};

/** Waits until `locator` is visible; the error names `what` and saves a screenshot. */
export async function waitVisible(page, locator, what, timeout = 30_000) {
  try {
    await locator.first().waitFor({ state: "visible", timeout });
  } catch (error) {
    await screenshot(page, `failure-${what.replace(/\W+/g, "-")}.png`).catch(() => {});
    throw new Error(`Timed out after ${timeout / 1000} s waiting for ${what}`, { cause: error });
  }
}

export async function screenshot(page, name) {
  await mkdir(resultsDir, { recursive: true });
  await page.screenshot({ path: join(resultsDir, name) });
}

/** Quick Open (Ctrl+P): types a file name and opens the first match. */
export async function quickOpen(page, name) {
  await page.keyboard.press("Control+P");
  const box = page.locator(SELECTORS.quickInputBox);
  await waitVisible(page, box, "the Quick Open box");
  await box.fill(name);
  const match = page.locator(".quick-input-list .monaco-list-row", { hasText: basename(name) });
  await waitVisible(page, match, `a Quick Open match for ${name}`);
  await page.keyboard.press("Enter");

  const tab = page.locator(".tabs-container .tab", { hasText: basename(name) });
  await waitVisible(page, tab, `an editor tab for ${name}`);
  await waitVisible(page, page.locator(SELECTORS.editor), `the editor of ${name}`);
}

function basename(name) {
  return name.split("/").pop();
}

/** Go to Line (Ctrl+G) `line:column`, 1-based, which leaves the cursor there in the editor. */
export async function goTo(page, line, column) {
  await page.keyboard.press("Control+G");
  const box = page.locator(SELECTORS.quickInputBox);
  await waitVisible(page, box, "the Go to Line box");
  await box.fill(`:${line}:${column}`);
  await page.keyboard.press("Enter");

  const status = page.locator(".statusbar-item", { hasText: `Ln ${line}, Col ${column}` });
  await waitVisible(page, status, `the cursor at Ln ${line}, Col ${column}`);
}

export async function waitForSquiggle(page, timeout = 60_000) {
  await waitVisible(page, page.locator(SELECTORS.squiggle), "a warning or error squiggle", timeout);
}

/**
 * Opens Problems (Ctrl+Shift+M), filters it by `text` (a rule id, say) and returns the rows that
 * show it: `label` is the row's aria-label (severity, message, position, source; not the code),
 * `text` its text content: message, source and code (the brackets around the code are CSS),
 * position.
 */
export async function problemRows(page, text, timeout = 30_000) {
  const panel = page.locator(".markers-panel");
  if (!(await panel.isVisible())) await page.keyboard.press("Control+Shift+M");
  await waitVisible(page, panel, "the Problems panel");

  const filter = page.locator(SELECTORS.problemsFilter);
  await waitVisible(page, filter, "the Problems filter box");
  await filter.first().fill(text);

  const rows = page.locator(SELECTORS.problemsRow).filter({ hasText: text });
  await waitVisible(page, rows, `a Problems row showing ${text}`, timeout);
  return rows.evaluateAll((elements) =>
    elements.map((e) => ({ label: e.getAttribute("aria-label") ?? "", text: e.textContent })),
  );
}

/** Opens the quick-fix menu (Ctrl+.) at the cursor and returns its rows' texts. */
export async function openQuickFixes(page) {
  await page.keyboard.press("Control+.");
  const rows = page.locator(SELECTORS.quickFixRow);
  await waitVisible(page, rows, "the quick-fix menu");
  return rows.allInnerTexts();
}

/** Clicks the first quick fix whose text matches `include` and not `exclude`. */
export async function pickQuickFix(page, { include, exclude = /^$/ }) {
  const rows = page.locator(SELECTORS.quickFixRow);
  const texts = await rows.allInnerTexts();
  const index = texts.findIndex((text) => include.test(text) && !exclude.test(text));
  if (index < 0) {
    throw new Error(`No quick fix matches ${include}; the menu shows: ${texts.join(" | ")}`);
  }

  await rows.nth(index).click();
  await rows.first().waitFor({ state: "hidden", timeout: 10_000 });
  return texts[index];
}

/** Saves the active editor (Ctrl+S) if it has unsaved changes; resolves when it is clean. */
export async function saveActiveEditor(page) {
  const dirtyTab = page.locator(".tabs-container .tab.active.dirty");
  if ((await dirtyTab.count()) === 0) return;

  await page.keyboard.press("Control+S");
  await dirtyTab.waitFor({ state: "detached", timeout: 10_000 });
}

/** Resolves when the active editor shows unsaved changes (never rejects; callers race it). */
export function dirtyEditor(page, timeout = 10_000) {
  const dirtyTab = page.locator(".tabs-container .tab.active.dirty");
  return dirtyTab.waitFor({ state: "attached", timeout }).then(
    () => true,
    () => false,
  );
}

/** The rows of an extension view container's trees, as level and accessible label. */
export function treeRows(page, id) {
  return page
    .locator(`[id="workbench.view.extension.${id}"] .monaco-list-row`)
    .evaluateAll((elements) =>
      elements.map((e) => ({
        level: Number(e.getAttribute("aria-level") ?? "1"),
        label: e.getAttribute("aria-label") ?? e.textContent ?? "",
      })),
    );
}

/** Clicks the row of a view container whose label starts with `prefix`; resolves when it is expanded. */
export async function expandTreeRow(page, id, prefix) {
  const row = page
    .locator(`[id="workbench.view.extension.${id}"] .monaco-list-row[aria-label^="${prefix}"]`)
    .first();
  await waitVisible(page, row, `the row "${prefix}…"`);
  await row.click();
  await page
    .locator(
      `[id="workbench.view.extension.${id}"] .monaco-list-row[aria-label^="${prefix}"][aria-expanded="true"]`,
    )
    .waitFor({ timeout: 10_000 });
}

/** Opens a view container from the activity bar by its title; returns the tree rows' labels. */
export async function openViewContainer(page, { title, id, minRows = 1 }) {
  const icon = page.locator(`.part.activitybar .action-item a[aria-label^="${title}"]`);
  await waitVisible(page, icon, `the activity-bar icon "${title}"`);
  await icon.first().click();

  const rows = page.locator(`[id="workbench.view.extension.${id}"] .monaco-list-row`);
  await waitVisible(page, rows, `rows in the "${title}" view`);
  await rows.nth(minRows - 1).waitFor({ state: "visible", timeout: 30_000 });
  return treeRows(page, id);
}

/** Drags the sash at the side bar's right edge so that the side bar is `width` pixels wide. */
export async function widenSideBar(page, width) {
  const box = await page.locator(".part.sidebar").boundingBox();
  if (!box || box.width >= width) return;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 5 });
  await page.mouse.up();
}
