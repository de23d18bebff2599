import * as tf from '@tensorflow/tfjs';
import type { Activation } from './spec';

/** Applies the named activation. Kept in one place so second-order-safe versions serve the model and the HVP alike. */
export function activate(x: tf.Tensor, activation: Activation): tf.Tensor {
  switch (activation) {
    case 'relu':
      return tf.relu(x);
    case 'softplus':
      return tf.softplus(x);
    case 'tanh':
      return tf.tanh(x);
  }
}
