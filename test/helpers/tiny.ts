import type { Dataset } from '../../src/engine/data/dataset';
import { createRng } from '../../src/engine/random';
import type { ModelSpec } from '../../src/engine/model/spec';

/**
 * A tiny learnable grouped data set made in the test itself: class c lights up quadrant c; group 1 is noisier and
 * rarer, so it is the "minority" the theory talks about.
 */
export function tinyDataset(n: number, seed: number, size = 8, minorityShare = 0.2): Dataset {
  const rng = createRng(seed, 'tiny');
  const images = new Float32Array(n * size * size);
  const labels = new Int32Array(n);
  const groups = new Int32Array(n);
  const half = size / 2;
  for (let i = 0; i < n; i++) {
    const y = rng.int(2);
    const a = rng.next() < minorityShare ? 1 : 0;
    labels[i] = y;
    groups[i] = a;
    const noise = a === 1 ? 0.45 : 0.15;
    for (let r = 0; r < size; r++)
      for (let c = 0; c < size; c++) {
        const on = (y === 0 ? r < half : r >= half) && c < half;
        images[i * size * size + r * size + c] = Math.min(1, Math.max(0, (on ? 0.7 : 0.2) + noise * rng.normal()));
      }
  }
  return { name: 'tiny', imageShape: [size, size, 1], images, labels, groups, classNames: ['0', '1'], groupNames: ['major', 'minor'] };
}

export const tinyCnn = (activation: 'relu' | 'softplus' | 'tanh' = 'relu', size = 8): ModelSpec => ({
  kind: 'cnn',
  inputShape: [size, size, 1],
  numClasses: 2,
  convFilters: [2, 3],
  dense: [6, 5],
  activation,
});
