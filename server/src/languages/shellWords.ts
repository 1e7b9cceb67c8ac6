/**
 * A small POSIX shell lexer: enough to split a command line into words the way `sh` would, to
 * tell whether it relies on the shell (expansions, operators, globs) and where its simple
 * commands start. It does not run or expand anything.
 */

export interface ShellWord {
  kind: "word";
  /** The word with quotes and escapes removed (expansions are left as written). */
  value: string;
  raw: string;
  start: number;
  end: number;
  /** Contains `$…`, `` `…` `` or a leading `~` that the shell would expand. */
  expands: boolean;
  /** Contains an unquoted `*`, `?` or `[`. */
  glob: boolean;
}

export interface ShellOperator {
  kind: "op";
  /** `&&`, `||`, `;`, `|`, `&`, `(`, `)` or a redirection such as `>`, `2>&1`, `<<`. */
  value: string;
  raw: string;
  start: number;
  end: number;
}

export type ShellToken = ShellWord | ShellOperator;

const CONTROL_OPS = ["&&", "||", ";;", "|&", ";", "|", "&", "(", ")"];
const REDIRECT = /^(\d*)(<<-?|>>|>&|<&|<>|>\||<|>)(&?\d+|&-)?/;

/** The tokens of a command line, or undefined when a quote or substitution is not closed. */
export function lexShell(text: string): ShellToken[] | undefined {
  const tokens: ShellToken[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === " " || ch === "\t" || ch === "\n" || ch === "\r") {
      i++;
    } else if (ch === "\\" && text[i + 1] === "\n") {
      i += 2;
    } else if (ch === "#") {
      while (i < text.length && text[i] !== "\n") i++;
    } else {
      const op = operatorAt(text, i);
      if (op) {
        tokens.push({ kind: "op", value: op, raw: op, start: i, end: i + op.length });
        i += op.length;
        continue;
      }
      const word = readWord(text, i);
      if (!word) return undefined;
      tokens.push(word);
      i = word.end;
    }
  }
  return tokens;
}

function operatorAt(text: string, i: number): string | undefined {
  const rest = text.slice(i, i + 3);
  const control = CONTROL_OPS.find((op) => rest.startsWith(op));
  if (control) return control;
  const redirect = REDIRECT.exec(text.slice(i, i + 12));
  return redirect ? redirect[0] : undefined;
}

function isWordEnd(text: string, i: number): boolean {
  const ch = text[i];
  if (ch === undefined || /[\s;&|()<>]/.test(ch)) return true;
  return false;
}

function readWord(text: string, start: number): ShellWord | undefined {
  let i = start;
  let value = "";
  let expands = text[start] === "~";
  let glob = false;
  while (!isWordEnd(text, i)) {
    const ch = text[i];
    if (ch === "'") {
      const close = text.indexOf("'", i + 1);
      if (close < 0) return undefined;
      value += text.slice(i + 1, close);
      i = close + 1;
    } else if (ch === '"') {
      const read = readDoubleQuoted(text, i);
      if (!read) return undefined;
      value += read.value;
      expands ||= read.expands;
      i = read.end;
    } else if (ch === "\\") {
      if (text[i + 1] !== "\n") value += text[i + 1] ?? "";
      i += 2;
    } else if (ch === "$" || ch === "`") {
      const end = substitutionEnd(text, i);
      if (end === undefined) return undefined;
      value += text.slice(i, end);
      expands ||= end > i + 1 || ch === "`";
      i = end;
    } else {
      glob ||= ch === "*" || ch === "?" || ch === "[";
      value += ch;
      i++;
    }
  }
  return { kind: "word", value, raw: text.slice(start, i), start, end: i, expands, glob };
}

