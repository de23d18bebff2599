import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../src/engine/backend';
import { configSchema } from '../../../src/engine/contract/config';
import { runExperiment } from '../../../src/engine/experiment/run-experiment';
import { initWeights } from '../../../src/engine/model/params';
import { pruneWeights } from '../../../src/engine/prune/prune';
import { rewindWeights } from '../../../src/engine/prune/rewind';
import { train } from '../../../src/engine/train/train-loop';
import { tinyCnn, tinyDataset } from '../../helpers/tiny';
import { tinyConfig } from '../../helpers/tiny-config';

beforeAll(async () => {
  await initBackend('wasm');
});

const data = tinyDataset(128, 3);
const spec = tinyCnn();
const base = { spec, data, batchSize: 32, seed: 5, optimizer: 'adam' as const, learningRate: 0.01, momentum: 0.9, phase: 'test' };

describe('lottery-ticket rewinding', () => {
  it('keeps the weights after epoch k exactly: the same as training k epochs alone', async () => {
    const w0 = initWeights(spec, 3);
    const full = await train({ ...base, weights: w0, epochs: 3, snapshotEpoch: 1 });
    const one = await train({ ...base, weights: w0, epochs: 1 });
    expect(full.snapshot!.values).toEqual(one.weights.values);
    expect(full.weights.values).not.toEqual(one.weights.values);
    expect((await train({ ...base, weights: w0, epochs: 1, snapshotEpoch: 0 })).snapshot!.values).toEqual(w0.values);
  });

  it("resets exactly the survivors to their early values and the pruned weights to 0, by θ̂'s mask", async () => {
    const early = (await train({ ...base, weights: initWeights(spec, 4), epochs: 1 })).weights;
    const trained = (await train({ ...base, weights: early, epochs: 2 })).weights;
    const { masks } = pruneWeights(trained, 0.7, 'global-magnitude', { pruneBiases: false, seed: 1 });
    const rewound = rewindWeights(early, masks);
    rewound.values.forEach((v, i) => {
      const m = masks[i];
      for (let j = 0; j < v.length; j++) expect(v[j]).toBe(m && m[j] === 0 ? 0 : early.values[i][j]);
    });
  });

  it('runs in the sweep: exact sparsity after retraining, a different model from one-shot fine-tuning', async () => {
    const noAssets = async (n: string): Promise<ArrayBuffer> => {
      throw new Error(n);
    };
    const backend = { name: 'wasm', fallbackReason: null };
    const cfg = (schedule: 'one-shot' | 'rewind') =>
      configSchema.parse({ ...tinyConfig, prune: { ...tinyConfig.prune, rates: [0.8], schedule, rewindEpoch: 1 }, hessian: { when: 'off' }, uncertainty: { bootstrap: 0 } });
    const rewind = await runExperiment(cfg('rewind'), { loadAsset: noAssets, backend });
    const oneShot = await runExperiment(cfg('one-shot'), { loadAsset: noAssets, backend });
    const at = (r: typeof rewind) => r.runs.find((x) => x.rate === 0.8)!;
    expect(at(rewind).sparsity).toBeGreaterThanOrEqual(0.8 - 1e-3);
    expect(at(rewind).paramDistance).not.toBeCloseTo(at(oneShot).paramDistance, 6);
  }, 120_000);
});
