import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../src/engine/backend';
import { CancelledError, DivergedError } from '../../../src/engine/contract/events';
import { initWeights } from '../../../src/engine/model/params';
import { pruneWeights } from '../../../src/engine/prune/prune';
import { train } from '../../../src/engine/train/train-loop';
import { tinyCnn, tinyDataset } from '../../helpers/tiny';
import { epochRecord } from '../../../src/engine/metrics/epoch-record';

beforeAll(async () => {
  await initBackend('wasm');
});

const data = tinyDataset(256, 3);
const spec = tinyCnn();
const base = { spec, data, epochs: 3, batchSize: 32, seed: 5, optimizer: 'adam' as const, learningRate: 0.01, momentum: 0.9, phase: 'test' };

describe('train', () => {
  it('lowers the training loss and records one epoch record per epoch with every group', async () => {
    const res = await train({ ...base, weights: initWeights(spec, 1), recordEpoch: epochRecord });
    expect(res.curve).toHaveLength(3);
    expect(res.curve[2].loss).toBeLessThan(res.curve[0].loss);
    expect(res.curve[2].accuracy).toBeGreaterThan(0.8);
    expect(res.curve[0].groups).toHaveLength(2);
    expect(res.steps).toBe(3 * Math.ceil(256 / 32));
  });

  it('gives identical weights for the same seed and different ones for another seed', async () => {
    const a = await train({ ...base, epochs: 1, weights: initWeights(spec, 1) });
    const b = await train({ ...base, epochs: 1, weights: initWeights(spec, 1) });
    const c = await train({ ...base, epochs: 1, seed: 6, weights: initWeights(spec, 1) });
    expect(a.weights.values.map((v) => Array.from(v))).toEqual(b.weights.values.map((v) => Array.from(v)));
    expect(a.weights.values[0]).not.toEqual(c.weights.values[0]);
  });

  it('keeps pruned weights exactly zero through fine-tuning with Adam and SGD', async () => {
    const dense = await train({ ...base, epochs: 1, weights: initWeights(spec, 2) });
    const pruned = pruneWeights(dense.weights, 0.7, 'global-magnitude', { pruneBiases: false, seed: 1 });
    for (const optimizer of ['adam', 'sgd'] as const) {
      const tuned = await train({ ...base, optimizer, epochs: 2, weights: pruned.weights, masks: pruned.masks });
      let changed = 0;
      tuned.weights.values.forEach((v, i) => {
        const m = pruned.masks[i];
        if (!m) return;
        for (let j = 0; j < v.length; j++) {
          if (m[j] === 0) expect(v[j] === 0).toBe(true); // -0 counts: it is exactly zero
          else if (v[j] !== pruned.weights.values[i][j]) changed++;
        }
      });
      expect(changed).toBeGreaterThan(0); // kept weights did train
    }
  });

  it('stops with a clear error when the loss diverges', async () => {
    const huge = initWeights(spec, 1);
    huge.values = huge.values.map((v) => v.map(() => Number.NaN));
    await expect(train({ ...base, epochs: 1, weights: huge })).rejects.toThrow(DivergedError);
    await expect(train({ ...base, epochs: 1, weights: huge })).rejects.toThrow(/diverged.*learning rate/);
  });

  it('stops at the next batch when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(train({ ...base, weights: initWeights(spec, 1), signal: controller.signal })).rejects.toThrow(CancelledError);
  });

  it('leaks no tensors, also when it fails', async () => {
    await train({ ...base, epochs: 1, weights: initWeights(spec, 1) });
    const before = tf.memory().numTensors;
    await train({ ...base, epochs: 2, weights: initWeights(spec, 1), recordEpoch: epochRecord });
    const pruned = pruneWeights(initWeights(spec, 1), 0.5, 'global-magnitude', { pruneBiases: false, seed: 1 });
    await train({ ...base, epochs: 1, weights: pruned.weights, masks: pruned.masks });
    const controller = new AbortController();
    controller.abort();
    await train({ ...base, weights: initWeights(spec, 1), signal: controller.signal }).catch(() => undefined);
    expect(tf.memory().numTensors).toBe(before);
  });
});
