// Makes a clean rendered page look scanned: a slight rotation, grey paper, sensor noise and dust specks. Pure
// TypeScript on 8-bit grey images (PGM in, PNG out), so the test set needs no image library; the randomness is seeded,
// so every run builds the same scans.

import { deflateSync } from 'node:zlib';
import { mulberry32 } from '@pd-desk/shared/demo/prng';

export type GreyImage = { width: number; height: number; pixels: Uint8Array };

/** Binary PGM (P5, maxval 255), as `pdftoppm -gray` writes it. */
export function parsePgm(bytes: Uint8Array): GreyImage {
  const header = /^P5\s+(?:#[^\n]*\n\s*)*(\d+)\s+(\d+)\s+(\d+)\s/.exec(
    Buffer.from(bytes.subarray(0, 200)).toString('latin1'),
  );
  if (header?.[3] !== '255') throw new Error('not an 8-bit binary PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, pixels: bytes.subarray(header[0].length, header[0].length + width * height) };
}

/** Rotated by `degrees` about the centre (bilinear), the uncovered corners white, as a scanner's lid leaves them. */
export function rotate(image: GreyImage, degrees: number): GreyImage {
  const { width, height, pixels } = image;
  const out = new Uint8Array(width * height).fill(255);
  const cos = Math.cos((degrees * Math.PI) / 180);
  const sin = Math.sin((degrees * Math.PI) / 180);
  const cx = width / 2;
  const cy = height / 2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // The source point that lands on (x, y).
      const sx = cos * (x - cx) + sin * (y - cy) + cx;
      const sy = -sin * (x - cx) + cos * (y - cy) + cy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= width || y0 + 1 >= height) continue;
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * width + x0;
      const top = (pixels[i] ?? 255) * (1 - fx) + (pixels[i + 1] ?? 255) * fx;
      const bottom = (pixels[i + width] ?? 255) * (1 - fx) + (pixels[i + width + 1] ?? 255) * fx;
      out[y * width + x] = Math.round(top * (1 - fy) + bottom * fy);
    }
  }
  return { width, height, pixels: out };
}

/**
 * Scanner noise: paper darkened to `paper`, Gaussian noise of `sigma` grey levels on every pixel, and dark specks on
 * `speckShare` of the pixels.
 */
export function addNoise(
  image: GreyImage,
  seed: number,
  { paper = 238, sigma = 18, speckShare = 0.0005 }: { paper?: number; sigma?: number; speckShare?: number } = {},
): GreyImage {
  const random = mulberry32(seed);
  const scale = paper / 255;
  const out = new Uint8Array(image.pixels.length);
  for (let i = 0; i < out.length; i++) {
    // Sum of four uniforms: close enough to a Gaussian, and cheap.
    const gaussian = (random() + random() + random() + random() - 2) * Math.sqrt(3);
    let value = (image.pixels[i] ?? 255) * scale + gaussian * sigma;
    if (random() < speckShare) value = 40 + random() * 60;
    out[i] = Math.max(0, Math.min(255, Math.round(value)));
  }
  return { width: image.width, height: image.height, pixels: out };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An 8-bit greyscale PNG at `dpi` (recorded in pHYs, so tesseract knows the resolution). */
export function encodePng(image: GreyImage, dpi = 300): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(image.width, 0);
  header.writeUInt32BE(image.height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8 bits, greyscale, deflate, adaptive filters, no interlace
  const rows = Buffer.alloc((image.width + 1) * image.height);
  for (let y = 0; y < image.height; y++) {
    // Filter byte 0 (none) before each row.
    rows.set(image.pixels.subarray(y * image.width, (y + 1) * image.width), y * (image.width + 1) + 1);
  }
  const physical = Buffer.alloc(9);
  const perMetre = Math.round(dpi / 0.0254);
  physical.writeUInt32BE(perMetre, 0);
  physical.writeUInt32BE(perMetre, 4);
  physical[8] = 1;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('pHYs', physical),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', new Uint8Array()),
  ]);
}
