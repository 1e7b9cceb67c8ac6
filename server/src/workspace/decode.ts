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
