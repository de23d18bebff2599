import type { Dataset } from '../../../src/engine/data/dataset';
import { createRng } from '../../../src/engine/random';

/** Eigenvalues of a symmetric matrix (row-major n×n, float64) by cyclic Jacobi rotations. */
export function jacobiEigenvalues(matrix: Float64Array, n: number): number[] {
  const a = Float64Array.from(matrix);
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += a[i * n + j] ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p];
          const akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k];
          const aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
      }
  }
  return Array.from({ length: n }, (_, i) => a[i * n + i]);
}

/** The eigenvalue of largest magnitude (what power iteration converges to). */
export function dominant(eigs: number[]): number {
  return eigs.reduce((best, e) => (Math.abs(e) > Math.abs(best) ? e : best), 0);
}

/** A seeded random data set of the given image shape, classes and groups (group = sample index mod groups). */
export function randomDataset(n: number, imageShape: [number, number, number], classes: number, groups: number, seed = 1): Dataset {
  const rng = createRng(seed, 'hessian-test-data');
  const ppi = imageShape[0] * imageShape[1] * imageShape[2];
  return {
    name: 'random',
    imageShape,
    images: Float32Array.from({ length: n * ppi }, () => rng.next()),
    labels: Int32Array.from({ length: n }, () => rng.int(classes)),
    groups: Int32Array.from({ length: n }, (_, i) => i % groups),
    classNames: Array.from({ length: classes }, (_, i) => `c${i}`),
    groupNames: Array.from({ length: groups }, (_, i) => `g${i}`),
  };
}
