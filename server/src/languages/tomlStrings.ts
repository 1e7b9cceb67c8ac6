/**
 * Where the string values of a TOML document sit. The TOML library gives values without
 * positions; diagnostics and fixes need offsets, so this scanner walks the text once and records
 * each string with the table and key path it belongs to.
 */

export interface TomlString {
  /** Table header path, e.g. `["project", "optional-dependencies"]`. */
  table: string[];
  /** Key path inside the table (dotted keys and inline-table keys). */
  key: string[];
  /** The decoded value. */
  value: string;
  /** Offsets of the content between the quotes. */
  start: number;
  end: number;
  /** Whether the source text between the quotes equals the value (no escapes). */
  literal: boolean;
}

interface Frame {
  kind: "top" | "{" | "[";
  /** Key path of the container itself. */
  base: string[];
  mode: "key" | "value";
  keyParts: string[];
}

const valuePath = (frame: Frame): string[] =>
  frame.kind === "[" ? frame.base : [...frame.base, ...frame.keyParts];

/** Every string value of a TOML text; keys and header names are not reported. */
export function tomlStrings(text: string): TomlString[] {
  const result: TomlString[] = [];
  let table: string[] = [];
  const top: Frame = { kind: "top", base: [], mode: "key", keyParts: [] };
  const stack: Frame[] = [top];
  let i = 0;

  while (i < text.length) {
    const ch = text[i];
    const frame = stack[stack.length - 1];
    if (ch === "#") {
      i = lineEnd(text, i);
    } else if (ch === "[" && frame === top && top.mode === "key" && atLineStart(text, i)) {
      const end = lineEnd(text, i);
      table = headerPath(text.slice(i, end));
      i = end;
    } else if (ch === '"' || ch === "'") {
      const token = readString(text, i);
      if (frame.mode === "key") frame.keyParts.push(token.value);
      else {
        const { value, start, end, literal } = token;
        result.push({ table, key: valuePath(frame), value, start, end, literal });
      }
      i = token.next;
    } else if (frame.mode === "key" && /[A-Za-z0-9_-]/.test(ch)) {
      const bare = /^[A-Za-z0-9_-]+/.exec(text.slice(i)) as RegExpExecArray;
      frame.keyParts.push(bare[0]);
      i += bare[0].length;
    } else {
      step(ch, stack, top);
      i++;
    }
  }
  return result;
}

/** Punctuation: assignments, containers, separators and line ends. */
function step(ch: string, stack: Frame[], top: Frame): void {
  const frame = stack[stack.length - 1];
  if (ch === "=" && frame.kind !== "[") {
    frame.mode = "value";
  } else if ((ch === "{" || ch === "[") && frame.mode === "value") {
    const kind = ch;
    stack.push({
      kind,
      base: valuePath(frame),
      mode: kind === "{" ? "key" : "value",
      keyParts: [],
    });
  } else if ((ch === "}" || ch === "]") && stack.length > 1) {
    stack.pop();
  } else if (ch === "," && frame.kind === "{") {
    frame.mode = "key";
    frame.keyParts = [];
  } else if (ch === "\n" && frame === top) {
    top.mode = "key";
    top.keyParts = [];
  }
}

function atLineStart(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (text[j] === " " || text[j] === "\t")) j--;
  return j < 0 || text[j] === "\n";
}

function lineEnd(text: string, i: number): number {
  const end = text.indexOf("\n", i);
  return end < 0 ? text.length : end;
}

function headerPath(line: string): string[] {
  const inner = line.replace(/#.*$/, "").trim().replace(/^\[+/, "").replace(/\]+$/, "");
  return inner.split(".").map((part) => part.trim().replace(/^["']|["']$/g, ""));
}

interface StringToken {
  value: string;
  start: number;
  end: number;
  next: number;
  literal: boolean;
}

function readString(text: string, at: number): StringToken {
  const quote = text[at];
  const triple = text.startsWith(quote.repeat(3), at);
  const open = triple ? 3 : 1;
  const start = at + open;
  let i = start;
  while (i < text.length) {
    if (quote === '"' && text[i] === "\\") i += 2;
    else if (triple ? text.startsWith(quote.repeat(3), i) : text[i] === quote || text[i] === "\n")
      break;
    else i++;
  }
  const raw = text.slice(start, i);
  const value = quote === '"' ? unescape(raw) : raw;
  const next = Math.min(text.length, i + open);
  return { value, start, end: i, next, literal: value === raw };
}

function unescape(raw: string): string {
  return raw.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_, code: string) => {
    if (code.length > 1) return String.fromCodePoint(parseInt(code.slice(1), 16));
    return { n: "\n", t: "\t", r: "\r", b: "\b", f: "\f" }[code] ?? code;
  });
}
