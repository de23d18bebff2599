import * as tf from '@tensorflow/tfjs';
import { poolAttrs } from './pool-attrs';

/**
 * AvgPoolGrad (the gradient of avgPool) is linear in dy, and its adjoint is avgPool itself: registering that makes
 * avgPool differentiable twice. It does not depend on the input's values, only its shape, so that gradient is zero
 * (tf.zeros, not zerosLike: a zero with no input stays off the tape, where ZerosLike would need a gradient itself).
 */
export const avgPoolGradGradConfig: tf.GradConfig = {
  kernelName: 'AvgPoolGrad',
  inputsToSave: ['input'],
  gradFunc: (ddx, saved, attrs) => {
    const [input] = saved;
    const a = poolAttrs(attrs);
    return {
      dy: () => tf.avgPool(ddx as tf.Tensor4D, a.filterSize, a.strides, a.pad, a.dimRoundingMode),
      input: () => tf.zeros(input.shape),
    };
  },
};
