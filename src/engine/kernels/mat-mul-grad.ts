import * as tf from '@tensorflow/tfjs';

/** Swaps the last two axes (the matrix transpose of a batch of matrices). */
function t(x: tf.Tensor): tf.Tensor {
  const perm = x.shape.map((_, i) => i);
  const r = perm.length;
  [perm[r - 2], perm[r - 1]] = [perm[r - 1], perm[r - 2]];
  return tf.transpose(x, perm);
}

/** How many times wider than tall g·bᵀ must be before it is computed as (b·gᵀ)ᵀ (see timesTransposed). */
const WIDE = 4;

/**
 * g·bᵀ on wasm. XNNPACK packs a matMul's second operand into its own layout on every call, so for a wide product
 * (a dense layer's input gradient: g [64, 64], b [1568, 64]) transposing b to [64, 1568] and packing that costs more
 * than the product itself: (b·gᵀ)ᵀ packs the small gᵀ and transposes the result, 0.43-0.49 ms where g·bᵀ took
 * 0.67-0.74 (the ~100k bench CNN's first dense layer). Each output is the same sum over the same k in the same order
 * (XNNPACK adds a row's products one after another), so the same bits (pool-matmul-grad.test.ts).
 */
export function timesTransposed(g: tf.Tensor, b: tf.Tensor): tf.Tensor {
  const [rows, cols] = [g.shape[g.rank - 2], b.shape[b.rank - 2]];
  return cols > WIDE * rows ? t(tf.matMul(b, t(g))) : tf.matMul(g, t(b));
}

/**
 * Gradient of BatchMatMul with the transposes done as separate ops on the wasm backend: its matMul with a
 * transpose flag is 3-4x slower than a transpose plus a plain matMul (measured on [128,64]x[64,784], the dense
 * layers' backward pass). Other backends keep the flags (cpu is faster with them; GPU shaders get them for free).
 */
export function batchMatMulGradConfig(stock: tf.GradConfig | undefined): tf.GradConfig {
  return {
    kernelName: 'BatchMatMul',
    inputsToSave: ['a', 'b'],
    gradFunc: (dy, saved, attrs) => {
      if (tf.getBackend() !== 'wasm' && stock !== undefined) return stock.gradFunc(dy, saved, attrs);
      const [a, b] = saved;
      const g = dy as tf.Tensor;
      const { transposeA, transposeB } = attrs as unknown as { transposeA: boolean; transposeB: boolean };
      const mm = (x: tf.Tensor, y: tf.Tensor) => tf.matMul(x, y);
      if (!transposeA && !transposeB) return { a: () => timesTransposed(g, b), b: () => mm(t(a), g) };
      if (!transposeA && transposeB) return { a: () => mm(g, b), b: () => mm(t(g), a) };
      if (transposeA && !transposeB) return { a: () => mm(b, t(g)), b: () => mm(a, g) };
      return { a: () => mm(t(b), t(g)), b: () => mm(t(g), t(a)) };
    },
  };
}
