import { spawn, type ChildProcess } from "node:child_process";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from "vscode-languageserver-protocol/node";
import { repoRoot } from "./repo";

type DiagnosticsWaiter = {
  uri: string;
  accept: (p: PublishDiagnosticsParams) => boolean;
  resolve: (p: PublishDiagnosticsParams) => void;
};

/** The bundled server started over stdio, as an editor other than VS Code would start it. */
export class LspClient {
  readonly connection: ProtocolConnection;
  private readonly process: ChildProcess;
  private readonly latest = new Map<string, PublishDiagnosticsParams>();
  private waiters: DiagnosticsWaiter[] = [];

  constructor() {
    const server = path.join(repoRoot(), "dist", "server.js");
    this.process = spawn(process.execPath, [server, "--stdio"], {
      stdio: ["pipe", "pipe", "inherit"],
    });
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.process.stdout!),
      new StreamMessageWriter(this.process.stdin!),
    );
    this.connection.onNotification(
      "textDocument/publishDiagnostics",
      (params: PublishDiagnosticsParams) => {
        this.latest.set(params.uri, params);
        for (const waiter of this.waiters.filter((w) => w.uri === params.uri && w.accept(params))) {
          waiter.resolve(params);
        }
        this.waiters = this.waiters.filter((w) => !(w.uri === params.uri && w.accept(params)));
      },
    );
    this.connection.listen();
  }

  async initialize(root: string, locale = "en"): Promise<void> {
    const uri = pathToFileURL(root).toString();
    await this.connection.sendRequest("initialize", {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: path.basename(root) }],
      capabilities: {},
      locale,
    });
    await this.connection.sendNotification("initialized", {});
  }

  /** Resolves with the first (or already published) diagnostics of a file that satisfy `accept`. */
  diagnostics(
    file: string,
    accept: (p: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = 10000,
  ): Promise<PublishDiagnosticsParams> {
    const known = this.latest.get(pathToFileURL(file).toString());
    if (known && accept(known)) return Promise.resolve(known);
    return this.nextDiagnostics(file, accept, timeoutMs);
  }

  /** Resolves with the next diagnostics published for a file that satisfy `accept`. */
  nextDiagnostics(
    file: string,
    accept: (p: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = 10000,
  ): Promise<PublishDiagnosticsParams> {
    const uri = pathToFileURL(file).toString();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no matching diagnostics for ${file}`)),
        timeoutMs,
      );
      this.waiters.push({ uri, accept, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  async stop(): Promise<void> {
    await this.connection.sendRequest("shutdown");
    await this.connection.sendNotification("exit");
    this.connection.dispose();
    this.process.kill();
  }
}

export const uriOf = (file: string): string => pathToFileURL(file).toString();
