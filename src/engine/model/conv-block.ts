import * as tf from '@tensorflow/tfjs';
import { takeEven } from '../kernels/stride-two';
import { batchNorm, type ForwardTraining } from './batch-norm';
import type { Normalization } from './spec';

/**
 * Reads parameters in paramSpecs order while a forward pass walks the layers: the forward and the spec list are
 * built from the same plan, so one cursor keeps them aligned.
 */
export class ParamCursor {
  private k = 0;
  constructor(
    private readonly params: tf.Tensor[],
    readonly training: ForwardTraining | undefined,
  ) {}
  next(): tf.Tensor {
    if (this.k >= this.params.length) throw new Error('forward: fewer parameters than the spec has');
    return this.params[this.k++];
  }
  get index(): number {
    return this.k;
  }
  done(): void {
    if (this.k !== this.params.length) throw new Error(`forward: ${this.params.length} parameters, the spec uses ${this.k}`);
  }
}

/**
 * k×k 'same' convolution at stride 1 or 2 (PyTorch padding (k−1)/2), then BatchNorm or a bias. Stride 2 is the
 * stride-1 convolution subsampled (kernels/stride-two.ts says why).
 */
export function convNorm(x: tf.Tensor4D, c: ParamCursor, stride: 1 | 2, normalization: Normalization, convBias: boolean): tf.Tensor4D {
  const kernel = c.next() as tf.Tensor4D;
  let y = tf.conv2d(x, kernel, 1, 'same');
  if (stride === 2) y = takeEven(y);
  if (convBias) y = tf.add(y, c.next());
  if (normalization === 'batch') {
    const [gamma, beta] = [c.next(), c.next()];
    const meanIndex = c.index;
    const [mean, variance] = [c.next(), c.next()];
    y = batchNorm(y, gamma, beta, mean, variance, meanIndex, c.training);
  }
  return y;
}

/** Global average pooling over the spatial axes, then the dense classifier. */
export function poolAndClassify(x: tf.Tensor4D, c: ParamCursor): tf.Tensor2D {
  const pooled = tf.mean(x, [1, 2]) as tf.Tensor2D;
  return tf.add(tf.matMul(pooled, c.next() as tf.Tensor2D), c.next()) as tf.Tensor2D;
}
