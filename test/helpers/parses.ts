import * as assert from "node:assert/strict";
import { parse as parseJsonc, type ParseError } from "jsonc-parser";
import { parseAllDocuments } from "yaml";
import { parseToml } from "../../server/src/languages/pyproject";
import { initPython, parsePython, walkPython } from "../../server/src/languages/python";
import { ts } from "../../server/src/languages/script";

/** Syntax errors of a Python text (tree-sitter ERROR and MISSING nodes), as `line:column`. */
export async function pythonSyntaxErrors(text: string): Promise<string[]> {
  await initPython();
  const { tree, root } = parsePython(text);
  try {
    const errors: string[] = [];
    for (const node of walkPython(root)) {
      if (node.type === "ERROR" || node.isMissing) {
        errors.push(`${node.startPosition.row + 1}:${node.startPosition.column + 1}`);
      }
    }
    return errors;
  } finally {
    tree.delete();
  }
}

/** Syntax errors of a JavaScript or TypeScript text, as messages. */
export function scriptSyntaxErrors(file: string, text: string): string[] {
  const kind = /\.[cm]?tsx?$/.test(file) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const diagnostics = (source as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  return diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

/**
 * Syntax errors of any file that has a syntax (Python, JavaScript/TypeScript, YAML, JSON, TOML),
 * as short descriptions; other files have none.
 */
export async function syntaxErrors(file: string, text: string): Promise<string[]> {
  if (/\.pyi?$/.test(file)) return pythonSyntaxErrors(text);
  if (/\.[cm]?[jt]sx?$/.test(file)) return scriptSyntaxErrors(file, text);
  if (/\.ya?ml$/.test(file)) {
    return parseAllDocuments(text).flatMap((document) =>
      "errors" in document ? document.errors.map((e) => e.message) : [],
    );
  }
  if (/\.json$/.test(file)) {
    const errors: ParseError[] = [];
    parseJsonc(text, errors, { allowTrailingComma: false });
    return errors.map((e) => `JSON error ${e.error} at ${e.offset}`);
  }
  if (/\.toml$/.test(file)) {
    return parseToml(text) ? [] : ["invalid TOML"];
  }
  return [];
}

/** Asserts that a fixed source file still parses. */
export async function assertParses(file: string, text: string): Promise<void> {
  if (/\.pyi?$/.test(file)) {
    assert.deepEqual(await pythonSyntaxErrors(text), [], `${file} parses:\n${text}`);
  } else if (/\.[cm]?[jt]sx?$/.test(file)) {
    assert.deepEqual(scriptSyntaxErrors(file, text), [], `${file} parses:\n${text}`);
  }
}
