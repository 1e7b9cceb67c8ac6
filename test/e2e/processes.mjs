// Processes and folders of the end-to-end runs: every editor process runs in a process group of
// its own (spawned detached, that is under setsid) and is stopped by signalling the whole group;
// an interrupted test run still kills its groups and removes its run folders.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { rmSync } from "node:fs";
import { createServer } from "node:net";

const liveGroups = new Set();
const liveRuns = new Set();

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if (error.code !== "ESRCH") throw error;
  }
}

function killLiveGroups() {
  for (const pid of liveGroups) signalGroup(pid, "SIGKILL");
  liveGroups.clear();
}

// Interrupted: stop every editor process and drop the run folders, then die of the signal.
process.on("exit", killLiveGroups);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.once(signal, () => {
    killLiveGroups();
    for (const dir of liveRuns) rmSync(dir, { recursive: true, force: true });
    process.kill(process.pid, signal);
  });
}

/** Remembers a run folder so that an interrupted run removes it. */
export function trackRun(dir) {
  liveRuns.add(dir);
}

export function untrackRun(dir) {
  liveRuns.delete(dir);
}

/** Spawns `command` as the leader of a new process group. */
export function spawnGroup(command, args, options) {
  const child = spawn(command, args, { ...options, detached: true });
  liveGroups.add(child.pid);
  return child;
}

/** Resolves when `child` has exited (at once if it already has). */
export function exited(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return once(child, "exit").then(() => undefined);
}

/** Stops a process group: SIGTERM, SIGKILL after a grace period, then SIGKILL for stragglers. */
export async function stopGroup(child, graceMs = 5000) {
  const timer = setTimeout(() => signalGroup(child.pid, "SIGKILL"), graceMs);

  signalGroup(child.pid, "SIGTERM");
  await exited(child);
  clearTimeout(timer);
  signalGroup(child.pid, "SIGKILL");
  liveGroups.delete(child.pid);
}

/** Resolves like `promise`, or rejects naming `what` once `ms` milliseconds have passed. */
export async function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms / 1000} s: ${what}`)), ms);
  });

  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A loopback port free at the time of asking. */
export async function freePort() {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address();
  server.close();
  await once(server, "close");
  return port;
}
