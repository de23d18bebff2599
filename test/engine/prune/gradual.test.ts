import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../src/engine/backend';
import { configSchema } from '../../../src/engine/contract/config';
import { runExperiment } from '../../../src/engine/experiment/run-experiment';
import { polynomialDecaySparsity } from '../../../src/engine/prune/polynomial-decay';
import { tinyConfig } from '../../helpers/tiny-config';

beforeAll(async () => {
  await initBackend('wasm');
});

describe('gradual pruning (PolynomialDecay)', () => {
  it("follows TF-MOT's schedule: s_f + (s_i − s_f)(1 − t/T)³, exact at both ends", () => {
    expect(polynomialDecaySparsity(0, 4, 0.2, 0.8)).toBeCloseTo(0.2, 12);
    expect(polynomialDecaySparsity(2, 4, 0.2, 0.8)).toBeCloseTo(0.8 - 0.6 / 8, 12);
    expect(polynomialDecaySparsity(4, 4, 0.2, 0.8)).toBe(0.8);
    expect(polynomialDecaySparsity(9, 4, 0.2, 0.8)).toBe(0.8);
  });

  it('ends at exactly the final sparsity, the same count of zeros as one-shot, with masks held to the end', async () => {
    const noAssets = async (n: string): Promise<ArrayBuffer> => {
      throw new Error(n);
    };
    const backend = { name: 'wasm', fallbackReason: null };
    const cfg = (schedule: 'one-shot' | 'gradual') =>
      configSchema.parse({ ...tinyConfig, prune: { ...tinyConfig.prune, rates: [0.8], fineTuneEpochs: 4, schedule, initialSparsity: 0.2 }, hessian: { when: 'off' }, uncertainty: { bootstrap: 0 } });
    const gradual = await runExperiment(cfg('gradual'), { loadAsset: noAssets, backend });
    const oneShot = await runExperiment(cfg('one-shot'), { loadAsset: noAssets, backend });
    const at = (r: typeof gradual) => r.runs.find((x) => x.rate === 0.8)!;
    // Sparsity counts the exact zeros of the fine-tuned weights: pruned weights stayed exactly 0 through training.
    expect(at(gradual).sparsity).toBe(at(oneShot).sparsity);
    expect(at(gradual).sparsity).toBeGreaterThanOrEqual(0.8 - 1e-3);
    expect(at(gradual).paramDistance).not.toBeCloseTo(at(oneShot).paramDistance, 6);
  }, 120_000);
});
