import { findNodeAtLocation, parseTree, type Node, type ParseError } from "jsonc-parser";

export interface PackageJsonFile {
  root: Node | undefined;
  errors: ParseError[];
}

export const DEPENDENCY_SECTIONS = [
  "dependencies",
  "devDependencies",
  "peerDependencies",
  "optionalDependencies",
] as const;

export function parsePackageJson(text: string): PackageJsonFile {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true });
  return { root, errors };
}

/** Every declared dependency with its version node. */
export function dependencyEntries(file: PackageJsonFile): Array<{ name: string; node: Node }> {
  const entries: Array<{ name: string; node: Node }> = [];
  if (!file.root) return entries;
  for (const section of DEPENDENCY_SECTIONS) {
    const object = findNodeAtLocation(file.root, [section]);
    for (const property of object?.children ?? []) {
      const [key, value] = property.children ?? [];
      if (typeof key?.value === "string" && value) entries.push({ name: key.value, node: value });
    }
  }
  return entries;
}
