import type { ParsedFile } from "../../engine/parse";
import { pythonEnvNames } from "../../languages/pythonSyntax";
import { envAliases } from "../../languages/scriptSyntax";
import { pythonNamedLiterals, type LiteralPart, type NamedLiteral } from "./pythonNamedValues";
import { scriptNamedLiterals } from "./scriptNamedValues";
import { classifySecretValue, stripTokenType, type SecretValueClass } from "./secretValues";

/** Every string literal of a Python, JavaScript or TypeScript file that is bound to a name. */
export function namedLiteralsOf(file: ParsedFile): NamedLiteral[] {
  if (file.python) return pythonNamedLiterals(file.python.root, pythonEnvNames(file.python.root));
  if (file.script) return scriptNamedLiterals(file.script.source, envAliases(file.script.source));
  return [];
}

/** The part of a literal that holds a secret: source offsets, the value, how sure we are. */
export interface SecretPiece {
  start: number;
  end: number;
  value: string;
  verdict: Exclude<SecretValueClass, "ignore">;
  /** False when the secret could not be located in the source text (escapes inside it). */
  located: boolean;
}

/**
 * The first piece of a literal that is a secret or a placeholder: the whole value, the token
 * after `Bearer `, or the static text of an f-string / template literal.
 */
export function secretPiece(literal: NamedLiteral, text: string): SecretPiece | undefined {
  const whole = literal.value;
  if (whole !== undefined) {
    const verdict = classifySecretValue(whole);
    if (verdict === "ignore") return undefined;
    const secret = stripTokenType(whole.trim());
    if (secret === whole) return { ...literal.literal, value: whole, verdict, located: true };
    return locate(literal.parts, secret, verdict, text) ?? unlocated(literal, secret, verdict);
  }
  for (const part of literal.parts) {
    const verdict = classifySecretValue(part.text);
    if (verdict === "ignore") continue;
    const secret = stripTokenType(part.text.trim());
    return locate([part], secret, verdict, text) ?? unlocated(literal, secret, verdict);
  }
  return undefined;
}

function locate(
  parts: LiteralPart[],
  secret: string,
  verdict: SecretPiece["verdict"],
  text: string,
): SecretPiece | undefined {
  for (const part of parts) {
    const index = text.slice(part.start, part.end).indexOf(secret);
    if (index >= 0) {
      const start = part.start + index;
      return { start, end: start + secret.length, value: secret, verdict, located: true };
    }
  }
  return undefined;
}

function unlocated(
  literal: NamedLiteral,
  value: string,
  verdict: SecretPiece["verdict"],
): SecretPiece {
  return { ...literal.literal, value, verdict, located: false };
}

/** The named literal whose source range holds an offset, if any. */
export function literalAt(
  literals: NamedLiteral[],
  start: number,
  end: number,
): NamedLiteral | undefined {
  return literals.find((l) => l.literal.start <= start && end <= l.literal.end);
}
