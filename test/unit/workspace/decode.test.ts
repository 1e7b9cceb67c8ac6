import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { decodeExactly, encodeText } from "../../../server/src/workspace/decode";

const TEXT = "NAME=Zoë ✓\r\n";

function utf16be(text: string): Buffer {
  const body = Buffer.from(text, "utf16le");
  body.swap16();
  return Buffer.concat([Buffer.from([0xfe, 0xff]), body]);
}

describe("decoding for an edit", () => {
  it("gives back the same bytes for UTF-8, UTF-8 with a BOM and UTF-16", () => {
    const encodings: Record<string, Buffer> = {
      utf8: Buffer.from(TEXT),
      utf8bom: Buffer.from("\ufeff" + TEXT),
      utf16le: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, "utf16le")]),
      utf16be: utf16be(TEXT),
    };
    for (const [encoding, bytes] of Object.entries(encodings)) {
      const decoded = decodeExactly(bytes);
      if ("reason" in decoded) return assert.fail(`${encoding}: ${decoded.reason.en}`);
      assert.deepEqual(decoded, { text: TEXT, encoding }, encoding);
      assert.deepEqual(encodeText(decoded.text, decoded.encoding), bytes, encoding);
    }
  });

  it("refuses bytes that would not survive a rewrite", () => {
    assert.deepEqual(decodeExactly(Buffer.from(TEXT, "latin1")), {
      reason: { en: "not valid UTF-8", zh: "不是有效的 UTF-8" },
    });
    assert.deepEqual(decodeExactly(Buffer.from("A=1\0\n")), {
      reason: { en: "binary", zh: "二进制文件" },
    });
    const odd = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from("A", "utf16le"),
      Buffer.of(0x41),
    ]);
    assert.equal("reason" in decodeExactly(odd), true);
  });
});
