import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { ImageDecoder } from './sources/square-rgb';

// Pure-JS decoders for Node (the CLI and the tests): no native modules, so a fresh `npm ci` is all it needs. The
// page decodes with the browser's own createImageBitmap instead.

const isPng = (b: Uint8Array) => b.length > 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;
const isJpeg = (b: Uint8Array) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8;

export const nodeImageDecoder: ImageDecoder = async (bytes, name) => {
  if (isPng(bytes)) {
    const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return { width: png.width, height: png.height, data: png.data };
  }
  if (isJpeg(bytes)) {
    const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 256, tolerantDecoding: false });
    return { width: img.width, height: img.height, data: img.data };
  }
  throw new Error(`${name} is neither a JPEG nor a PNG (it starts with bytes ${[...bytes.subarray(0, 4)].map((x) => x.toString(16).padStart(2, '0')).join(' ')})`);
};
