import * as tf from '@tensorflow/tfjs';
import { activate } from './activations';
import type { ForwardTraining } from './batch-norm';
import { convParams as conv3, denseParams as dense } from './layer-params';
import { resnetForward, resnetParams } from './resnet';
import type { CnnSpec, MlpSpec, ModelSpec, ParamSpec } from './spec';
import { vggForward, vggParams } from './vgg';

/**
 * Parameter layout of a spec, in the fixed order used everywhere (forward, optimizer, masks, flattening).
 * Adam keeps its moments by position, so this order must never depend on anything but the spec.
 */
export function paramSpecs(spec: ModelSpec): ParamSpec[] {
  switch (spec.kind) {
    case 'cnn':
      return cnnParams(spec);
    case 'mlp':
      return mlpParams(spec);
    case 'resnet':
      return resnetParams(spec);
    case 'vgg':
      return vggParams(spec);
  }
}

function conv(layer: string, cin: number, cout: number): ParamSpec[] {
  return conv3(layer, 3, cin, cout);
}

/** Spatial size after the two 2x2 valid average pools ('same' convolutions keep the size). */
export function cnnFlatSize(spec: CnnSpec): number {
  const [h, w] = spec.inputShape;
  return Math.floor(Math.floor(h / 2) / 2) * Math.floor(Math.floor(w / 2) / 2) * spec.convFilters[1];
}

function cnnParams(spec: CnnSpec): ParamSpec[] {
  const [c1, c2] = spec.convFilters;
  const [d1, d2] = spec.dense;
  return [
    ...conv('conv1', spec.inputShape[2], c1),
    ...conv('conv2', c1, c2),
    ...dense('dense1', cnnFlatSize(spec), d1),
    ...dense('dense2', d1, d2),
    ...dense('dense3', d2, spec.numClasses),
  ];
}

function mlpParams(spec: MlpSpec): ParamSpec[] {
  const widths = [spec.inputShape.reduce((a, b) => a * b, 1), ...spec.hidden, spec.numClasses];
  const out: ParamSpec[] = [];
  for (let i = 0; i + 1 < widths.length; i++) out.push(...dense(`dense${i + 1}`, widths[i], widths[i + 1]));
  return out;
}

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
