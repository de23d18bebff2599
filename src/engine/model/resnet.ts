import * as tf from '@tensorflow/tfjs';
import { activate } from './activations';
import type { ForwardTraining } from './batch-norm';
import { convNorm, ParamCursor, poolAndClassify } from './conv-block';
import { resnetPlan } from './resnet-plan';
import type { ResNetSpec } from './spec';

export function resnetForward(spec: ResNetSpec, params: tf.Tensor[], x: tf.Tensor4D, training: ForwardTraining | undefined): tf.Tensor2D {
  const c = new ParamCursor(params, training);
  const bias = spec.normalization !== 'batch';
  const act = (t: tf.Tensor4D) => activate(t, spec.activation) as tf.Tensor4D;
  let h = act(convNorm(x, c, 1, spec.normalization, bias));
  for (const b of resnetPlan(spec).blocks) {
    const y = act(convNorm(h, c, b.stride, spec.normalization, bias));
    const z = convNorm(y, c, 1, spec.normalization, bias);
    const shortcut = b.projection ? convNorm(h, c, b.stride, spec.normalization, bias) : h;
    h = act(tf.add(z, shortcut) as tf.Tensor4D);
  }
  const logits = poolAndClassify(h, c);
  c.done();
  return logits;
}
