import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { initPython, parsePython } from "../../../server/src/languages/python";
import { PythonTreeCache } from "../../../server/src/languages/pythonIncremental";
import { parseScript, ts, walkScript } from "../../../server/src/languages/script";
import { ScriptTreeCache } from "../../../server/src/languages/scriptIncremental";

const python = `import os\n\nSESSIONS = {}\n\n\ndef handler(user):\n    SESSIONS[user] = "x"\n    return SESSIONS\n`;
const script = `const express = require("express");\nconst app = express();\napp.get("/", (req, res) => res.send("ok"));\napp.listen(3000);\n`;

/** Edits a user might make: insertions, deletions, half-typed code, a rewrite. */
const edits: Array<(text: string) => string> = [
  (t) => t.replace("SESSIONS = {}", "SESSIONS = {'a': 1}"),
  (t) => t + "def half(:\n",
  (t) => t.replace("import os\n", ""),
  (t) => "# é 中文 header\n" + t,
  (t) => t.replace("return", "retur"),
  () => "",
  (t) => t + "x = 1\n",
];

const dumpScript = (source: ts.SourceFile): string =>
  [...walkScript(source)].map((n) => `${ts.SyntaxKind[n.kind]}@${n.pos}-${n.end}`).join(" ");

describe("incremental parsing", () => {
  it("gives the same Python tree as a full parse after every edit", async () => {
    await initPython();
    const cache = new PythonTreeCache();
    let text = python;
    cache.parse("a.py", text);
    for (const edit of edits) {
      text = edit(text);
      const incremental = cache.parse("a.py", text).root.toString();
      const full = parsePython(text);
      assert.equal(incremental, full.root.toString());
      full.tree.delete();
    }
    cache.forget("a.py");
  });

  it("gives the same script tree as a full parse after every edit", () => {
    const cache = new ScriptTreeCache();
    let text = script;
    cache.parse("a.js", text);
    for (const edit of [...edits, (t: string) => t.replace("3000", "Number(process.env.PORT)")]) {
      text = edit(text === "" ? script : text);
      assert.equal(
        dumpScript(cache.parse("a.js", text).source),
        dumpScript(parseScript("a.js", text).source),
      );
    }
  });
});
