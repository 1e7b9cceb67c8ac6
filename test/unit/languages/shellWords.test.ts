import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { commandForm } from "../../../server/src/languages/dockerSyntax";
import {
  commandArgvs,
  needsShell,
  plainWords,
  lexShell,
  shellQuote,
} from "../../../server/src/languages/shellWords";
import { execScript, pid1Argv } from "../../../server/src/rules/shared/execForm";

describe("shell words", () => {
  it("removes quotes and escapes like sh", () => {
    assert.deepEqual(plainWords(`a 'b c' "d \\"e\\"" f\\ g`), ["a", "b c", 'd "e"', "f g"]);
  });

  it("needs the shell for expansions, operators, globs and assignments", () => {
    for (const line of [
      "a $X",
      'a "${X:-1}"',
      "a && b",
      "a | b",
      "a > f",
      "a *.py",
      "X=1 a",
      "cd x",
    ]) {
      assert.ok(needsShell(lexShell(line) ?? []), line);
    }
    assert.ok(!needsShell(lexShell("gunicorn -b 0.0.0.0:8000 'app:create()'") ?? []));
  });

  it("keeps substitutions whole and reports unclosed quotes", () => {
    assert.deepEqual(
      lexShell('echo "$(date +%s)" $((1 + 2))')?.map((t) => t.raw),
      ["echo", '"$(date +%s)"', "$((1 + 2))"],
    );
    assert.equal(lexShell("echo 'open"), undefined);
  });

  it("splits simple commands and drops exec and assignments", () => {
    const argvs = commandArgvs("A=1 exec python x.py && exec gunicorn app 2>&1").map((c) =>
      c.map((w) => w.value),
    );
    assert.deepEqual(argvs, [
      ["python", "x.py"],
      ["gunicorn", "app"],
    ]);
  });

  it("quotes only what needs it", () => {
    assert.equal(shellQuote("app:app"), "app:app");
    assert.equal(shellQuote("shop:create_app()"), "'shop:create_app()'");
    assert.equal(shellQuote("it's"), `'it'\\''s'`);
  });
});

describe("exec form", () => {
  it("puts exec before the last command only when that keeps the app as PID 1", () => {
    assert.equal(execScript("a && b"), "a && exec b");
    assert.equal(execScript("a; X=1 b"), "a; X=1 exec b");
    assert.equal(execScript("a | b"), undefined);
    assert.equal(execScript("a || b"), undefined);
    assert.equal(execScript("a &"), undefined);
    assert.equal(execScript("if x; then y; fi"), undefined);
  });

  it("gives plain words as argv and the rest as sh -c", () => {
    assert.deepEqual(pid1Argv("exec a b"), ["a", "b"]);
    assert.deepEqual(pid1Argv("a $B"), ["sh", "-c", "exec a $B"]);
  });

  it("reads Docker's exec and shell forms", () => {
    assert.deepEqual(commandForm('["a", "b c"]'), { form: "exec", argv: ["a", "b c"] });
    assert.equal(commandForm("['a']").form, "shell");
    assert.deepEqual(commandForm('["a", ]'), {
      form: "shell",
      command: '["a", ]',
      notJson: "invalid-json",
      intended: ["a"],
    });
    assert.equal(commandForm("[1, 2]").form, "shell");
  });
});
