import jpeg from 'jpeg-js';
import { nodeImageDecoder } from '../engine/data/node-image-decoder';
import { squareRgb } from '../engine/data/sources/square-rgb';

/**
 * JPEG decode throughput in Node: `count` generated 200×200 faces-sized JPEGs (UTKFace's size, quality 90, smooth
 * gradients plus noise so the entropy coder has work like a photo's), decoded and resized to 32×32 RGB as the
 * UTKFace loader does.
 */
export async function benchDecode(count = 300): Promise<string[]> {
  const files: Uint8Array[] = [];
  let seed = 7;
  const noise = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 24) % 24;
  for (let k = 0; k < count; k++) {
    const data = Buffer.alloc(200 * 200 * 4);
    for (let y = 0; y < 200; y++) {
      for (let x = 0; x < 200; x++) data.set([(x + k * 3 + noise()) % 256, (y * 1.2 + noise()) % 256, ((x + y) / 2 + noise()) % 256, 255], (y * 200 + x) * 4);
    }
    files.push(new Uint8Array(jpeg.encode({ data, width: 200, height: 200 }, 90).data));
  }
  const bytes = files.reduce((s, f) => s + f.length, 0);
  const out = new Uint8Array(32 * 32 * 3);
  const t0 = performance.now();
  for (const f of files) squareRgb(await nodeImageDecoder(f, 'bench.jpg'), 32, out);
  const s = (performance.now() - t0) / 1000;
  return [
    `jpeg-js decode + resize to 32×32: ${count} images of 200×200 (${(bytes / count / 1024).toFixed(1)} KB each) in ${s.toFixed(2)} s = ${(count / s).toFixed(0)} images/s`,
    `  UTKFace's 23,708 images at this rate: ${(23708 / (count / s)).toFixed(0)} s on one core`,
  ];
}
