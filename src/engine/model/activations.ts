import * as tf from '@tensorflow/tfjs';
import { safeSoftplus, safeTanh } from '../kernels/safe-unary';
import type { Activation } from './spec';

/**
 * Applies the named activation, second-order safe (see kernels/safe-unary.ts): the same function serves training
 * and the exact Hessian-vector products. ReLU keeps tfjs's op: its gradient dy·step(x) uses the saved input and
 * Step's gradient is zero, so its second derivative is 0 (true almost everywhere) and nothing throws.
 */
export function activate(x: tf.Tensor, activation: Activation): tf.Tensor {
  switch (activation) {
    case 'relu':
      return tf.relu(x);
    case 'softplus':
      return safeSoftplus(x);
    case 'tanh':
      return safeTanh(x);
  }
}
