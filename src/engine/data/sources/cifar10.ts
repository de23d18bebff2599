import { baseName, type FileEntry } from './file-entry';
import { CollectionBuilder, type ImageCollection } from './image-collection';
import { squareRgb } from './square-rgb';

export const CIFAR10_CLASSES = ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'] as const;

// The binary version's batches (data_batch_1..5.bin, test_batch.bin): records of 1 label byte and 3,072 pixel
// bytes, the red plane, then green, then blue, each 32 rows of 32.
const RECORD = 1 + 32 * 32 * 3;
const BATCH = /^(data_batch_\d+|test_batch)\.bin$/;

/** The CIFAR-10 images among `files`, in batch order (every batch, train and test: the config splits them itself). */
export function loadCifar10(files: FileEntry[], side: number): ImageCollection {
  const b = new CollectionBuilder('cifar10', side, { class: CIFAR10_CLASSES });
  const rgba = { width: 32, height: 32, data: new Uint8Array(32 * 32 * 4) };
  const out = new Uint8Array(side * side * 3);
  const batches = files.filter((f) => BATCH.test(baseName(f.path))).sort((x, y) => (x.path < y.path ? -1 : 1));
  for (const f of files) if (!batches.includes(f)) b.skip(f.path, 'not a CIFAR-10 batch (data_batch_N.bin or test_batch.bin)');
  for (const f of batches) {
    if (f.bytes.length === 0 || f.bytes.length % RECORD !== 0) {
      b.skip(f.path, `${f.bytes.length} bytes is not a whole number of ${RECORD}-byte records (1 label + 32×32×3 pixels): not a CIFAR-10 binary batch, or truncated`);
      continue;
    }
    const n = f.bytes.length / RECORD;
    const bad = Array.from({ length: n }, (_, r) => f.bytes[r * RECORD]).findIndex((label) => label > 9);
    if (bad >= 0) {
      b.skip(f.path, `record ${bad} has label ${f.bytes[bad * RECORD]}, not 0-9: not a CIFAR-10 binary batch`);
      continue;
    }
    for (let r = 0; r < n; r++) {
      const rec = f.bytes.subarray(r * RECORD, (r + 1) * RECORD);
      for (let p = 0; p < 1024; p++) {
        rgba.data[p * 4] = rec[1 + p];
        rgba.data[p * 4 + 1] = rec[1 + 1024 + p];
        rgba.data[p * 4 + 2] = rec[1 + 2048 + p];
      }
      b.add(squareRgb(rgba, side, out), { class: rec[0] });
    }
  }
  return b.finish();
}
