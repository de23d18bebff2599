import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../engine/backend';
import { filterGradConv } from '../engine/kernels/conv-bilinear';
import { FILTER_GRAD } from '../engine/kernels/own-filter-grad';
import { useOwnKernels } from '../engine/kernels/own-kernels';
import { BENCH_CONV_LAYERS } from './bench-conv-layers';
import { meanMs } from './bench-kernel-stats';

/**
 * The filter gradient of a stride-1 3×3 convolution on wasm (one thread in Node): tfjs's conv2d form (XNNPACK) against
 * our SIMD kernel (kernels/simd/filter-grad.wat.mjs, run directly here whatever its channel limit), per shape.
 */
export async function benchFilterGrad(repeats = 30): Promise<string[]> {
  await initBackend('wasm');
  const lines: string[] = [];
  const pads = { top: 1, bottom: 1, left: 1, right: 1 };
  for (const [shape, cout, label] of BENCH_CONV_LAYERS) {
    const x = tf.randomNormal(shape, 0, 1, 'float32', 1) as tf.Tensor4D;
    const dy = tf.randomNormal([shape[0], shape[1], shape[2], cout], 0, 1, 'float32', 2) as tf.Tensor4D;
    // tfjs's stock kernels for the conv2d form: our convolution kernel (own-conv.ts) would take most of these shapes.
    useOwnKernels(false);
    const conv = await meanMs(() => filterGradConv(x, dy, pads), repeats).finally(() => useOwnKernels(true));
    const ours = await meanMs(() => tf.engine().runKernel(FILTER_GRAD, { x, dy }, { fh: 3, fw: 3, top: 1, left: 1 }) as tf.Tensor, repeats);
    lines.push(`${label.padEnd(56)} x ${shape.join('×')} → ${String(cout).padStart(3)}: conv2d form ${conv.toFixed(2).padStart(6)} ms, ours ${ours.toFixed(2).padStart(6)} ms (${(conv / ours).toFixed(2)}x)`);
    tf.dispose([x, dy]);
  }
  return lines;
}
