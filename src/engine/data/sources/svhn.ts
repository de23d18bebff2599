import { baseName, type FileEntry } from './file-entry';
import { CollectionBuilder, type ImageCollection } from './image-collection';
import { readMatV5 } from './mat-v5';
import { squareRgb } from './square-rgb';

export const SVHN_CLASSES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/**
 * SVHN's cropped digits (train_32x32.mat, test_32x32.mat, extra_32x32.mat): X is 32×32×3×N uint8 and y is N×1 with
 * labels 1-10, 10 standing for the digit 0. Both files, when given, go into one collection (the config splits it).
 */
export function loadSvhn(files: FileEntry[], side: number): ImageCollection {
  const b = new CollectionBuilder('svhn', side, { class: SVHN_CLASSES });
  const rgba = { width: 32, height: 32, data: new Uint8Array(32 * 32 * 4) };
  const out = new Uint8Array(side * side * 3);
  for (const f of files) {
    if (!/\.mat$/i.test(baseName(f.path))) {
      b.skip(f.path, 'not a .mat file (SVHN ships train_32x32.mat and test_32x32.mat)');
      continue;
    }
    let X, y;
    try {
      const mats = readMatV5(f.bytes, f.path);
      X = mats.get('X');
      y = mats.get('y');
    } catch (e) {
      b.skip(f.path, e instanceof Error ? e.message : String(e));
      continue;
    }
    if (!X || !y || X.dims.length !== 4 || X.dims[0] !== 32 || X.dims[1] !== 32 || X.dims[2] !== 3 || y.data.length !== X.dims[3]) {
      b.skip(f.path, `not in SVHN's layout: expected X of 32×32×3×N and y of N labels, found ${X ? `X ${X.dims.join('×')}` : 'no X'} and ${y ? `y ${y.dims.join('×')}` : 'no y'}`);
      continue;
    }
    const n = X.dims[3];
    for (let k = 0; k < n; k++) {
      const label = y.data[k];
      if (!(label >= 1 && label <= 10 && Number.isInteger(label))) {
        b.skip(`${f.path}#${k}`, `label ${label} is not 1-10`);
        continue;
      }
      // Column-major: X(r, c, ch, k) is at r + 32c + 1024ch + 3072k.
      for (let r = 0; r < 32; r++) {
        for (let c = 0; c < 32; c++) {
          const p = (r * 32 + c) * 4;
          for (let ch = 0; ch < 3; ch++) rgba.data[p + ch] = X.data[r + 32 * c + 1024 * ch + 3072 * k];
        }
      }
      b.add(squareRgb(rgba, side, out), { class: label % 10 });
    }
  }
  return b.finish();
}