function readDoubleQuoted(
  text: string,
  open: number,
): { value: string; expands: boolean; end: number } | undefined {
  let i = open + 1;
  let value = "";
  let expands = false;
  while (i < text.length && text[i] !== '"') {
    const ch = text[i];
    if (ch === "\\" && /[$`"\\\n]/.test(text[i + 1] ?? "")) {
      if (text[i + 1] !== "\n") value += text[i + 1];
      i += 2;
    } else if (ch === "$" || ch === "`") {
      const end = substitutionEnd(text, i);
      if (end === undefined) return undefined;
      value += text.slice(i, end);
      expands ||= end > i + 1 || ch === "`";
      i = end;
    } else {
      value += ch;
      i++;
    }
  }
  if (i >= text.length) return undefined;
  return { value, expands, end: i + 1 };
}

/** The end of `$name`, `${…}`, `$(…)`, `$((…))` or `` `…` `` starting at `i`; a lone `$` is 1 long. */
function substitutionEnd(text: string, i: number): number | undefined {
  if (text[i] === "`") {
    const close = text.indexOf("`", i + 1);
    return close < 0 ? undefined : close + 1;
  }
  const next = text[i + 1];
  if (next === "{") return closing(text, i + 1, "{", "}");
  if (next === "(") return closing(text, i + 1, "(", ")");
  const name = /^([A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-])/.exec(text.slice(i + 1));
  return i + 1 + (name ? name[0].length : 0);
}

function closing(text: string, open: number, opener: string, closer: string): number | undefined {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\\") i++;
    else if (ch === "'" && opener === "(") {
      const close = text.indexOf("'", i + 1);
      if (close < 0) return undefined;
      i = close;
    } else if (ch === opener) depth++;
    else if (ch === closer && --depth === 0) return i + 1;
  }
  return undefined;
}

/** A simple command: the words between control operators. */
export interface SimpleCommand {
  words: ShellWord[];
  /** The control operator before it (`&&`, `;`, `|`…), or undefined for the first. */
  after?: string;
  /** Whether a redirection is attached. */
  redirected: boolean;
}

/** Splits tokens into simple commands at control operators. */
export function simpleCommands(tokens: ShellToken[]): SimpleCommand[] {
  const commands: SimpleCommand[] = [];
  let current: SimpleCommand = { words: [], redirected: false };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind === "word") current.words.push(token);
    else if (CONTROL_OPS.includes(token.value)) {
      commands.push(current);
      current = { words: [], after: token.value, redirected: false };
    } else {
      current.redirected = true;
      if (!/\d$/.test(token.value) && tokens[i + 1]?.kind === "word") i++;
    }
  }
  commands.push(current);
  return commands.filter((c) => c.words.length > 0 || c.redirected);
}

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** Words of leading `NAME=value` assignments. */
export function leadingAssignments(words: ShellWord[]): number {
  let count = 0;
  while (count < words.length && ASSIGNMENT.test(words[count].raw)) count++;
  return count;
}

/** Built-ins and keywords that exist only inside a shell. */
const SHELL_ONLY = new Set([
  ".",
  "source",
  "cd",
  "export",
  "set",
  "unset",
  "eval",
  "exec",
  "trap",
  "ulimit",
  "umask",
  "alias",
  "wait",
  "read",
  "if",
  "for",
  "while",
  "until",
  "case",
  "{",
  "!",
  "[[",
  "function",
]);

/** Whether running the tokens needs a shell (anything beyond plain words). */
export function needsShell(tokens: ShellToken[]): boolean {
  if (tokens.some((t) => t.kind === "op")) return true;
  const words = tokens as ShellWord[];
  if (words.some((w) => w.expands || w.glob)) return true;
  if (words.length > 0 && (leadingAssignments(words) > 0 || SHELL_ONLY.has(words[0].value))) {
    return true;
  }
  return false;
}

/** The argv of a command line when it is plain words only, else undefined. */
export function plainWords(text: string): string[] | undefined {
  const tokens = lexShell(text);
  if (!tokens || needsShell(tokens)) return undefined;
  return (tokens as ShellWord[]).map((w) => w.value);
}

/** A word as a shell reads it back unchanged: plain when safe, else single-quoted. */
export function shellQuote(word: string): string {
  if (/^[\w@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The argv of each simple command of a command line, `exec` and assignments dropped. */
export function commandArgvs(text: string): ShellWord[][] {
  const tokens = lexShell(text);
  if (!tokens) return [];
  return simpleCommands(tokens).map((command) => {
    const words = command.words.slice(leadingAssignments(command.words));
    return words[0]?.value === "exec" ? words.slice(1) : words;
  });
}
