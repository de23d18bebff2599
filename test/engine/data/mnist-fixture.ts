// Hand-made MNIST assets in the layout of scripts/build-mnist.mjs, so parsing and the MNIST pipeline can be
// tested without the real 7.5 MB file.

import { createRng } from '../../../src/engine/random';

export function encodeAsset(pixels: Uint8Array, labels: Uint8Array, rows: number, cols: number, opts: { magic?: string; version?: number } = {}): ArrayBuffer {
  const count = labels.length;
  const bytes = new Uint8Array(20 + pixels.length + count);
  const magic = opts.magic ?? 'MNST';
  for (let i = 0; i < 4; i++) bytes[i] = magic.charCodeAt(i);
  const view = new DataView(bytes.buffer);
  view.setUint32(4, opts.version ?? 1, true);
  view.setUint32(8, count, true);
  view.setUint32(12, rows, true);
  view.setUint32(16, cols, true);
  bytes.set(pixels, 20);
  bytes.set(labels, 20 + pixels.length);
  return bytes.buffer;
}

/** A fake 28x28 digit set: perDigit[d] images of digit d with seeded random pixels, sorted by digit like the real one. */
export function fakeMnistAsset(perDigit: number[], seed = 1): ArrayBuffer {
  const count = perDigit.reduce((s, n) => s + n, 0);
  const rng = createRng(seed, 'fake-mnist');
  const pixels = new Uint8Array(count * 784);
  for (let i = 0; i < pixels.length; i++) pixels[i] = rng.int(256);
  const labels = new Uint8Array(count);
  let k = 0;
  perDigit.forEach((n, d) => {
    labels.fill(d, k, k + n);
    k += n;
  });
  return encodeAsset(pixels, labels, 28, 28);
}
