import * as fs from "node:fs";
import * as path from "node:path";
import { initPython } from "../../server/src/languages/python";
import { AnalysisService } from "../../server/src/service/analysisService";
import { makeWorkspace } from "../helpers/analyse";
import { LspClient, uriOf } from "../helpers/lspClient";
import { pythonService, typescriptService } from "./generate";

const EDITS = 60;
const quiet = { info() {}, debug() {}, warn() {}, error() {} };

function stats(samples: number[]): { median: number; p95: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}

/** A keystroke in the middle of the file: a digit typed into a literal. */
function typeAt(text: string, step: number): string {
  const middle = text.indexOf("\n", Math.floor(text.length / 2)) + 1;
  return text.slice(0, middle) + `# edit ${step}\n` + text.slice(middle);
}

function engineLatency(service: AnalysisService, file: string, initial: string): number[] {
  let text = initial;
  service.workspace.setOverlay(file, text);
  service.analyse(file);
  const samples: number[] = [];
  for (let step = 0; step < EDITS; step++) {
    text = typeAt(text, step);
    service.workspace.setOverlay(file, text);
    const started = performance.now();
    service.analyse(file);
    samples.push(performance.now() - started);
  }
  return samples;
}

async function lspLatency(
  root: string,
  file: string,
  languageId: string,
  initial: string,
): Promise<number[]> {
  const client = new LspClient();
  await client.initialize(root);
  const uri = uriOf(file);
  let text = initial;
  await client.connection.sendNotification("textDocument/didOpen", {
    textDocument: { uri, languageId, version: 1, text },
  });
  await client.diagnostics(file);
  const samples: number[] = [];
  for (let version = 2; version < 2 + 20; version++) {
    text = typeAt(text, version);
    const started = performance.now();
    const published = client.nextDiagnostics(file);
    await client.connection.sendNotification("textDocument/didChange", {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
    await published;
    samples.push(performance.now() - started);
  }
  await client.stop();
  return samples;
}

async function main(): Promise<void> {
  await initPython();
  const root = makeWorkspace({
    "app.py": pythonService(),
    "server.ts": typescriptService(),
    "requirements.txt": "flask==3.0.3\n",
  });
  const service = new AnalysisService([root], quiet);
  const rows: Array<Record<string, string | number>> = [];
  for (const [name, languageId] of [
    ["app.py", "python"],
    ["server.ts", "typescript"],
  ] as const) {
    const file = path.join(root, name);
    const text = fs.readFileSync(file, "utf8");
    const engine = stats(engineLatency(service, file, text));
    const lsp = stats(await lspLatency(root, file, languageId, text));
    rows.push({
      file: `${name} (${text.split("\n").length} lines)`,
      "engine median ms": engine.median.toFixed(1),
      "engine p95 ms": engine.p95.toFixed(1),
      "LSP edit→diagnostics median ms (incl. 150 ms debounce)": lsp.median.toFixed(0),
      "LSP p95 ms": lsp.p95.toFixed(0),
    });
  }
  const workspaceStart = performance.now();
  const examples = new AnalysisService([path.resolve("examples")], quiet);
  const files = examples.index();
  files.forEach((f) => examples.analyse(f));
  const workspaceMs = performance.now() - workspaceStart;
  console.table(rows);
  console.log(
    `examples/: ${files.length} files indexed and analysed in ${workspaceMs.toFixed(0)} ms`,
  );
  console.log(
    `memory: rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB, heap ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB`,
  );
}

void main();
