/**
 * A small PNG reader for the browser test: 8-bit RGB or RGBA, non-interlaced (what Chromium's screenshots are).
 * Inflates the IDAT stream with node:zlib and undoes the per-row filters (PNG specification, section 9).
 */
import { inflateSync } from "node:zlib";

export interface Image {
  width: number;
  height: number;
  /** RGB bytes, 3 per pixel, row by row. */
  rgb: Uint8Array;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function readPng(file: Buffer): Image {
  SIGNATURE.forEach((byte, i) => {
    if (file[i] !== byte) throw new Error("not a PNG file");
  });
  let offset = 8;
  let width = 0, height = 0, bitDepth = 0, colourType = 0, interlace = 0;
  const idat: Buffer[] = [];
  while (offset < file.length) {
    const length = file.readUInt32BE(offset);
    const type = file.toString("latin1", offset + 4, offset + 8);
    const data = file.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      bitDepth = data[8];
      colourType = data[9];
      interlace = data[12];
    } else if (type === "IDAT") idat.push(data);
    else if (type === "IEND") break;
    offset += 12 + length;
  }
  if (bitDepth !== 8 || (colourType !== 2 && colourType !== 6) || interlace !== 0) {
    throw new Error(`unsupported PNG: bit depth ${bitDepth}, colour type ${colourType}, interlace ${interlace}`);
  }
  const channels = colourType === 6 ? 4 : 3;
  const stride = width * channels;
  const raw = inflateSync(Buffer.concat(idat));
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? pixels[y * stride + x - channels] : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const upLeft = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] : 0;
      let predictor: number;
      switch (filter) {
        case 0: predictor = 0; break;
        case 1: predictor = left; break;
        case 2: predictor = up; break;
        case 3: predictor = (left + up) >> 1; break;
        case 4: predictor = paeth(left, up, upLeft); break;
        default: throw new Error(`bad PNG filter ${filter} on row ${y}`);
      }
      pixels[y * stride + x] = (line[x] + predictor) & 0xff;
    }
  }
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    rgb[i * 3] = pixels[i * channels];
    rgb[i * 3 + 1] = pixels[i * channels + 1];
    rgb[i * 3 + 2] = pixels[i * channels + 2];
  }
  return { width, height, rgb };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** How many pixels are within `tolerance` (per channel) of the colour "#rrggbb". */
export function countColour(image: Image, hex: string, tolerance = 6): number {
  const r = parseInt(hex.slice(1, 3), 16), g = parseInt(hex.slice(3, 5), 16), b = parseInt(hex.slice(5, 7), 16);
  let count = 0;
  for (let i = 0; i < image.rgb.length; i += 3) {
    if (Math.abs(image.rgb[i] - r) <= tolerance && Math.abs(image.rgb[i + 1] - g) <= tolerance && Math.abs(image.rgb[i + 2] - b) <= tolerance) count++;
  }
  return count;
}

/** The number of distinct colours, each channel rounded to 16 levels (anti-aliasing noise merged). */
export function colourVariety(image: Image): number {
  const seen = new Set<number>();
  for (let i = 0; i < image.rgb.length; i += 3) seen.add(((image.rgb[i] >> 4) << 8) | ((image.rgb[i + 1] >> 4) << 4) | (image.rgb[i + 2] >> 4));
  return seen.size;
}
