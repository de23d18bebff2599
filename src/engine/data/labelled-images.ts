// The binary layout both shipped image assets use (MNIST's file, Fashion-MNIST's chunks), written by
// scripts/asset-build.mjs: keep the two in step.
//   "XXXX" magic, u32 version, u32 count, u32 rows, u32 cols (little endian), count*rows*cols u8 pixels, count u8 labels.

export const LABELLED_HEADER_BYTES = 20;

export interface LabelledImagesSpec {
  /** The file, for messages. */
  asset: string;
  magic: string;
  version: number;
  /** Labels must be below this. */
  numClasses: number;
  /** How to fix a bad file, e.g. "rebuild it with `node scripts/build-mnist.mjs --force`". */
  fix: string;
}

export interface LabelledImages {
  rows: number;
  cols: number;
  /** count*rows*cols pixels 0..255, a copy owned by the caller. */
  images: Uint8Array;
  labels: Int32Array;
}

export function parseLabelledImages(buf: ArrayBuffer, spec: LabelledImagesSpec): LabelledImages {
  const fail = (why: string): never => {
    throw new Error(`bad data asset ${spec.asset}: ${why}; ${spec.fix}`);
  };
  if (buf.byteLength < LABELLED_HEADER_BYTES) fail(`${buf.byteLength} bytes, shorter than the ${LABELLED_HEADER_BYTES}-byte header`);
  const bytes = new Uint8Array(buf);
  const magic = String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]);
  if (magic !== spec.magic) fail(`magic "${magic}" is not "${spec.magic}"`);
  const view = new DataView(buf);
  const version = view.getUint32(4, true);
  if (version !== spec.version) fail(`version ${version}, expected ${spec.version}`);
  const count = view.getUint32(8, true);
  const rows = view.getUint32(12, true);
  const cols = view.getUint32(16, true);
  if (count === 0 || rows === 0 || cols === 0 || rows > 1024 || cols > 1024) fail(`implausible header: ${count} images of ${rows}x${cols}`);
  const ppi = rows * cols;
  const expected = LABELLED_HEADER_BYTES + count * ppi + count;
  if (buf.byteLength < expected) fail(`truncated: ${buf.byteLength} bytes, ${count} images of ${rows}x${cols} need ${expected}`);
  if (buf.byteLength > expected) fail(`${buf.byteLength - expected} unexpected trailing bytes after ${count} images`);
  // Copies, so the Dataset owns compact buffers (cheap to post to a worker) instead of views into the file.
  const images = bytes.slice(LABELLED_HEADER_BYTES, LABELLED_HEADER_BYTES + count * ppi);
  const labels = new Int32Array(count);
  const labelStart = LABELLED_HEADER_BYTES + count * ppi;
  for (let i = 0; i < count; i++) {
    const y = bytes[labelStart + i];
    if (y >= spec.numClasses) fail(`label ${y} of image ${i} is not one of the ${spec.numClasses} classes`);
    labels[i] = y;
  }
  return { rows, cols, images, labels };
}
