import * as tf from '@tensorflow/tfjs';
import { safeMaxPool } from '../kernels/safe-max-pool';
import { activate } from './activations';
import type { ForwardTraining } from './batch-norm';
import { convNorm, ParamCursor, poolAndClassify } from './conv-block';
import type { VggSpec } from './spec';
import { vggPlan } from './vgg-plan';

export function vggForward(spec: VggSpec, params: tf.Tensor[], x: tf.Tensor4D, training: ForwardTraining | undefined): tf.Tensor2D {
  const c = new ParamCursor(params, training);
  let h = x;
  for (const s of vggPlan(spec)) {
    h = s.kind === 'pool' ? safeMaxPool(h) : (activate(convNorm(h, c, 1, spec.normalization, true), spec.activation) as tf.Tensor4D);
  }
  const logits = poolAndClassify(h, c);
  c.done();
  return logits;
}
