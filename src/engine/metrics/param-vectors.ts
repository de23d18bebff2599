import * as tf from '@tensorflow/tfjs';

// Vectors in parameter space are lists of tensors (one per parameter, paramSpecs order). These helpers treat the
// list as one flat vector. Sums are pairwise, never tf.addN over many tensors: tfjs-backend-webgpu 4.22 returns
// stale values for addN with 8 or more inputs.

/** Σ of scalars (or same-shape tensors), added pairwise. */
export function sumPairwise<T extends tf.Tensor>(ts: T[]): T {
  if (ts.length === 0) throw new Error('sumPairwise of nothing');
  let level: tf.Tensor[] = ts;
  while (level.length > 1) {
    const next: tf.Tensor[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? tf.add(level[i], level[i + 1]) : level[i]);
    level = next;
  }
  return level[0] as T;
}

/** a · b over all parameters. */
export function dot(a: tf.Tensor[], b: tf.Tensor[]): tf.Scalar {
  return sumPairwise(a.map((t, i) => tf.sum(tf.mul(t, b[i])) as tf.Scalar));
}

/** s · a. */
export function scale(a: tf.Tensor[], s: tf.Scalar | number): tf.Tensor[] {
  return a.map((t) => tf.mul(t, s));
}

/** Tensors of the given shapes from plain arrays. */
export function fromArrays(values: Float32Array[], shapes: number[][]): tf.Tensor[] {
  return values.map((v, i) => tf.tensor(v, shapes[i]));
}

/** Plain copies of the tensors' values (await: never dataSync, which misbehaves on webgpu). */
export async function toArrays(ts: tf.Tensor[]): Promise<Float32Array[]> {
  const out: Float32Array[] = [];
  for (const t of ts) out.push(Float32Array.from((await t.data()) as Float32Array));
  return out;
}
