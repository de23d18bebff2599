import * as tf from '@tensorflow/tfjs';

/**
 * f as a constant on the tape: f(x)'s value with a zero gradient, for a term that can be held fixed without changing
 * any derivative that matters (a shift that cancels, the scale of a target). f runs inside the custom op, so its own
 * ops never reach the tape; the zero is a tf.zeros with no input, so it stays off the tape at every order (a
 * zerosLike would need a gradient of its own under double backprop).
 */
export function withZeroGradient(f: (x: tf.Tensor) => tf.Tensor): (x: tf.Tensor) => tf.Tensor {
  const op = tf.customGrad((x) => {
    const t = x as tf.Tensor;
    return { value: f(t), gradFunc: () => tf.zeros(t.shape) };
  });
  return (x) => op(x);
}

/** x as a constant: the same value, zero gradient. */
export const stopGradient = withZeroGradient((x) => tf.clone(x)) as <T extends tf.Tensor>(x: T) => T;
