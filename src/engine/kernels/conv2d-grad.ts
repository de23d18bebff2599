import * as tf from '@tensorflow/tfjs';
import { convForward, filterGrad, inputGrad } from './conv-bilinear';
import { stride1Pads, type ConvAttrs } from './conv-geometry';

/**
 * Gradient of Conv2D built from conv2d itself (see conv-bilinear.ts): trains on wasm, is ~10x faster than the
 * stock filter gradient on cpu, and is differentiable again (Hessian-vector products). Convolutions it does not
 * cover (strides, dilations, NCHW) keep tfjs's stock gradient.
 */
export function conv2dGradConfig(stock: tf.GradConfig | undefined): tf.GradConfig {
  return {
    kernelName: 'Conv2D',
    inputsToSave: ['x', 'filter'],
    gradFunc: (dy, saved, attrs) => {
      const [x, filter] = saved as [tf.Tensor4D, tf.Tensor4D];
      const a = attrs as unknown as ConvAttrs;
      const pads = stride1Pads(x.shape, filter.shape, a.strides, a.dilations, a.pad, a.dataFormat, a.dimRoundingMode);
      if (pads === null) return requireStock(stock, 'Conv2D').gradFunc(dy, saved, attrs);
      const dy4 = dy as tf.Tensor4D;
      return { x: () => inputGrad(dy4, filter, pads), filter: () => filterGrad(x, dy4, pads) };
    },
  };
}

/** Conv2DBackpropInput (conv2dTranspose) is inputGrad: its gradient is conv2d and filterGrad. */
export function conv2dBackpropInputGradConfig(stock: tf.GradConfig | undefined): tf.GradConfig {
  return {
    kernelName: 'Conv2DBackpropInput',
    inputsToSave: ['dy', 'filter'],
    gradFunc: (ddx, saved, attrs) => {
      const [dy, filter] = saved as [tf.Tensor4D, tf.Tensor4D];
      const a = attrs as unknown as ConvAttrs & { inputShape: number[] };
      const pads = stride1Pads(a.inputShape, filter.shape, a.strides, a.dilations, a.pad, a.dataFormat, a.dimRoundingMode);
      if (pads === null) return requireStock(stock, 'Conv2DBackpropInput').gradFunc(ddx, saved, attrs);
      const g = ddx as tf.Tensor4D;
      return { dy: () => convForward(g, filter, pads), filter: () => filterGrad(g, dy, pads) };
    },
  };
}

function requireStock(stock: tf.GradConfig | undefined, name: string): tf.GradConfig {
  if (stock === undefined) throw new Error(`No stock gradient for ${name} to fall back to`);
  return stock;
}
