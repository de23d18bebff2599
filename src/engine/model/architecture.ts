import * as tf from '@tensorflow/tfjs';
import { activate } from './activations';
import type { ForwardTraining } from './batch-norm';
import { resnetForward } from './resnet';
import type { ModelSpec } from './spec';
import { vggForward } from './vgg';

/**
 * Logits for a batch x (NHWC), as a pure function of the parameter tensors in paramSpecs order.
 * Being a function of tensors (not of hidden variables) is what lets tf.grads differentiate it twice.
 * The CNN pools by averaging: its gradient has a registered gradient of its own (VGG's max pool is safeMaxPool).
 * Evaluation mode unless `training` is given (BatchNorm then uses and reports batch statistics): every measurement
 * (gradient norms, λ(H_a), mitigation constraints) runs in evaluation mode, as PyHessian does.
 */
export function forward(spec: ModelSpec, params: tf.Tensor[], x: tf.Tensor4D, training?: ForwardTraining): tf.Tensor2D {
  if (spec.kind === 'resnet') return tf.tidy(() => resnetForward(spec, params, x, training));
  if (spec.kind === 'vgg') return tf.tidy(() => vggForward(spec, params, x, training));
  return tf.tidy(() => {
    let h: tf.Tensor;
    let k = 0;
    if (spec.kind === 'cnn') {
      let t: tf.Tensor4D = x;
      for (let layer = 0; layer < 2; layer++) {
        const z = tf.add(tf.conv2d(t, params[k] as tf.Tensor4D, 1, 'same'), params[k + 1]);
        t = tf.avgPool(activate(z, spec.activation) as tf.Tensor4D, 2, 2, 'valid');
        k += 2;
      }
      h = tf.reshape(t, [t.shape[0], -1]);
    } else {
      h = tf.reshape(x, [x.shape[0], -1]);
    }
    const denseLayers = (params.length - k) / 2;
    for (let layer = 0; layer < denseLayers; layer++) {
      h = tf.add(tf.matMul(h as tf.Tensor2D, params[k] as tf.Tensor2D), params[k + 1]);
      if (layer + 1 < denseLayers) h = activate(h, spec.activation);
      k += 2;
    }
    return h as tf.Tensor2D;
  });
}
