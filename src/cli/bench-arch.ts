import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../engine/backend';
import type { Dataset } from '../engine/data/dataset';
import { evaluateSamples } from '../engine/metrics/evaluate';
import { initWeights, toTensors } from '../engine/model/params';
import { paramCount, type ModelSpec } from '../engine/model/spec';
import { createRng } from '../engine/random';
import { train } from '../engine/train/train-loop';

// Issue 10: what the paper's architectures cost. Training (SGD with momentum, batch 64, BatchNorm in training mode)
// and forward (evaluation mode) samples/s on 32×32×3 inputs, at the widths a browser run would use.

const common = { inputShape: [32, 32, 3] as [number, number, number], numClasses: 10, normalization: 'batch' as const, activation: 'relu' as const };

export const archBenchModels: Array<{ label: string; spec: ModelSpec }> = [
  { label: 'ResNet-8 ×1', spec: { kind: 'resnet', layout: 'resnet8', widthMultiplier: 1, ...common } },
  { label: 'ResNet-20 ×1', spec: { kind: 'resnet', layout: 'resnet20', widthMultiplier: 1, ...common } },
  { label: 'ResNet-18 ×0.25', spec: { kind: 'resnet', layout: 'resnet18', widthMultiplier: 0.25, ...common } },
  { label: 'VGG-11 ×0.25', spec: { kind: 'vgg', layout: 'vgg11', widthMultiplier: 0.25, ...common } },
  { label: 'VGG-19 ×0.25', spec: { kind: 'vgg', layout: 'vgg19', widthMultiplier: 0.25, ...common } },
];

function randomRgb(n: number): Dataset {
  const rng = createRng(1, 'bench-arch');
  return {
    name: 'random-rgb',
    imageShape: [32, 32, 3],
    images: Float32Array.from({ length: n * 32 * 32 * 3 }, () => rng.next()),
    labels: Int32Array.from({ length: n }, () => rng.int(10)),
    groups: Int32Array.from({ length: n }, () => rng.int(2)),
    classNames: Array.from({ length: 10 }, (_, i) => String(i)),
    groupNames: ['0', '1'],
  };
}

/** One warm-up epoch, then a timed epoch of training and a timed forward pass over the same samples. */
export async function benchArchitectures(backend: 'wasm' | 'cpu', samples: number): Promise<string[]> {
  const chosen = await initBackend(backend);
  const data = randomRgb(samples);
  const lines: string[] = [];
  for (const { label, spec } of archBenchModels) {
    const opts = { spec, data, batchSize: 64, seed: 1, optimizer: 'sgd' as const, learningRate: 0.01, momentum: 0.9, phase: 'bench' };
    const warm = await train({ ...opts, epochs: 1, weights: initWeights(spec, 1) });
    const t0 = performance.now();
    await train({ ...opts, epochs: 1, weights: warm.weights });
    const trainRate = samples / ((performance.now() - t0) / 1000);
    const params = toTensors(warm.weights);
    await evaluateSamples(spec, params, data, 256);
    const t1 = performance.now();
    await evaluateSamples(spec, params, data, 256);
    const fwdRate = samples / ((performance.now() - t1) / 1000);
    tf.dispose(params);
    const n = paramCount(warm.weights.specs);
    lines.push(`${chosen.name.padEnd(5)} ${label.padEnd(16)} [${String(n).padStart(8)} params]: training ${trainRate.toFixed(1).padStart(7)} samples/s, forward ${fwdRate.toFixed(0).padStart(6)} samples/s`);
  }
  return lines;
}
