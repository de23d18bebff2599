import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { installKernels } from '../../../src/engine/kernels/install-kernels';
import { gradNorms } from '../../../src/engine/metrics/grad-norm';
import { topHessianEigen } from '../../../src/engine/metrics/hessian';
import { forward } from '../../../src/engine/model/architecture';
import { initWeights, toTensors } from '../../../src/engine/model/params';
import { paramCount, type ModelSpec } from '../../../src/engine/model/spec';
import { pruneWeights } from '../../../src/engine/prune/prune';
import { crossEntropy } from '../../../src/engine/train/cross-entropy';
import { train } from '../../../src/engine/train/train-loop';
import { randomDataset } from '../metrics/hessian-test-utils';
import { perturbedWeights, resnet, vgg } from './arch-fixtures';

const data = randomDataset(24, [8, 8, 2], 3, 2);

async function lossAt(spec: ModelSpec, values: Float32Array[], shapes: number[][]): Promise<number> {
  const t = tf.tidy(() => {
    const x = tf.tensor4d(data.images, [24, 8, 8, 2]);
    const y = tf.tensor1d(data.labels, 'int32');
    return crossEntropy(forward(spec, values.map((v, i) => tf.tensor(v, shapes[i])), x), y);
  });
  const v = (await t.data())[0];
  t.dispose();
  return v;
}

describe.each(['cpu', 'wasm'])('the paper architectures on %s', (backend) => {
  it.each([
    ['ResNet-8', resnet('resnet8', 'softplus')],
    ['VGG-11', vgg('vgg11', 'tanh')],
  ] as const)('%s: ||g|| (evaluation mode) equals the central difference of the loss along g/||g||', async (_, spec) => {
    installKernels();
    await tf.setBackend(backend);
    const w = perturbedWeights(spec, 3);
    const params = toTensors(w);
    const before = tf.memory().numTensors;
    const norms = await gradNorms(spec, params, data, 7);
    expect(tf.memory().numTensors).toBe(before);
    const g = tf.tidy(() => {
      const x = tf.tensor4d(data.images, [24, 8, 8, 2]);
      const y = tf.tensor1d(data.labels, 'int32');
      const trainable = w.specs.map((p, i) => (p.role === 'bn-mean' || p.role === 'bn-var' ? null : i));
      return tf.grads((...q: tf.Tensor[]) => crossEntropy(forward(spec, params.map((p, i) => (trainable[i] === null ? p : q[trainable.slice(0, i).filter((k) => k !== null).length])), x), y))(params.filter((_, i) => trainable[i] !== null));
    });
    const flat = (await Promise.all(g.map((t) => t.data()))).map((a) => Float32Array.from(a));
    tf.dispose(g);
    const norm = Math.sqrt(flat.reduce((s, a) => s + a.reduce((t, x) => t + x * x, 0), 0));
    expect(norms.overall / norm).toBeCloseTo(1, 5);
    let k = 0;
    const dir = w.values.map((_, i) => (w.specs[i].role === 'bn-mean' || w.specs[i].role === 'bn-var' ? new Float32Array(w.values[i].length) : flat[k++].map((x) => x / norm)));
    const eps = 1e-2;
    const shapes = w.specs.map((p) => p.shape);
    const plus = await lossAt(spec, w.values.map((v, i) => v.map((x, j) => x + eps * dir[i][j])), shapes);
    const minus = await lossAt(spec, w.values.map((v, i) => v.map((x, j) => x - eps * dir[i][j])), shapes);
    expect(Math.abs((plus - minus) / (2 * eps) - norms.overall) / norms.overall).toBeLessThan(1e-3);
    tf.dispose(params);
  });
});

describe('λ(H_a) of the paper architectures', () => {
  it.each([
    ['ResNet-8', resnet('resnet8', 'relu')],
    ['VGG-11', vgg('vgg11', 'relu')],
  ] as const)('%s: cpu and wasm agree at fixed weights (relative 1e-4), no tensors leak', async (_, spec) => {
    installKernels();
    const w = perturbedWeights(spec, 6);
    const run = async (backend: string) => {
      await tf.setBackend(backend);
      const before = tf.memory().numTensors;
      // tolerance 0: exactly 12 iterations on both, so rounding cannot change where they stop.
      const r = await topHessianEigen(spec, w, data, { group: 1, tolerance: 0, maxIterations: 12, maxSamples: 1000, seed: 2, batchSize: 5 });
      expect(tf.memory().numTensors).toBe(before);
      return r;
    };
    const cpu = await run('cpu');
    const wasm = await run('wasm');
    expect(cpu.value).toBeGreaterThan(0);
    expect(Math.abs(cpu.value - wasm.value) / Math.abs(cpu.value)).toBeLessThan(1e-4);
  });
});

describe('training with BatchNorm', () => {
  it('updates the running statistics as PyTorch does, and trains nothing else of them', async () => {
    installKernels();
    await tf.setBackend('wasm');
    const spec = resnet('resnet8', 'relu');
    const w = initWeights(spec, 1);
    // One full batch, one step: running = 0.9·init + 0.1·batch statistic of the stem convolution's output.
    const out = await train({ spec, weights: w, data, epochs: 1, batchSize: 24, seed: 1, optimizer: 'sgd', learningRate: 0.1, momentum: 0, phase: 't' });
    const z = tf.conv2d(tf.tensor4d(data.images, [24, 8, 8, 2]), tf.tensor4d(w.values[0], w.specs[0].shape as [number, number, number, number]), 1, 'same');
    const { mean, variance } = tf.moments(z, [0, 1, 2]);
    const n = 24 * 8 * 8;
    const [m, v] = [await mean.data(), await variance.data()];
    const iMean = w.specs.findIndex((p) => p.name === 'bn1/moving_mean');
    const iVar = w.specs.findIndex((p) => p.name === 'bn1/moving_variance');
    expect(iVar).toBe(iMean + 1);
    m.forEach((mu, c) => {
      expect(out.weights.values[iMean][c]).toBeCloseTo(0.1 * mu, 5);
      expect(out.weights.values[iVar][c]).toBeCloseTo(0.9 + 0.1 * v[c] * (n / (n - 1)), 4);
    });
    tf.dispose([z, mean, variance]);
  });

  it('structured pruning holds filters and their BatchNorm channels at exactly 0 through fine-tuning, leaking nothing', async () => {
    installKernels();
    await tf.setBackend('wasm');
    const spec = resnet('resnet8', 'relu');
    const pruned = pruneWeights(perturbedWeights(spec, 2), 0.5, 'structured-l2', { pruneBiases: false, seed: 1 });
    const before = tf.memory().numTensors;
    const tuned = await train({ spec, weights: pruned.weights, masks: pruned.masks, data, epochs: 2, batchSize: 8, seed: 1, optimizer: 'adam', learningRate: 0.01, momentum: 0.9, phase: 't' });
    expect(tf.memory().numTensors).toBe(before);
    let checked = 0;
    pruned.masks.forEach((m, i) => {
      if (!m) return;
      for (let j = 0; j < m.length; j++) if (m[j] === 0) {
        expect(tuned.weights.values[i][j] === 0).toBe(true); // ±0: w·0 keeps the sign
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(0);
    expect(paramCount(tuned.weights.specs)).toBe(paramCount(pruned.weights.specs));
  });
});
