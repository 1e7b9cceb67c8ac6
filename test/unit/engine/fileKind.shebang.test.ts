import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseFile } from "../../../server/src/engine/parse";
import { initPython } from "../../../server/src/languages/python";

describe("extensionless scripts in bin/", () => {
  it("reads a node or python shebang as the file's language", async () => {
    await initPython();
    assert.equal(
      parseFile("/w/bin/www", "#!/usr/bin/env node\nrequire('../app');\n")?.kind,
      "javascript",
    );
    assert.equal(parseFile("/w/bin/serve", "#!/usr/bin/python3.12\nimport app\n")?.kind, "python");
  });

  it("leaves shell scripts, files outside bin/ and files without a shebang alone", () => {
    assert.equal(parseFile("/w/bin/deploy", "#!/bin/sh\nnode app.js\n"), undefined);
    assert.equal(parseFile("/w/tools/www", "#!/usr/bin/env node\n"), undefined);
    assert.equal(parseFile("/w/bin/www", "console.log(1)\n"), undefined);
  });
});
