import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { configSchema, hessianSchema } from '../../../src/engine/contract/config';
import { measureModel } from '../../../src/engine/metrics/measure-model';
import { initWeights } from '../../../src/engine/model/params';
import type { MlpSpec } from '../../../src/engine/model/spec';
import { randomDataset } from './hessian-test-utils';

// λ(H_a) by default on the whole group; past a cap, on a seeded subsample with its spread over sample draws.
const spec: MlpSpec = { kind: 'mlp', inputShape: [2, 3, 1], numClasses: 3, hidden: [4], activation: 'relu' };
// Groups of 300 training samples each: past the old default cap (256), so the default-config test can fail.
const split = { train: randomDataset(900, [2, 3, 1], 3, 3, 7), test: randomDataset(30, [2, 3, 1], 3, 3, 8) };
const measure = (options: ReturnType<typeof hessianSchema.parse>) => measureModel(spec, initWeights(spec, 5), split, { options, seed: 11, warmStart: null });

describe('measureModel: λ(H_a) samples and spread over draws', () => {
  it('with the default config covers every whole group, and reports no spread (none exists)', async () => {
    await tf.setBackend('cpu');
    const options = configSchema.parse({}).hessian;
    const m = await measure({ ...options, maxIterations: 20 });
    for (const h of m.hessian!) {
      expect(h.samples).toBe(300);
      expect(h.drawSpread).toBeNull();
    }
    expect(m.overallHessian!.samples).toBe(900);
    expect(m.overallHessian!.drawSpread).toBeNull();
  });

  it('gives a subsampled group its spread over hessian.sampleDraws draws, the reported value within it', async () => {
    await tf.setBackend('cpu');
    const options = hessianSchema.parse({ maxSamplesPerGroup: 10, sampleDraws: 4, maxIterations: 50 });
    const m = await measure(options);
    for (const h of [...m.hessian!, m.overallHessian!]) {
      expect(h.samples).toBe(10);
      const s = h.drawSpread!;
      expect(s.draws).toBe(4);
      expect(s.min).toBeLessThanOrEqual(h.value);
      expect(s.max).toBeGreaterThanOrEqual(h.value);
      // Different subsamples, different λ: the draws are not the same sample four times.
      expect(s.max).toBeGreaterThan(s.min);
      expect(s.sd).toBeGreaterThan(0);
    }
  });

  it('draws once, with no spread, when sampleDraws = 1', async () => {
    await tf.setBackend('cpu');
    const m = await measure(hessianSchema.parse({ maxSamplesPerGroup: 10, sampleDraws: 1, maxIterations: 20 }));
    expect(m.hessian!.every((h) => h.samples === 10 && h.drawSpread === null)).toBe(true);
  });
});
