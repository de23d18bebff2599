import * as tf from '@tensorflow/tfjs';
import { safeExp } from '../kernels/safe-unary';
import { withZeroGradient } from '../kernels/stop-gradient';

// Cross-entropy that stays exact under double backprop. tf.losses.softmaxCrossEntropy is not: Softmax/LogSoftmax/Exp
// gradients reuse their own outputs (cut off from the inputs on the tape, so Hessian-vector products lose terms) and
// tf.max's gradient needs Equal, which has no gradient.

/**
 * The row max of the logits as a constant: log Σ_k e^{z_k} = m + log Σ_k e^{z_k - m} holds for any m, so treating m
 * as constant changes no derivative, and it keeps e^{z - m} from overflowing. Held constant inside the custom op, so
 * tf.max (whose gradient needs Equal, which has none) never reaches the tape.
 */
const constantRowMax = withZeroGradient((z) => tf.max(z, 1, true));

/** ℓ(z, y) = log Σ_k e^{z_k} - z_y per sample, for logits [n, C] and int32 labels [n]. */
export function crossEntropyPerSample(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    const shifted = tf.sub(logits, constantRowMax(logits));
    const logSumExp = tf.log(tf.sum(safeExp(shifted), 1));
    const oneHot = tf.oneHot(tf.cast(labels, 'int32'), logits.shape[1]);
    const picked = tf.sum(tf.mul(shifted, oneHot), 1);
    return tf.sub(logSumExp, picked) as tf.Tensor1D;
  });
}

/** Mean cross-entropy over the batch (the training loss, and the loss whose Hessian λ(H_a) is measured). */
export function crossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => tf.mean(crossEntropyPerSample(logits, labels)) as tf.Scalar);
}
