import type { Rng } from '../random';
import type { BatchArrays } from './batch-tensors';

/**
 * The standard CIFAR augmentation (He et al. 2016), done on the gathered batch before upload: each image is padded
 * with zeros by side/8 pixels (4 for 32×32), a side×side window is cropped at a random offset, and the result is
 * mirrored left-right with probability ½. Every draw comes from `rng`, so a seeded epoch sees the same images.
 * A new array is returned; the batch's own pixels (views of the data set) are never written.
 */
export function cropFlip(b: BatchArrays, imageShape: readonly [number, number, number], rng: Rng): BatchArrays {
  const [h, w, c] = imageShape;
  const pad = Math.max(1, Math.round(Math.min(h, w) / 8));
  const size = h * w * c;
  const x = new Float32Array(b.x.length);
  for (let n = 0; n < b.n; n++) {
    // Offsets in [-pad, pad]: the crop window's top-left corner in the padded image, minus pad.
    const dy = rng.int(2 * pad + 1) - pad;
    const dx = rng.int(2 * pad + 1) - pad;
    const flip = rng.next() < 0.5;
    const src = n * size;
    for (let i = 0; i < h; i++) {
      const si = i + dy;
      if (si < 0 || si >= h) continue;
      for (let j = 0; j < w; j++) {
        const jj = flip ? w - 1 - j : j;
        const sj = jj + dx;
        if (sj < 0 || sj >= w) continue;
        const from = src + (si * w + sj) * c;
        const to = src + (i * w + j) * c;
        for (let k = 0; k < c; k++) x[to + k] = b.x[from + k];
      }
    }
  }
  return { x, labels: b.labels, n: b.n };
}
