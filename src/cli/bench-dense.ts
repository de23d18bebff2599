import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../engine/backend';
import { useOwnKernels } from '../engine/kernels/own-kernels';
import { againstOursLine, xnnpackAgainstOurs } from './bench-kernel-stats';
import { ownMatMulTakes } from '../engine/kernels/own-mat-mul';

/** Dense layers' products [rows, k] · [k, n] in training and HVPs, and what each is. */
const PRODUCTS: Array<[number, number, number, string]> = [
  [64, 1568, 64, '~100k CNN, dense 1 (forward)'],
  [1568, 64, 64, '~100k CNN, dense 1 (gradients: aᵀ·g, (W·gᵀ)ᵀ)'],
  [64, 64, 32, '~100k CNN, dense 2 (forward)'],
  [64, 32, 10, '~100k CNN, output layer (forward)'],
  [128, 192, 48, "start-here's CNN, dense 1 (an HVP batch)"],
];

/**
 * A dense layer's product on wasm (one thread in Node): tfjs-wasm's BatchMatMul (XNNPACK's GEMM) against our
 * convolution kernel with a 1×1 filter (own-mat-mul.ts), each call with a right operand of new data, as in training
 * (the weights change every step, and XNNPACK packs new data each time). Products ours leaves to XNNPACK show its time.
 */
export async function benchDense(repeats = 100): Promise<string[]> {
  await initBackend('wasm');
  const lines: string[] = [];
  try {
    for (const [rows, k, n, label] of PRODUCTS) {
      const a = tf.randomNormal([rows, k], 0, 1, 'float32', 1) as tf.Tensor2D;
      const b = tf.randomNormal([k, n], 0, 1, 'float32', 2) as tf.Tensor2D;
      const takes = ownMatMulTakes(k, n);
      const time = (own: boolean) => {
        // New data for each call, as each training step's weights are: XNNPACK keeps the packed operand of data it
        // has seen (tf.clone shares b's data; a second pass over the same operands would find them packed), and that
        // halved its time for the first product below.
        const rights = Array.from({ length: repeats }, () => tf.add(b, 0) as tf.Tensor2D);
        useOwnKernels(own);
        tf.dispose([tf.matMul(a, b), tf.matMul(a, b)]);
        const t0 = performance.now();
        for (const r of rights) tf.matMul(a, r).dispose();
        const ms = (performance.now() - t0) / repeats;
        tf.dispose(rights);
        return ms;
      };
      const { xnn, ours } = xnnpackAgainstOurs(time, takes);
      const gflop = (ms: number) => ((2 * rows * k * n) / ms / 1e6).toFixed(1);
      const head = `${label.padEnd(46)} ${rows}×${k} · ${k}×${n}: XNNPACK ${xnn.toFixed(3)} ms (${gflop(xnn).padStart(4)} GFLOP/s)`;
      lines.push(againstOursLine(head, takes, xnn, ours, ours.toFixed(3), gflop(ours).padStart(4)));
      tf.dispose([a, b]);
    }
  } finally {
    useOwnKernels(true);
  }
  return lines;
}
