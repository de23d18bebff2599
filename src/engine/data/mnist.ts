// The shipped MNIST digits: a binary asset built once by scripts/build-mnist.mjs (keep the layout in step with it).
// As in the paper's MNIST experiments, the group attribute of a digit is its class.

import type { Dataset } from './dataset';

export const MNIST_ASSET = 'mnist-10k.bin';
export const MNIST_MAGIC = 'MNST';
export const MNIST_VERSION = 1;
export const MNIST_HEADER_BYTES = 20;

const DIGIT_NAMES = Array.from({ length: 10 }, (_, d) => String(d));

/** Layout: "MNST", u32 version, u32 count, u32 rows, u32 cols (little endian), count*rows*cols u8 pixels, count u8 labels. */
export function parseMnistAsset(buf: ArrayBuffer): Dataset {
  const fail = (why: string): never => {
    throw new Error(`bad MNIST asset (${MNIST_ASSET}): ${why}; rebuild it with \`node scripts/build-mnist.mjs --force\``);
  };
  if (buf.byteLength < MNIST_HEADER_BYTES) fail(`${buf.byteLength} bytes, shorter than the ${MNIST_HEADER_BYTES}-byte header`);
  const bytes = new Uint8Array(buf);
  const magic = String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]);
  if (magic !== MNIST_MAGIC) fail(`magic "${magic}" is not "${MNIST_MAGIC}"`);
  const view = new DataView(buf);
  const version = view.getUint32(4, true);
  if (version !== MNIST_VERSION) fail(`version ${version}, expected ${MNIST_VERSION}`);
  const count = view.getUint32(8, true);
  const rows = view.getUint32(12, true);
  const cols = view.getUint32(16, true);
  if (count === 0 || rows === 0 || cols === 0 || rows > 1024 || cols > 1024) fail(`implausible header: ${count} images of ${rows}x${cols}`);
  const ppi = rows * cols;
  const expected = MNIST_HEADER_BYTES + count * ppi + count;
  if (buf.byteLength < expected) fail(`truncated: ${buf.byteLength} bytes, ${count} images of ${rows}x${cols} need ${expected}`);
  if (buf.byteLength > expected) fail(`${buf.byteLength - expected} unexpected trailing bytes after ${count} images`);
  // Copies, so the Dataset owns compact buffers (cheap to post to a worker) instead of views into the file.
  const images = bytes.slice(MNIST_HEADER_BYTES, MNIST_HEADER_BYTES + count * ppi);
  const labels = new Int32Array(count);
  const labelStart = MNIST_HEADER_BYTES + count * ppi;
  for (let i = 0; i < count; i++) {
    const y = bytes[labelStart + i];
    if (y > 9) fail(`label ${y} of image ${i} is not a digit`);
    labels[i] = y;
  }
  return {
    name: 'MNIST',
    imageShape: [rows, cols, 1],
    images,
    labels,
    groups: labels.slice(),
    classNames: DIGIT_NAMES.slice(),
    groupNames: DIGIT_NAMES.slice(),
  };
}
