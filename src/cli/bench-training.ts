import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../engine/backend';
import { evaluateSamples } from '../engine/metrics/evaluate';
import { paramCount, type CnnSpec } from '../engine/model/spec';
import { initWeights, toTensors } from '../engine/model/params';
import { createRng } from '../engine/random';
import { train } from '../engine/train/train-loop';
import { randomDigitData } from './bench-data';
import { torchSpeed } from './bench-torch';

export const benchModels: Array<{ label: string; spec: CnnSpec }> = [
  { label: 'default CNN (conv 8-16, dense 64-32)', spec: { kind: 'cnn', inputShape: [28, 28, 1], numClasses: 10, convFilters: [8, 16], dense: [64, 32], activation: 'relu' } },
  { label: '~100k CNN (conv 16-32, dense 64-32)', spec: { kind: 'cnn', inputShape: [28, 28, 1], numClasses: 10, convFilters: [16, 32], dense: [64, 32], activation: 'relu' } },
];

/** Training and forward samples/s of the engine's own loop (Adam, batch 64), after one warm-up epoch. */
export async function benchTraining(backend: 'wasm' | 'cpu', samples: number): Promise<string[]> {
  const chosen = await initBackend(backend);
  // Random data: throughput does not depend on the pixel values.
  const data = randomDigitData(samples, 2, createRng(1, 'bench'), 'bench');
  const lines: string[] = [];
  for (const { label, spec } of benchModels) {
    const opts = { spec, data, batchSize: 64, seed: 1, optimizer: 'adam' as const, learningRate: 1e-3, momentum: 0.9, phase: 'bench' };
    const warm = await train({ ...opts, epochs: 1, weights: initWeights(spec, 1) });
    const t0 = performance.now();
    await train({ ...opts, epochs: 2, weights: warm.weights });
    const trainRate = (2 * samples) / ((performance.now() - t0) / 1000);
    const params = toTensors(warm.weights);
    await evaluateSamples(spec, params, data, 256);
    const t1 = performance.now();
    await evaluateSamples(spec, params, data, 256);
    const fwdRate = samples / ((performance.now() - t1) / 1000);
    tf.dispose(params);
    const n = paramCount(warm.weights.specs);
    lines.push(`${chosen.name.padEnd(5)} ${label} [${n} params]: training ${trainRate.toFixed(0)} samples/s, forward ${fwdRate.toFixed(0)} samples/s`);
    // wasm in Node is single-threaded, so PyTorch runs on one thread too: the target is >= 1.0x at equal threads.
    if (chosen.name === 'wasm') lines.push(torchLine(spec, samples, trainRate, fwdRate));
  }
  return lines;
}

function torchLine(spec: CnnSpec, samples: number, trainRate: number, fwdRate: number): string {
  const t = torchSpeed(spec, samples, 1);
  if (typeof t === 'string') return `      PyTorch: ${t}`;
  return `      PyTorch ${t.version}, ${t.threads} thread: training ${t.train.toFixed(0)} samples/s, forward ${t.forward.toFixed(0)} samples/s; ours/PyTorch training ${(trainRate / t.train).toFixed(2)}x, forward ${(fwdRate / t.forward).toFixed(2)}x`;
}
