import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';
import { useOwnKernels } from '../../src/engine/kernels/own-kernels';
import { createRng } from '../../src/engine/random';

// Checks shared by the tests of our kernels that replace one of tfjs's (Sum, Add): ours against tfjs's own, bit for bit.

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
