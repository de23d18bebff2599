import * as tf from '@tensorflow/tfjs';

/**
 * An elementwise op f whose gradient dy·f'(x) is computed from the saved *input* x.
 *
 * Why: tfjs's Exp/Sigmoid/Tanh/Softmax gradients reuse the op's own output, and tfjs saves that output through a
 * clone recorded on the tape *before* the op that made it, so the outer backprop of a Hessian-vector product sees
 * the clone as a constant and silently drops terms. A saved input is cloned after it exists and stays connected.
 * When `derivative` is itself built from safe ops, every order of derivative is exact.
 */
export function safeUnary(value: (x: tf.Tensor) => tf.Tensor, derivative: (x: tf.Tensor) => tf.Tensor): (x: tf.Tensor) => tf.Tensor {
  const op = tf.customGrad((x, save) => {
    const xs = x as tf.Tensor;
    (save as tf.GradSaveFunc)([xs]);
    return {
      value: value(xs),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => tf.mul(dy, derivative(saved[0])),
    };
  });
  return (x) => op(x);
}

/** e^x, derivative e^x (itself). */
export const safeExp: (x: tf.Tensor) => tf.Tensor = safeUnary(tf.exp, (x) => safeExp(x));

/** σ(x), derivative σ(x)(1 - σ(x)). */
export const safeSigmoid: (x: tf.Tensor) => tf.Tensor = safeUnary(tf.sigmoid, (x) => {
  const s = safeSigmoid(x);
  return tf.mul(s, tf.sub(1, s));
});

/** softplus(x) = log(1 + e^x), derivative σ(x). */
export const safeSoftplus: (x: tf.Tensor) => tf.Tensor = safeUnary(tf.softplus, (x) => safeSigmoid(x));

/** tanh(x), derivative 1 - tanh(x)^2. */
export const safeTanh: (x: tf.Tensor) => tf.Tensor = safeUnary(tf.tanh, (x) => tf.sub(1, tf.square(safeTanh(x))));

/** x^(-1/2), derivative -x^(-3/2)/2 = -rsqrt(x)³/2 (tfjs's Rsqrt gradient goes through Pow, which reuses its output). */
export const safeRsqrt: (x: tf.Tensor) => tf.Tensor = safeUnary(tf.rsqrt, (x) => {
  const r = safeRsqrt(x);
  return tf.mul(-0.5, tf.mul(r, tf.mul(r, r)));
});
