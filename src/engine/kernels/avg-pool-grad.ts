import * as tf from '@tensorflow/tfjs';
import { ownUpsample } from './own-upsample';
import { poolAttrs } from './pool-attrs';

const pair = (v: number | [number, number]): [number, number] => (Array.isArray(v) ? v : [v, v]);
const powerOfTwo = (k: number): boolean => k >= 1 && (k & (k - 1)) === 0;

/**
 * Gradient of a non-overlapping 'valid' avgPool (stride = window, as in our CNN): an upsampling of dy / window
 * (see upsample below). ~25x faster than the AvgPoolGrad kernel on cpu and ~3x on wasm, and differentiable again.
 * Other pools keep tfjs's AvgPoolGrad (made differentiable in avg-pool-grad-grad.ts).
 */
export function avgPoolGradConfig(stock: tf.GradConfig | undefined): tf.GradConfig {
  return {
    kernelName: 'AvgPool',
    inputsToSave: ['x'],
    gradFunc: (dy, saved, attrs) => {
      const [x] = saved as [tf.Tensor4D];
      const a = poolAttrs(attrs);
      const [kh, kw] = pair(a.filterSize);
      const [sh, sw] = pair(a.strides);
      const valid = a.pad === 'valid' || a.pad === 0;
      if (!valid || kh !== sh || kw !== sw || !powerOfTwo(kh) || !powerOfTwo(kw) || x.rank !== 4) {
        if (stock === undefined) throw new Error('No stock AvgPool gradient to fall back to');
        return stock.gradFunc(dy, saved, attrs);
      }
      return { x: () => upsample(dy as tf.Tensor4D, kh, kw, x.shape) };
    },
  };
}

/**
 * Copies each dy / (kh·kw) over its pooling window, zero where the pool never looked (the last row/column of an
 * odd size). Nearest-neighbour resizing by a power-of-two factor is that copy exactly (the source index
 * floor(i · 2^-m) has no rounding error); on wasm our kernel makes it in one pass (own-upsample.ts). Its adjoint is
 * the avgPool itself, so that is its gradient.
 */
function upsample(dy: tf.Tensor4D, kh: number, kw: number, inShape: number[]): tf.Tensor4D {
  const [h, w] = [inShape[1], inShape[2]];
  const op = tf.customGrad((d) => {
    const dy4 = d as tf.Tensor4D;
    const [, oh, ow] = dy4.shape;
    const scale = 1 / (kh * kw);
    const up = ownUpsample(dy4, kh, kw, scale) ?? tf.image.resizeNearestNeighbor(tf.mul(dy4, scale) as tf.Tensor4D, [oh * kh, ow * kw]);
    const value = h === oh * kh && w === ow * kw ? up : tf.pad(up, [[0, 0], [0, h - oh * kh], [0, w - ow * kw], [0, 0]]);
    return { value, gradFunc: (g: tf.Tensor) => tf.avgPool(g as tf.Tensor4D, [kh, kw], [kh, kw], 'valid') };
  });
  return op(dy) as tf.Tensor4D;
}
