/**
 * The demo publication's icon: a speech bubble in the Courier's red with three white dots. `/favicon.svg` is what
 * the pages link; `/favicon.ico` (asked for by browsers and tools that ignore the link) is the same shape drawn
 * at 16×16 into a 32-bit ICO, built here so no binary file has to be kept in the repository.
 */
const RED = [0x8a, 0x1c, 0x1c] as const;

export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16" width="16" height="16">
<path fill="#8a1c1c" d="M4 1h8a3 3 0 0 1 3 3v5a3 3 0 0 1-3 3H8l-4 3v-3a3 3 0 0 1-3-3V4a3 3 0 0 1 3-3z"/>
<g fill="#fff"><circle cx="4.75" cy="6.5" r="1.25"/><circle cx="8" cy="6.5" r="1.25"/><circle cx="11.25" cy="6.5" r="1.25"/></g>
</svg>
`;

type Pixel = 'none' | 'red' | 'white';

/** The bubble at 16×16, row 0 at the top: the same shape as the SVG, by pixel centres. */
function pixel(x: number, y: number): Pixel {
  const cx = x + 0.5;
  const cy = y + 0.5;
  const corner = (ox: number, oy: number) => (cx - ox) ** 2 + (cy - oy) ** 2 <= 9;
  const inBody = cx > 1 && cx < 15 && cy > 1 && cy < 12
    && (cx >= 4 || cy >= 4 || corner(4, 4)) && (cx <= 12 || cy >= 4 || corner(12, 4))
    && (cx >= 4 || cy <= 9 || corner(4, 9)) && (cx <= 12 || cy <= 9 || corner(12, 9));
  const inTail = cy >= 12 && cy < 15 && cx > 4 && cx < 8 && cx - 4 < (15 - cy) * (4 / 3);
  if (!inBody && !inTail) return 'none';
  const dot = [4.75, 8, 11.25].some((dx) => (cx - dx) ** 2 + (cy - 6.5) ** 2 <= 1.6);
  return dot ? 'white' : 'red';
}

/** A one-image ICO: ICONDIR, ICONDIRENTRY, then a 32-bit BMP (BITMAPINFOHEADER, BGRA rows bottom-up, AND mask). */
function buildIco(): Buffer {
  const size = 16;
  const maskRow = 4; // 16 bits, padded to 32
  const image = Buffer.alloc(40 + size * size * 4 + size * maskRow);
  image.writeUInt32LE(40, 0); // header size
  image.writeInt32LE(size, 4); // width
  image.writeInt32LE(size * 2, 8); // height: colour and mask
  image.writeUInt16LE(1, 12); // planes
  image.writeUInt16LE(32, 14); // bits per pixel
  for (let row = 0; row < size; row++) {
    const y = size - 1 - row; // bottom-up
    for (let x = 0; x < size; x++) {
      const p = pixel(x, y);
      const at = 40 + (row * size + x) * 4;
      const [r, g, b] = p === 'white' ? [255, 255, 255] : RED;
      if (p !== 'none') image.set([b, g, r, 255], at);
      else image[40 + size * size * 4 + row * maskRow + (x >> 3)]! |= 0x80 >> (x & 7); // transparent in the mask too
    }
  }
  const head = Buffer.alloc(6 + 16);
  head.writeUInt16LE(0, 0);
  head.writeUInt16LE(1, 2); // icon
  head.writeUInt16LE(1, 4); // one image
  head[6] = size;
  head[7] = size;
  head.writeUInt16LE(1, 10); // planes
  head.writeUInt16LE(32, 12); // bits per pixel
  head.writeUInt32LE(image.length, 14);
  head.writeUInt32LE(head.length, 18);
  return Buffer.concat([head, image]);
}

export const FAVICON_ICO: Buffer = buildIco();
