import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, expect } from 'vitest';
import { installKernels } from '../../src/engine/kernels/install-kernels';
import { useOwnKernels } from '../../src/engine/kernels/own-kernels';
import { createRng } from '../../src/engine/random';

// What the tests of our kernels share: their describe blocks' set-up, and the check of ours against tfjs's own kernels
// (Sum, Add, ...), bit for bit.

/** Standard normals of `shape`, seeded by `seed` and `label`. */
export const randomTensor = (seed: number, shape: number[], label: string): tf.Tensor => {
  const rng = createRng(seed, label);
  return tf.tensor(Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.normal()), shape);
};

/** `f` with tfjs's own kernels (ours switched off), then with ours; the caller disposes both. */
export function stockThenOurs(f: () => tf.Tensor): { stock: tf.Tensor; ours: tf.Tensor } {
  useOwnKernels(false);
  const stock = f();
  useOwnKernels(true);
  return { stock, ours: f() };
}

/** Whether `a` and `b` agree bit for bit (their shapes asserted equal). */
export async function sameBits(a: tf.Tensor, b: tf.Tensor): Promise<boolean> {
  expect(a.shape).toEqual(b.shape);
  const [x, y] = [await a.data(), await b.data()];
  return Array.from(x).every((v, i) => Object.is(v, y[i]));
}

/** `f` with tfjs's own kernels, then with ours (stockThenOurs): whether every bit agrees; both results freed. */
export async function sameAsStock(f: () => tf.Tensor): Promise<boolean> {
  const { stock, ours } = stockThenOurs(f);
  const same = await sameBits(ours, stock);
  tf.dispose([stock, ours]);
  return same;
}

/**
 * The set-up of a describe block that runs on `backend` with our kernels registered: installs them and switches to
 * the backend before its tests (asserting the switch), and puts our kernels back on after them (a test may have
 * switched them off).
 */
export function withOurKernelsOn(backend: string): void {
  beforeAll(async () => {
    installKernels();
    expect(await tf.setBackend(backend)).toBe(true);
  });
  afterAll(() => useOwnKernels(true));
}
