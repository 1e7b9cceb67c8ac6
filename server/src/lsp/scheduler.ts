/** How long typing must pause before a file is analysed again. */
const DEBOUNCE_MS = 150;

export interface SchedulerHooks {
  analyse(file: string): void;
  /** Every file to re-analyse when a workspace-model file changes. */
  everything(): string[];
  affectsOthers(file: string): boolean;
  /** Called once a batch of analyses has finished. */
  done(): void;
  /** One file could not be analysed; the others go on. */
  failed(file: string, error: unknown): void;
}

/**
 * Debounces analysis per file. A change to a file that other files depend on (manifests,
 * `.env.example`, compose, Kubernetes) re-analyses the whole workspace once the typing stops.
 */
export class Scheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private allTimer: NodeJS.Timeout | undefined;
  /** Callers waiting for the pending analysis of a file. */
  private readonly waiters = new Map<string, Array<() => void>>();

  constructor(private readonly hooks: SchedulerHooks) {}

  schedule(file: string): void {
    const previous = this.timers.get(file);
    if (previous) clearTimeout(previous);
    const timer = setTimeout(() => {
      this.timers.delete(file);
      const files = this.hooks.affectsOthers(file)
        ? [file, ...this.hooks.everything().filter((f) => f !== file)]
        : [file];
      this.runAll(files);
    }, DEBOUNCE_MS);
    this.timers.set(file, timer);
  }

  /**
   * Resolves once the analysis scheduled for a file has run; false when none is scheduled (the
   * file may still sit in a batch that is running).
   */
  whenAnalysed(file: string): Promise<boolean> {
    if (!this.timers.has(file)) return Promise.resolve(false);
    return new Promise((resolve) => {
      this.waiters.set(file, [...(this.waiters.get(file) ?? []), () => resolve(true)]);
    });
  }

  /** Re-analyses every known file once changes stop arriving. */
  scheduleAll(): void {
    if (this.allTimer) clearTimeout(this.allTimer);
    this.allTimer = setTimeout(() => {
      this.allTimer = undefined;
      this.runAll(this.hooks.everything());
    }, DEBOUNCE_MS);
  }

  /** Analyses files in slices so requests are answered between them. */
  runAll(files: string[]): void {
    const queue = [...files];
    const step = (): void => {
      const started = Date.now();
      while (queue.length > 0 && Date.now() - started < 50) {
        this.safely(queue.shift() as string);
      }
      if (queue.length > 0) setImmediate(step);
      else this.hooks.done();
    };
    step();
  }

  private safely(file: string): void {
    try {
      this.hooks.analyse(file);
    } catch (error) {
      this.hooks.failed(file, error);
    }
    this.release(file);
  }

  private release(file: string): void {
    const waiting = this.waiters.get(file) ?? [];
    this.waiters.delete(file);
    waiting.forEach((resolve) => resolve());
  }

  dispose(): void {
    this.timers.forEach((t) => clearTimeout(t));
    if (this.allTimer) clearTimeout(this.allTimer);
    this.timers.clear();
    [...this.waiters.keys()].forEach((file) => this.release(file));
  }
}
