import * as tf from '@tensorflow/tfjs';
import { ownMatMulTakesProduct } from './own-mat-mul';

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
 * op(x)·op(y), op a transpose where flagged, on wasm: our kernel reads the flagged operands in place where it takes the
 * product (own-mat-mul.ts); elsewhere tfjs-wasm's matMul with a transpose flag is 3-4x slower than a transpose plus a
 * plain matMul (measured on [128,64]x[64,784], the dense layers' backward pass), so the transposes are separate ops.
 * Each output is the same sum either way (own-mat-mul.test.ts, pool-matmul-grad.test.ts). Without the transposes'
 * nodes on the tape, tfjs adds up a tensor's gradient contributions in another order in third-order graphs (the full
 * constraints of Eq. 7 differentiate an HVP): those runs' numbers moved in the 7th digit when this came in (Dec 2026);
 * training, HVPs and the relaxed mitigation kept every bit.
 */
function product(x: tf.Tensor, y: tf.Tensor, tx: boolean, ty: boolean): tf.Tensor {
  if ((tx || ty) && ownMatMulTakesProduct(x, y, tx, ty)) return tf.matMul(x, y, tx, ty);
  if (!tx && ty) return timesTransposed(x, y);
  return tf.matMul(tx ? t(x) : x, ty ? t(y) : y);
}

/**
 * Gradient of BatchMatMul on the wasm backend, its products by product() above. Other backends keep the flags (cpu is
 * faster with them; GPU shaders get them for free).
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
      if (!transposeA && !transposeB) return { a: () => product(g, b, false, true), b: () => product(a, g, true, false) };
      if (!transposeA && transposeB) return { a: () => product(g, b, false, false), b: () => product(g, a, true, false) };
      if (transposeA && !transposeB) return { a: () => product(b, g, false, true), b: () => product(a, g, false, false) };
      return { a: () => product(b, g, true, true), b: () => product(g, a, true, true) };
    },
  };
}
