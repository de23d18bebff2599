import { permutation, createRng } from '../random';

/** Seeded mini-batches of sample indices for one epoch (our own shuffle: model.fit's uses Math.random). */
export function epochBatches(n: number, batchSize: number, seed: number, epoch: number): Int32Array[] {
  const order = permutation(n, createRng(seed, 'batches', epoch));
  const out: Int32Array[] = [];
  for (let i = 0; i < n; i += batchSize) out.push(order.subarray(i, Math.min(n, i + batchSize)));
  return out;
}

/** Contiguous batches [0, n) in order, for evaluation. */
export function sequentialBatches(n: number, batchSize: number): Int32Array[] {
  const out: Int32Array[] = [];
  for (let i = 0; i < n; i += batchSize) out.push(Int32Array.from({ length: Math.min(batchSize, n - i) }, (_, k) => i + k));
  return out;
}
