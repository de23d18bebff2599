import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../engine/backend';
import { filterGradConv } from '../engine/kernels/conv-bilinear';
import { FILTER_GRAD } from '../engine/kernels/own-filter-grad';
import { meanMs } from './bench-kernel-stats';

/** [x shape NHWC, output channels, what it is]; 3×3 filters, 'same' pads. */
const SHAPES: Array<[[number, number, number, number], number, string]> = [
  [[64, 28, 28, 1], 8, 'default CNN, layer 1'],
  [[64, 14, 14, 8], 16, 'default CNN, layer 2'],
  [[64, 28, 28, 1], 16, '~100k CNN, layer 1'],
  [[64, 14, 14, 16], 32, '~100k CNN, layer 2'],
  [[128, 16, 16, 1], 6, "start-here's CNN, layer 1 (an HVP batch)"],
  [[128, 8, 8, 6], 12, "start-here's CNN, layer 2 (an HVP batch)"],
  [[64, 32, 32, 3], 16, 'RGB 32×32, layer 1'],
  [[64, 32, 32, 16], 16, 'ResNet ×1, first stage'],
  [[64, 16, 16, 32], 32, 'ResNet ×1, second stage'],
  [[64, 8, 8, 64], 64, 'ResNet ×1, third stage'],
  [[64, 16, 16, 64], 64, 'VGG ×0.5, third block'],
  [[64, 4, 4, 128], 128, 'VGG ×0.5, last block'],
  [[64, 8, 8, 128], 128, 'VGG ×1, fourth block'],
  [[64, 4, 4, 256], 256, 'VGG ×1, fifth block'],
];

/**
 * The filter gradient of a stride-1 3×3 convolution on wasm (one thread in Node): tfjs's conv2d form (XNNPACK) against
 * our SIMD kernel (kernels/simd/filter-grad.wat.mjs, run directly here whatever its channel limit), per shape.
 */
export async function benchFilterGrad(repeats = 30): Promise<string[]> {
  await initBackend('wasm');
  const lines: string[] = [];
  const pads = { top: 1, bottom: 1, left: 1, right: 1 };
  for (const [shape, cout, label] of SHAPES) {
    const x = tf.randomNormal(shape, 0, 1, 'float32', 1) as tf.Tensor4D;
    const dy = tf.randomNormal([shape[0], shape[1], shape[2], cout], 0, 1, 'float32', 2) as tf.Tensor4D;
    const conv = await meanMs(() => filterGradConv(x, dy, pads), repeats);
    const ours = await meanMs(() => tf.engine().runKernel(FILTER_GRAD, { x, dy }, { fh: 3, fw: 3, top: 1, left: 1 }) as tf.Tensor, repeats);
    lines.push(`${label.padEnd(56)} x ${shape.join('×')} → ${String(cout).padStart(3)}: conv2d form ${conv.toFixed(2).padStart(6)} ms, ours ${ours.toFixed(2).padStart(6)} ms (${(conv / ours).toFixed(2)}x)`);
    tf.dispose([x, dy]);
  }
  return lines;
}
