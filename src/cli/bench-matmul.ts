import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../engine/backend';

/**
 * Why the filter gradient is not an im2col GEMM on wasm (docs/benchmarks.md): tfjs-wasm's matMul packs its right-hand
 * operand again whenever it is a new tensor, and a transposed operand takes a slow path. The first conv layer's
 * filter-gradient product (9×P · P×16, P = 64·28·28) with a reused operand, a fresh one, and transposed.
 */
export async function benchMatMul(): Promise<string[]> {
  await initBackend('wasm');
  const [k, p, n] = [9, 64 * 28 * 28, 16];
  const a = tf.randomNormal([k, p], 0, 1, 'float32', 1);
  const b = tf.randomNormal([p, n], 0, 1, 'float32', 2);
  const at = tf.randomNormal([p, k], 0, 1, 'float32', 3);
  // Medians: single large allocations on this machine sometimes take several times their usual time.
  const time = (f: () => tf.Tensor, reps = 15): number => {
    for (let i = 0; i < 3; i++) f().dispose();
    const ms: number[] = [];
    for (let i = 0; i < reps; i++) {
      const t0 = performance.now();
      const r = f();
      r.dataSync();
      r.dispose();
      ms.push(performance.now() - t0);
    }
    return ms.sort((x, y) => x - y)[Math.floor(reps / 2)];
  };
  const lines = [
    `${k}x${p} · ${p}x${n}, the right operand reused: ${time(() => tf.matMul(a, b)).toFixed(2)} ms (median)`,
    `the same with a fresh right operand (a copy of it, made in the same call): ${time(() => tf.tidy(() => tf.matMul(a, tf.mul(b, 1)))).toFixed(2)} ms`,
    `the left operand transposed (${p}x${k} stored): ${time(() => tf.matMul(at, b, true, false), 5).toFixed(2)} ms`,
  ];
  tf.dispose([a, b, at]);
  return lines;
}
