import * as tf from '@tensorflow/tfjs';
import { adjointPads, padArg, type ConvPads } from './conv-geometry';
import { ownFilterGrad } from './own-filter-grad';

// A stride-1 convolution y = conv(x, W) is one trilinear form T(x, W, dy) = <conv(x, W), dy> seen three ways:
//   conv(x, W)          its derivative in dy,
//   inputGrad(dy, W)    its derivative in x  (the adjoint of conv in x),
//   filterGrad(x, dy)   its derivative in W  (the adjoint of conv in W).
// Each one's gradient is built from the other two, so the gradient graph of a CNN stays differentiable to any
// order, and everything runs on the backends' fast forward conv2d (wasm has no Conv2DBackpropFilter at all).

/** conv(x, W) with explicit pads; its gradient is the registered Conv2D gradient (conv2d-grad.ts). */
export function convForward(x: tf.Tensor4D, w: tf.Tensor4D, pads: ConvPads): tf.Tensor4D {
  return tf.conv2d(x, w, 1, padArg(pads));
}

/** W [fh,fw,Cin,Cout] -> W flipped in space with in/out channels swapped [fh,fw,Cout,Cin]. */
function flipFilter(w: tf.Tensor4D): tf.Tensor4D {
  return tf.transpose(tf.reverse(w, [0, 1]), [0, 1, 3, 2]);
}

/** dx = inputGrad(dy, W): a correlation of dy with the flipped filter, shape of x. */
export function inputGrad(dy: tf.Tensor4D, w: tf.Tensor4D, pads: ConvPads): tf.Tensor4D {
  const op = tf.customGrad((dyIn, wIn, save) => {
    const d = dyIn as tf.Tensor4D;
    const f = wIn as tf.Tensor4D;
    (save as tf.GradSaveFunc)([d, f]);
    const value = tf.conv2d(d, flipFilter(f), 1, padArg(adjointPads(pads, f.shape[0], f.shape[1])));
    return {
      value,
      gradFunc: (g: tf.Tensor, saved: tf.Tensor[]) => {
        const [dySaved, wSaved] = saved as [tf.Tensor4D, tf.Tensor4D];
        const g4 = g as tf.Tensor4D;
        return [convForward(g4, wSaved, pads), filterGrad(g4, dySaved, pads)];
      },
    };
  });
  return op(dy, w) as tf.Tensor4D;
}

/**
 * dW = filterGrad(x, dy): on wasm, for first layers, our SIMD kernel (own-filter-grad.ts), else filterGradConv; the
 * same numbers bit for bit either way.
 */
export function filterGrad(x: tf.Tensor4D, dy: tf.Tensor4D, pads: ConvPads): tf.Tensor4D {
  const op = tf.customGrad((xIn, dyIn, save) => {
    const xs = xIn as tf.Tensor4D;
    const d = dyIn as tf.Tensor4D;
    (save as tf.GradSaveFunc)([xs, d]);
    const [fh, fw] = [xs.shape[1] + pads.top + pads.bottom - d.shape[1] + 1, xs.shape[2] + pads.left + pads.right - d.shape[2] + 1];
    const value = ownFilterGrad(xs, d, fh, fw, pads) ?? filterGradConv(xs, d, pads);
    return {
      value,
      gradFunc: (g: tf.Tensor, saved: tf.Tensor[]) => {
        const [xSaved, dySaved] = saved as [tf.Tensor4D, tf.Tensor4D];
        const g4 = g as tf.Tensor4D;
        return [inputGrad(dySaved, g4, pads), convForward(xSaved, g4, pads)];
      },
    };
  });
  return op(x, dy) as tf.Tensor4D;
}

/**
 * dW as one ordinary conv2d: x transposed to [Cin,H,W,N] is the "batch of Cin images with N channels", dy transposed
 * to [oh,ow,N,Cout] is the "filter"; the [Cin,fh,fw,Cout] result is transposed back.
 */
export function filterGradConv(x: tf.Tensor4D, dy: tf.Tensor4D, pads: ConvPads): tf.Tensor4D {
  return tf.tidy(() => {
    const xt = tf.transpose(x, [3, 1, 2, 0]);
    const dyt = tf.transpose(dy, [1, 2, 0, 3]);
    return tf.transpose(tf.conv2d(xt, dyt, 1, padArg(pads)), [1, 2, 0, 3]) as tf.Tensor4D;
  });
}
