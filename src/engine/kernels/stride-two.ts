import * as tf from '@tensorflow/tfjs';

/**
 * Every second row and column (indices 0, 2, 4, …) of an NHWC tensor. A stride-2 convolution with PyTorch's padding
 * p is this subsampling of the stride-1 convolution with the same padding: output i of the strided one reads rows
 * 2i − p … 2i − p + k − 1, exactly what output 2i of the stride-1 one reads; both give floor((h + 2p − k)/2) + 1 rows.
 * It costs the stride-1 convolution (4× the FLOPs) but stays on the conv-built, second-order-safe gradients
 * (conv-bilinear.ts) and on wasm's fast forward conv2d; tfjs's strided gradient needs Conv2DBackpropFilter, which
 * wasm lacks and which has no gradient of its own. Built from pad, reshape and slice, whose gradients are each
 * other: differentiable to any order.
 */
export function takeEven(x: tf.Tensor4D): tf.Tensor4D {
  return tf.tidy(() => {
    const [n, h, w, c] = x.shape;
    const padded = h % 2 === 0 && w % 2 === 0 ? x : tf.pad(x, [[0, 0], [0, h % 2], [0, w % 2], [0, 0]]);
    const [hh, wh] = [(h + (h % 2)) / 2, (w + (w % 2)) / 2];
    // Row pairs on axis 1, column pairs folded into the channels: a rank-4 slice. (A rank-6 reshape-and-slice was
    // 40x slower than the convolution itself on wasm: tfjs has no fast path for slices above rank 4.)
    const pairs = tf.reshape(padded, [n * hh, 2, wh, 2 * c]);
    return tf.reshape(tf.slice(pairs, [0, 0, 0, 0], [n * hh, 1, wh, c]), [n, hh, wh, c]) as tf.Tensor4D;
  });
}
