import * as fs from "node:fs";
import * as path from "node:path";
import type { Node } from "web-tree-sitter";
import { walkPython } from "../../languages/python";
import type { Workspace } from "../../workspace/workspace";
import { PYTHON_STDLIB } from "./pythonStdlib";

/** One absolute import of a Python file. */
export interface PythonImport {
  /** The dotted module, with the first imported name appended for `from X import n`. */
  module: string;
  /** The first part of the module: what must be installed or local. */
  top: string;
  /** The `dotted_name` node to report on. */
  node: Node;
  /** Inside `try: … except ImportError:`: the program copes without it. */
  optional: boolean;
  /** Inside `if TYPE_CHECKING:`: never imported at run time. */
  typeOnly: boolean;
}

/** Absolute imports in document order (relative and `__future__` imports left out). */
export function pythonModuleImports(root: Node): PythonImport[] {
  const result: PythonImport[] = [];
  for (const node of walkPython(root)) {
    if (node.type === "import_statement") {
      for (const child of node.namedChildren) {
        const name = child?.type === "aliased_import" ? child.childForFieldName("name") : child;
        if (name?.type === "dotted_name") result.push(importOf(name.text, name, node));
      }
    } else if (node.type === "import_from_statement") {
      const module = node.childForFieldName("module_name");
      if (module?.type !== "dotted_name") continue;
      const first = node.namedChildren.find(
        (c) => c && c.id !== module.id && c.type !== "wildcard_import",
      );
      const imported = first?.type === "aliased_import" ? first.childForFieldName("name") : first;
      const suffix = imported?.type === "dotted_name" ? `.${imported.text}` : "";
      result.push(importOf(module.text + suffix, module, node));
    }
  }
  return result;
}

function importOf(module: string, node: Node, statement: Node): PythonImport {
  const clean = module.replace(/\s+/g, "");
  return {
    module: clean,
    top: clean.split(".")[0],
    node,
    optional: insideImportGuard(statement),
    typeOnly: insideTypeChecking(statement),
  };
}

const GUARD_EXCEPTIONS = /^(ImportError|ModuleNotFoundError|Exception|BaseException)$/;

function insideImportGuard(node: Node): boolean {
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type !== "try_statement" || parent.childForFieldName("body")?.id !== child.id)
      continue;
    const handlers = parent.namedChildren.filter((c) => c?.type === "except_clause");
    if (handlers.some((h) => h && catchesImportError(h))) return true;
  }
  return false;
}

function catchesImportError(handler: Node): boolean {
  const caught = handler.namedChildren.filter((c) => c && c.type !== "block");
  if (caught.length === 0) return true;
  return caught.some((c) =>
    (c?.text ?? "")
      .replace(/[()\s]/g, "")
      .split(/,|\bas\b/)
      .some((name) => GUARD_EXCEPTIONS.test(name.split(".").pop() ?? "")),
  );
}

function insideTypeChecking(node: Node): boolean {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (parent.type !== "if_statement") continue;
    if (/\bTYPE_CHECKING\b/.test(parent.childForFieldName("condition")?.text ?? "")) return true;
  }
  return false;
}

export function isPythonStdlib(top: string): boolean {
  return PYTHON_STDLIB.has(top);
}

/**
 * Whether a top-level name is the workspace's own code: a module or package beside the file or
 * in one of its folders up to the workspace root, directly or under `src/`.
 */
export function isLocalPythonModule(workspace: Workspace, file: string, top: string): boolean {
  const root = workspace.rootOf(file);
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (
      providesModule(workspace, dir, top) ||
      providesModule(workspace, path.join(dir, "src"), top)
    )
      return true;
    if (dir === root || !dir.startsWith(root) || path.dirname(dir) === dir) return false;
  }
}

function providesModule(workspace: Workspace, dir: string, top: string): boolean {
  const base = path.join(dir, top);
  if (workspace.exists(`${base}.py`) || workspace.exists(path.join(base, "__init__.py")))
    return true;
  return hasPythonFiles(base, 2);
}

/** A namespace package: a folder with Python files at most `depth` levels down. */
function hasPythonFiles(dir: string, depth: number): boolean {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  if (entries.some((e) => e.isFile() && /\.(py|pyi|so|pyd)$/.test(e.name))) return true;
  return (
    depth > 0 &&
    entries.some((e) => e.isDirectory() && hasPythonFiles(path.join(dir, e.name), depth - 1))
  );
}
