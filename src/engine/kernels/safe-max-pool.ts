import * as tf from '@tensorflow/tfjs';
import { withZeroGradient } from './stop-gradient';

/**
 * Where each 2×2 window's maximum sits, as a constant 0/1 mask shaped like x (0 on the rows/columns a valid pool
 * drops). Computed inside a zero-gradient op: maxPool's own gradient (MaxPoolGrad) has no gradient, and the
 * comparison (Equal) has none either, so neither may reach the tape.
 */
const windowMaxMask = withZeroGradient((x) => {
  const x4 = x as tf.Tensor4D;
  const [, h, w] = x4.shape;
  const m = tf.maxPool(x4, 2, 2, 'valid');
  const [, oh, ow] = m.shape;
  let up: tf.Tensor = tf.image.resizeNearestNeighbor(m, [oh * 2, ow * 2]);
  if (h !== oh * 2 || w !== ow * 2) up = tf.pad(up, [[0, 0], [0, h - oh * 2], [0, w - ow * 2], [0, 0]], Number.NEGATIVE_INFINITY);
  return tf.cast(tf.equal(x4, up), 'float32');
});

/**
 * 2×2 stride-2 'valid' max pooling, differentiable to any order: with m the constant mask of each window's maxima,
 * maxPool(x) = Σ_window(x·m) / Σ_window(m) exactly (every masked entry equals the maximum). The gradient sends dy to
 * the window's maximum (split evenly between exact ties, a valid subgradient where tfjs picks the first; on smooth
 * activations ties have probability 0), and the right side is linear in x through avgPool, whose gradient is
 * registered second-order safe (avg-pool-grad.ts), so its second derivative is the exact 0 almost everywhere.
 */
export function safeMaxPool(x: tf.Tensor4D): tf.Tensor4D {
  return tf.tidy(() => {
    const m = windowMaxMask(x);
    return tf.div(tf.avgPool(tf.mul(x, m) as tf.Tensor4D, 2, 2, 'valid'), tf.avgPool(m as tf.Tensor4D, 2, 2, 'valid')) as tf.Tensor4D;
  });
}
