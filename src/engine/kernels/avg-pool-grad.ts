import * as tf from '@tensorflow/tfjs';

interface PoolAttrs {
  filterSize: number | [number, number];
  strides: number | [number, number];
  pad: 'valid' | 'same' | number;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

const pair = (v: number | [number, number]): [number, number] => (Array.isArray(v) ? v : [v, v]);

/**
 * Gradient of a non-overlapping 'valid' avgPool (stride = window, as in our CNN) as an upsampling: each dy value,
 * divided by the window size, is copied over its window; rows/columns the pool never covered get zero. Built from
 * concat/reshape/pad, so it is differentiable again, and it is much faster than the AvgPoolGrad kernel on cpu
 * (~10x) and wasm (~2x). Other pools keep tfjs's AvgPoolGrad (made differentiable in avg-pool-grad-grad.ts).
 */
export function avgPoolGradConfig(stock: tf.GradConfig | undefined): tf.GradConfig {
  return {
    kernelName: 'AvgPool',
    inputsToSave: ['x'],
    gradFunc: (dy, saved, attrs) => {
      const [x] = saved as [tf.Tensor4D];
      const a = attrs as unknown as PoolAttrs;
      const [kh, kw] = pair(a.filterSize);
      const [sh, sw] = pair(a.strides);
      const valid = a.pad === 'valid' || a.pad === 0;
      if (!valid || kh !== sh || kw !== sw || x.rank !== 4) {
        if (stock === undefined) throw new Error('No stock AvgPool gradient to fall back to');
        return stock.gradFunc(dy, saved, attrs);
      }
      return { x: () => upsample(dy as tf.Tensor4D, kh, kw, x.shape) };
    },
  };
}

function upsample(dy: tf.Tensor4D, kh: number, kw: number, inShape: number[]): tf.Tensor4D {
  const [n, oh, ow, c] = dy.shape;
  const s = tf.mul(dy, 1 / (kh * kw));
  // Copies along the channel axis give [n, oh, ow, kw*c] = layout (j, b, c); copies of each row then give (i, a).
  const cols = tf.reshape(kw === 1 ? s : tf.concat(new Array<tf.Tensor>(kw).fill(s), 3), [n * oh, 1, ow * kw * c]);
  const rows = kh === 1 ? cols : tf.concat(new Array<tf.Tensor>(kh).fill(cols), 1);
  const up = tf.reshape(rows, [n, oh * kh, ow * kw, c]) as tf.Tensor4D;
  const [, h, w] = inShape;
  if (h === oh * kh && w === ow * kw) return up;
  return tf.pad(up, [
    [0, 0],
    [0, h - oh * kh],
    [0, w - ow * kw],
    [0, 0],
  ]);
}
