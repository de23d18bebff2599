import * as tf from '@tensorflow/tfjs';
import { safeRsqrt } from '../kernels/safe-unary';
import { stopGradient } from '../kernels/stop-gradient';

/** PyTorch's BatchNorm2d defaults, so saved weights and their statistics load there unchanged. */
export const BN_EPSILON = 1e-5;
export const BN_MOMENTUM = 0.1;

/**
 * Training mode for forward(): BatchNorm normalises with the batch's statistics and reports them here, with the
 * index of the running-mean parameter (the running variance is the next one), so the training loop can update
 * the running statistics after the step. Without it forward() is in evaluation mode.
 */
export interface ForwardTraining {
  onBatchStats(meanIndex: number, mean: tf.Tensor1D, unbiasedVariance: tf.Tensor1D): void;
}

/**
 * BatchNorm over the channels of NHWC x. Evaluation mode (training undefined) uses the running statistics as
 * constants (their gradient is 0: PyHessian's model.eval()); training mode the batch's mean and biased variance,
 * differentiated through (as PyTorch does). Every op is second-order safe: safeRsqrt instead of tf.rsqrt, whose
 * gradient goes through Pow.
 */
export function batchNorm(
  x: tf.Tensor4D,
  gamma: tf.Tensor,
  beta: tf.Tensor,
  runningMean: tf.Tensor,
  runningVar: tf.Tensor,
  meanIndex: number,
  training: ForwardTraining | undefined,
): tf.Tensor4D {
  if (training === undefined) {
    const scale = tf.mul(gamma, safeRsqrt(tf.add(stopGradient(runningVar), BN_EPSILON)));
    return tf.add(tf.mul(tf.sub(x, stopGradient(runningMean)), scale), beta) as tf.Tensor4D;
  }
  const mean = tf.mean(x, [0, 1, 2]);
  const centred = tf.sub(x, mean);
  const variance = tf.mean(tf.mul(centred, centred), [0, 1, 2]);
  const count = x.size / x.shape[3];
  // PyTorch's running variance is the unbiased one (n / (n − 1)); the normalisation uses the biased one.
  training.onBatchStats(meanIndex, mean as tf.Tensor1D, tf.mul(variance, count / Math.max(1, count - 1)) as tf.Tensor1D);
  return tf.add(tf.mul(centred, tf.mul(gamma, safeRsqrt(tf.add(variance, BN_EPSILON)))), beta) as tf.Tensor4D;
}

/** running ← (1 − momentum)·running + momentum·batch, PyTorch's update. */
export function updateRunning(running: tf.Tensor, batch: tf.Tensor): tf.Tensor {
  return tf.add(tf.mul(running, 1 - BN_MOMENTUM), tf.mul(batch, BN_MOMENTUM));
}
