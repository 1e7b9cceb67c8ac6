import type { ParsedFile } from "../../engine/parse";
import type { TextEdit } from "../../engine/types";
import { pythonEnviron, pythonLiteral, pythonPreferredQuote } from "./pythonCode";
import { pythonImportBlockEdit } from "./pythonImportBlock";
import { pythonImportMap } from "./pythonServers";

/** What a Python settings fix needs to read `REDIS_URL` and build a client. */
export interface PythonRedisPrelude {
  /** `os.environ["REDIS_URL"]` as this module spells it. */
  url: string;
  quote: string;
  /** Imports (`os`, `redis`) and `.env` loading, after the module's imports. */
  edits: TextEdit[];
}

export function pythonRedisPrelude(
  file: ParsedFile,
  options: { redis: boolean; dotenv: string[] },
): PythonRedisPrelude | undefined {
  const root = file.python?.root;
  if (!root) return undefined;
  const quote = pythonPreferredQuote(file.source);
  const environ = pythonEnviron(root, file.source);
  const imports = pythonImportMap(root);
  const lines: string[] = [];
  if (environ.edits.length > 0) lines.push("import os");
  if (options.redis && !imports.has("redis")) lines.push("import redis");
  if (options.dotenv.length > 0) lines.push("", ...options.dotenv);
  const edits = lines.length > 0 ? [pythonImportBlockEdit(root, file.source, lines)] : [];
  return { url: `${environ.text}[${pythonLiteral("REDIS_URL", quote)}]`, quote, edits };
}
