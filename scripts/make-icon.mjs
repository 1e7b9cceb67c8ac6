// Draws media/icon.png (128×128): the activity-bar stethoscope, white on a teal tile.
// Run with `node scripts/make-icon.mjs`; needs nothing beyond Node.
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const SIZE = 128;
const SCALE = 5.2;
const STROKE = 1.7 * SCALE;
const BACKGROUND = [14, 124, 134];

/** The glyph in the 24-unit grid of media/activity-bar.svg, centred on the tile. */
const toPx = ([x, y]) => [SIZE / 2 + (x - 12) * SCALE, SIZE / 2 + (y - 9.5) * SCALE];
const segments = [
  [
    [4, 3],
    [6, 3],
  ],
  [
    [12, 3],
    [14, 3],
  ],
  [
    [5, 3],
    [5, 8],
  ],
  [
    [13, 3],
    [13, 8],
  ],
  [
    [9, 12],
    [9, 15],
  ],
  [
    [19, 15],
    [19, 13],
  ],
].map(([a, b]) => [toPx(a), toPx(b)]);
const lowerArcs = [
  { centre: toPx([9, 8]), radius: 4 * SCALE },
  { centre: toPx([14, 15]), radius: 5 * SCALE },
];
const ring = { centre: toPx([19, 11]), radius: 2 * SCALE };

function segmentDistance(p, [a, b]) {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(
    0,
    Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)),
  );

  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

function lowerArcDistance(p, { centre, radius }) {
  if (p[1] >= centre[1]) {
    return Math.abs(Math.hypot(p[0] - centre[0], p[1] - centre[1]) - radius);
  }
  return Math.min(
    Math.hypot(p[0] - centre[0] + radius, p[1] - centre[1]),
    Math.hypot(p[0] - centre[0] - radius, p[1] - centre[1]),
  );
}

function glyphDistance(p) {
  return Math.min(
    ...segments.map((s) => segmentDistance(p, s)),
    ...lowerArcs.map((a) => lowerArcDistance(p, a)),
    Math.abs(Math.hypot(p[0] - ring.centre[0], p[1] - ring.centre[1]) - ring.radius),
  );
}

/** Signed distance to the rounded tile; negative inside. */
function tileDistance([x, y]) {
  const radius = 26;
  const half = SIZE / 2 - 2;
  const qx = Math.abs(x - SIZE / 2) - half + radius;
  const qy = Math.abs(y - SIZE / 2) - half + radius;

  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

const coverage = (distance) => Math.max(0, Math.min(1, 0.5 - distance));

function pixel(x, y) {
  const p = [x + 0.5, y + 0.5];
  const tile = coverage(tileDistance(p));
  const ink = coverage(glyphDistance(p) - STROKE / 2);
  const rgb = BACKGROUND.map((c) => Math.round(c + (255 - c) * ink));

  return [...rgb, Math.round(255 * tile)];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const length = Buffer.alloc(4);
  const crc = Buffer.alloc(4);

  length.writeUInt32BE(data.length);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const rows = [];
for (let y = 0; y < SIZE; y++) {
  rows.push(Buffer.from([0, ...Array.from({ length: SIZE }, (_, x) => pixel(x, y)).flat()]));
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8);

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk("IHDR", header),
  chunk("IDAT", deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk("IEND", Buffer.alloc(0)),
]);
writeFileSync(new URL("../media/icon.png", import.meta.url), png);
