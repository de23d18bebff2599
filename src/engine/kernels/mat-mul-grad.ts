import * as tf from '@tensorflow/tfjs';

/** Swaps the last two axes (the matrix transpose of a batch of matrices). */
function t(x: tf.Tensor): tf.Tensor {
  const perm = x.shape.map((_, i) => i);
  const r = perm.length;
  [perm[r - 2], perm[r - 1]] = [perm[r - 1], perm[r - 2]];
  return tf.transpose(x, perm);
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
      if (!transposeA && !transposeB) return { a: () => mm(g, t(b)), b: () => mm(t(a), g) };
      if (!transposeA && transposeB) return { a: () => mm(g, b), b: () => mm(t(g), a) };
      if (transposeA && !transposeB) return { a: () => mm(b, t(g)), b: () => mm(a, g) };
      return { a: () => mm(t(b), t(g)), b: () => mm(t(g), t(a)) };
    },
  };
}
