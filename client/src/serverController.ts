import * as vscode from "vscode";
import { type LanguageClient, State } from "vscode-languageclient/node";

import {
  FAULT_INDEX_REQUEST,
  FINDINGS_CHANGED_NOTIFICATION,
  STATUS_NOTIFICATION,
  type FaultIndex,
  type StatusParams,
} from "../../server/src/protocol";
import { isEnabled } from "./settings";

export type ServerState = "starting" | "running" | "stopped" | "failed" | "disabled";

export interface ServerEvents {
  onState(state: ServerState): void;
  onStatus(params: StatusParams): void;
  onFindingsChanged(): void;
}

/**
 * Starts, stops and restarts the language server one step at a time, following the
 * `twelveFactor.enable` setting, and forwards the server's notifications.
 */
export class ServerController implements vscode.Disposable {
  private client: LanguageClient;
  private clientListeners: vscode.Disposable[] = [];
  private queue: Promise<void> = Promise.resolve();
  private current: ServerState = "stopped";
  /** Set when the current client failed to start; such a client cannot start again. */
  private startFailed = false;

  constructor(
    private readonly createClient: () => LanguageClient,
    private readonly events: ServerEvents,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.client = this.listenTo(createClient());
  }

  /** Starts the server unless the setting turns it off, in which case it stops it. */
  start(): Promise<void> {
    return this.enqueue(() => (isEnabled() ? this.startClient() : this.stopClient("disabled")));
  }

  restart(): Promise<void> {
    return this.enqueue(async () => {
      await this.stopClient("stopped");
      await (isEnabled() ? this.startClient() : this.stopClient("disabled"));
    });
  }

  /** Stops the server for good; for `deactivate`. */
  shutdown(): Promise<void> {
    return this.enqueue(async () => {
      if (this.client.needsStop()) {
        await this.client.dispose();
      }
      this.setState("stopped");
    });
  }

  /** The fault index from the server, or `undefined` when the server is not running. */
  async requestFaultIndex(): Promise<FaultIndex | undefined> {
    await this.queue;
    if (!this.client.isRunning()) {
      return undefined;
    }
    try {
      return await this.client.sendRequest<FaultIndex>(FAULT_INDEX_REQUEST);
    } catch (error) {
      this.log.warn(`The fault index request failed: ${describe(error)}`);
      return undefined;
    }
  }

  dispose(): void {
    this.clientListeners.forEach((d) => d.dispose());
  }

  private listenTo(client: LanguageClient): LanguageClient {
    const { events } = this;

    this.clientListeners = [
      client.onNotification(STATUS_NOTIFICATION, (params: StatusParams) => events.onStatus(params)),
      client.onNotification(FINDINGS_CHANGED_NOTIFICATION, () => events.onFindingsChanged()),
      client.onDidChangeState(({ newState }) => this.followClient(newState)),
    ];
    return client;
  }

  private async replaceFailedClient(): Promise<void> {
    const failed = this.client;

    this.dispose();
    this.client = this.listenTo(this.createClient());
    this.startFailed = false;
    await failed.dispose().catch(() => undefined);
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    const run = async (): Promise<void> => {
      try {
        await step();
      } catch (error) {
        this.log.error(`Language server: ${describe(error)}`);
      }
    };

    this.queue = this.queue.then(run);
    return this.queue;
  }

  private async startClient(): Promise<void> {
    if (this.startFailed) {
      await this.replaceFailedClient();
    }
    if (this.client.isRunning()) {
      this.setState("running");
      return;
    }
    this.setState("starting");
    try {
      await this.client.start();
      this.setState("running");
    } catch (error) {
      this.startFailed = true;
      this.setState("failed");
      this.log.error(`The language server did not start: ${describe(error)}`);
    }
  }

  private async stopClient(reason: "stopped" | "disabled"): Promise<void> {
    if (this.client.needsStop()) {
      await this.client.stop();
    }
    this.setState(reason);
  }

  /** The client also restarts and stops on its own, when the server crashes. */
  private followClient(state: State): void {
    if (state === State.Running) {
      this.startFailed = false;
      this.setState("running");
    } else if (this.startFailed) {
      return;
    } else if (state === State.Starting) {
      this.setState("starting");
    } else if (this.current === "running" || this.current === "starting") {
      this.setState("stopped");
    }
  }

  private setState(state: ServerState): void {
    if (state !== this.current) {
      this.current = state;
      this.log.info(`Language server: ${state}`);
      this.events.onState(state);
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
