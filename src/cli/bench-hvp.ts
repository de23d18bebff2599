import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../engine/backend';
import { createHvp } from '../engine/metrics/hvp';
import { initWeights } from '../engine/model/params';
import type { CnnSpec } from '../engine/model/spec';
import { kernelStats, meanMs } from './bench-kernel-stats';
import { createRng } from '../engine/random';

/**
 * What one exact Hessian-vector product costs on wasm (one thread, Node), for start-here's CNN (16×16×1, conv 6-12,
 * dense 48-24, 4 classes) on 128 samples: wall time, the gradient's for comparison, and where the kernels' time goes
 * (tf.profile). Two of these at once (`npm run bench -- --only=hvp & npm run bench -- --only=hvp`) show what a second
 * core adds on this machine (the λ(H_a) helper worker's share).
 */
export async function benchHvp(repeats = 30): Promise<string[]> {
  await initBackend('wasm');
  const spec: CnnSpec = { kind: 'cnn', inputShape: [16, 16, 1], numClasses: 4, convFilters: [6, 12], dense: [48, 24], activation: 'relu' };
  const n = 128;
  const rng = createRng(1, 'bench-hvp');
  const x = Float32Array.from({ length: n * 256 }, () => rng.next());
  const labels = Int32Array.from({ length: n }, () => rng.int(4));
  const w = initWeights(spec, 1);
  const params = w.values.map((v, i) => tf.tensor(v, w.specs[i].shape));
  const hvp = createHvp(spec, params, { x, labels, n }, n);
  const v = params.map((p, i) => tf.randomNormal(p.shape, 0, 1, 'float32', i + 1));
  const lines: string[] = [];
  try {
    const hvpMs = await meanMs(() => hvp.apply(v), repeats);
    const { forward } = await import('../engine/model/architecture');
    const { crossEntropy } = await import('../engine/train/cross-entropy');
    const xt = tf.tensor4d(x, [n, 16, 16, 1]);
    const yt = tf.tensor1d(labels, 'int32');
    const gradMs = await meanMs(() => tf.grads((...p: tf.Tensor[]) => crossEntropy(forward(spec, p, xt), yt) as tf.Scalar)(params), repeats);
    tf.dispose([xt, yt]);
    lines.push(`start-here's CNN, ${n} samples: one HVP ${hvpMs.toFixed(1)} ms (${((n / hvpMs) * 1000).toFixed(0)} sample-HVPs/s), one gradient ${gradMs.toFixed(1)} ms (HVP/gradient ${(hvpMs / gradMs).toFixed(2)}x)`);
    const stats = kernelStats([await tf.profile(() => tf.dispose(hvp.apply(v)))]);
    lines.push(`kernels of one HVP: ${stats.total.toFixed(1)} ms in ${stats.calls} calls (the rest of the wall time is tfjs's JS between kernels)`);
    lines.push(`    ${stats.top.map((e) => `${e.name} ${e.ms.toFixed(2)}/${e.calls}`).join(', ')}`);
  } finally {
    hvp.dispose();
    tf.dispose([...params, ...v]);
  }
  return lines;
}
