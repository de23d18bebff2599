import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../engine/backend';
import { ownConvTakes } from '../engine/kernels/own-conv';
import { useOwnKernels } from '../engine/kernels/own-kernels';
import { againstOursLine, xnnpackAgainstOurs } from './bench-kernel-stats';
import { BENCH_CONV_LAYERS } from './bench-conv-layers';

/** The benches' layers, and the input gradients of the bench CNNs' second layers (a convolution with the flipped filter). */
const LAYERS: typeof BENCH_CONV_LAYERS = [
  ...BENCH_CONV_LAYERS,
  [[64, 14, 14, 16], 8, "default CNN, layer 2's input gradient"],
  [[64, 14, 14, 32], 16, "~100k CNN, layer 2's input gradient"],
  [[128, 8, 8, 12], 6, "start-here's CNN, layer 2's input gradient"],
];

/**
 * A stride-1 3×3 convolution on wasm (one thread in Node): tfjs-wasm's Conv2D (XNNPACK) against our SIMD kernel
 * (kernels/simd/conv.wat.mjs), per shape, each call with a filter tensor of its own as in training (the weights change
 * every step, and XNNPACK packs a new filter when they do). Layers ours leaves to XNNPACK (own-conv.ts) show its time.
 */
export async function benchConv(repeats = 30): Promise<string[]> {
  await initBackend('wasm');
  const lines: string[] = [];
  try {
    for (const [shape, cout, label] of LAYERS) {
      const x = tf.randomNormal(shape, 0, 1, 'float32', 1) as tf.Tensor4D;
      const w = tf.randomNormal([3, 3, shape[3], cout], 0, 1, 'float32', 2) as tf.Tensor4D;
      const filters = Array.from({ length: repeats }, () => tf.clone(w));
      const takes = ownConvTakes(shape[3], cout);
      const time = (own: boolean) => {
        useOwnKernels(own);
        tf.dispose([tf.conv2d(x, w, 1, 'same'), tf.conv2d(x, w, 1, 'same')]);
        const t0 = performance.now();
        for (const f of filters) tf.conv2d(x, f, 1, 'same').dispose();
        return (performance.now() - t0) / repeats;
      };
      const { xnn, ours } = xnnpackAgainstOurs(time, takes);
      const gflop = (ms: number) => ((2 * shape[0] * shape[1] * shape[2] * shape[3] * cout * 9) / ms / 1e6).toFixed(1);
      const head = `${label.padEnd(44)} x ${shape.join('×')} → ${String(cout).padStart(3)}: XNNPACK ${xnn.toFixed(2).padStart(6)} ms (${gflop(xnn).padStart(4)} GFLOP/s)`;
      lines.push(againstOursLine(head, takes, xnn, ours, ours.toFixed(2).padStart(6), gflop(ours).padStart(4)));
      tf.dispose([x, w, ...filters]);
    }
  } finally {
    useOwnKernels(true);
  }
  return lines;
}
