import type { Localized } from "../engine/types";
/**
 * Turns file bytes into text the way an editor would: UTF-8 (BOM dropped), UTF-16 with a BOM,
 * and undefined for binary content (a NUL byte in the first 8 KiB of a non-UTF-16 file).
 */
export function decodeText(bytes: Buffer): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString("utf16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const body = bytes.subarray(2, 2 + ((bytes.length - 2) & ~1));
    const swapped = Buffer.from(body);
    swapped.swap16();
    return swapped.toString("utf16le");
  }
  if (bytes.subarray(0, 8192).includes(0)) return undefined;
  const text = bytes.toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** How a text file's bytes are laid out, so that a rewrite keeps them the same way. */
export type TextEncoding = "utf8" | "utf8bom" | "utf16le" | "utf16be";

/**
 * Decodes a file that is about to be edited. Succeeds only when encoding the text again gives
 * back the very same bytes; otherwise says why the file must not be rewritten.
 */
export function decodeExactly(
  bytes: Buffer,
): { text: string; encoding: TextEncoding } | { reason: Localized } {
  const text = decodeText(bytes);
  if (text === undefined) return { reason: { en: "binary", zh: "二进制文件" } };
  const encoding = encodingOf(bytes);
  if (encodeText(text, encoding).equals(bytes)) return { text, encoding };
  const name = encoding.startsWith("utf16") ? "UTF-16" : "UTF-8";
  return { reason: { en: `not valid ${name}`, zh: `不是有效的 ${name}` } };
}

function encodingOf(bytes: Buffer): TextEncoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf16be";
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? "utf8bom" : "utf8";
}

/** The bytes of a text in an encoding, with the byte order mark the encoding implies. */
export function encodeText(text: string, encoding: TextEncoding): Buffer {
  if (encoding === "utf8") return Buffer.from(text, "utf8");
  if (encoding === "utf8bom") return Buffer.from("\ufeff" + text, "utf8");
  const body = Buffer.from(text, "utf16le");
  if (encoding === "utf16le") return Buffer.concat([Buffer.from([0xff, 0xfe]), body]);
  body.swap16();
  return Buffer.concat([Buffer.from([0xfe, 0xff]), body]);
}
