import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Scheduler, type SchedulerHooks } from "../../../server/src/lsp/scheduler";

function busy(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until);
}

function recorder(events: string[], done: () => void = () => {}): SchedulerHooks {
  return {
    analyse: (file) => (busy(60), events.push(file)),
    everything: () => [],
    affectsOthers: () => false,
    done,
    failed: (file) => events.push(`failed ${file}`),
  };
}

describe("scheduler", () => {
  it("lets other work run between slow files", async () => {
    const events: string[] = [];
    await new Promise<void>((resolve) => {
      new Scheduler(recorder(events, resolve)).runAll(["a", "b", "c"]);
      setImmediate(() => events.push("request"));
    });
    assert.deepEqual(events, ["a", "b", "request", "c"]);
  });

  it("tells when the analysis scheduled for a file has run", async () => {
    const events: string[] = [];
    const scheduler = new Scheduler(recorder(events));
    assert.equal(await scheduler.whenAnalysed("a"), false);
    scheduler.schedule("a");
    scheduler.schedule("a");
    assert.equal(await scheduler.whenAnalysed("a"), true);
    assert.deepEqual(events, ["a"]);
    scheduler.dispose();
  });
});
