import * as tf from '@tensorflow/tfjs';
import { adjointPads, padArg, type ConvPads } from './conv-geometry';
import { flipFilter } from './own-flip-filter';
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

/** Tensors (by their data) that are data, not functions of the parameters: see markConstantInput. */
const constantInputs = new WeakSet<object>();

/**
 * Marks `x` (a batch of images fed to the model) as data: the filter gradient of a convolution that reads it then has
 * no gradient with respect to it. tfjs's customGrad computes every input's gradient whether the tape needs it or not,
 * and a Hessian-vector product would otherwise pay for a first layer's input gradient it throws away (a whole
 * convolution, 6% of an HVP of start-here's CNN: `npm run bench -- --only=hvp`). Clones and reshapes share the mark.
 */
export function markConstantInput(x: tf.Tensor): void {
  constantInputs.add(x.dataId);
}

/**
 * dW = filterGrad(x, dy): on wasm, where it applies, our SIMD kernel (own-filter-grad.ts), else filterGradConv; the
 * same numbers bit for bit either way. Differentiable again in dy, and in x unless x is marked as data.
 */
export function filterGrad(x: tf.Tensor4D, dy: tf.Tensor4D, pads: ConvPads): tf.Tensor4D {
  const [fh, fw] = [x.shape[1] + pads.top + pads.bottom - dy.shape[1] + 1, x.shape[2] + pads.left + pads.right - dy.shape[2] + 1];
  const dW = (xs: tf.Tensor4D, d: tf.Tensor4D) => ownFilterGrad(xs, d, fh, fw, pads) ?? filterGradConv(xs, d, pads);
  if (constantInputs.has(x.dataId)) {
    const inDy = tf.customGrad((dyIn, save) => {
      const d = dyIn as tf.Tensor4D;
      (save as tf.GradSaveFunc)([x]);
      return {
        value: dW(x, d),
        gradFunc: (g: tf.Tensor, saved: tf.Tensor[]) => [convForward(saved[0] as tf.Tensor4D, g as tf.Tensor4D, pads)],
      };
    });
    return inDy(dy) as tf.Tensor4D;
  }
  const op = tf.customGrad((xIn, dyIn, save) => {
    const xs = xIn as tf.Tensor4D;
    const d = dyIn as tf.Tensor4D;
    (save as tf.GradSaveFunc)([xs, d]);
    return {
      value: dW(xs, d),
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
