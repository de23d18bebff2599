import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../src/engine/backend';
import { generateSynthetic } from '../../../src/engine/data/synthetic';
import { mitigationSchema, syntheticDataSchema } from '../../../src/engine/contract/config';
import { createMitigationObjective } from '../../../src/engine/mitigate/create-objective';
import type { ModelSpec } from '../../../src/engine/model/spec';
import { initWeights, type Weights } from '../../../src/engine/model/params';
import { pruneWeights } from '../../../src/engine/prune/prune';
import { train, type TrainOptions } from '../../../src/engine/train/train-loop';
import { epochRecord } from '../../../src/engine/metrics/epoch-record';

beforeAll(async () => {
  await initBackend('wasm');
});

// A synthetic-minority set: two easy groups and a small, hard third one.
const data = generateSynthetic(
  syntheticDataSchema.parse({ kind: 'synthetic', numClasses: 3, numGroups: 3, groupShares: [1, 1, 0.2], groupDifficulty: [0.2, 0.2, 0.6], samples: 500, imageSize: 8 }),
  1,
);
const spec: ModelSpec = { kind: 'cnn', inputShape: data.imageShape, numClasses: 3, convFilters: [3, 6], dense: [16, 12], activation: 'relu' };
const base: Omit<TrainOptions, 'weights'> = { spec, data, epochs: 8, batchSize: 32, seed: 1, optimizer: 'adam', learningRate: 0.01, momentum: 0.9, phase: 'test' };
const settings = (o: Record<string, unknown> = {}) => mitigationSchema.parse({ dualStep: 0.5, dualEvery: 5, warmup: 10, lambdaCap: 1, fullEvery: 3, fullSamples: 8, ...o });
const spread = (losses: number[]) => Math.max(...losses) - Math.min(...losses);
const values = (w: Weights) => w.values.map((v) => Array.from(v));

describe('relaxed mitigation (Eq. 8)', () => {
  it('shrinks the spread of group training losses compared with no mitigation, same seed and epochs', async () => {
    const plain = await train({ ...base, weights: initWeights(spec, 1), recordEpoch: epochRecord });
    const objective = createMitigationObjective({ settings: settings(), spec, data, seed: 1 });
    const fair = await train({ ...base, weights: initWeights(spec, 1), recordEpoch: epochRecord, objective });
    const trajectory = objective.trajectory('dense');
    objective.dispose();
    const plainLoss = plain.curve[plain.curve.length - 1].groups.map((g) => g.loss);
    const fairLoss = fair.curve[fair.curve.length - 1].groups.map((g) => g.loss);
    // Without mitigation the hard minority (group 2) ends far above the others.
    expect(plainLoss[2]).toBe(Math.max(...plainLoss));
    expect(spread(fairLoss)).toBeLessThan(0.7 * spread(plainLoss));
    expect(fairLoss[2]).toBeLessThan(plainLoss[2]);

    // One point per dualEvery steps, λ ≥ 0 and within the cap, the minority's λ raised past the warm-up.
    expect(trajectory).toHaveLength(Math.floor(fair.steps / 5));
    expect(trajectory.every((p) => p.phase === 'dense' && p.lambda.length === 3 && p.violation.length === 3)).toBe(true);
    expect(trajectory.every((p) => p.lambda.every((l) => l >= 0 && l <= 1))).toBe(true);
    expect(trajectory.filter((p) => p.step <= 10).every((p) => p.lambda.every((l) => l === 0))).toBe(true);
    expect(trajectory[trajectory.length - 1].lambda[2]).toBeGreaterThan(0.5);
    // The minority's constraint is the most violated at the start.
    expect(trajectory[1].violation[2]).toBe(Math.max(...trajectory[1].violation));
    // λ never falls: it rises while violated and holds still otherwise.
    for (let k = 1; k < trajectory.length; k++) for (let a = 0; a < 3; a++) expect(trajectory[k].lambda[a]).toBeGreaterThanOrEqual(trajectory[k - 1].lambda[a]);
  });

  it('is plain training, bit for bit, while every multiplier is 0 (dual step 0)', async () => {
    const plain = await train({ ...base, epochs: 2, weights: initWeights(spec, 2) });
    for (const version of ['relaxed', 'full'] as const) {
      const objective = createMitigationObjective({ settings: settings({ dualStep: 0, version }), spec, data, seed: 1 });
      const same = await train({ ...base, epochs: 2, weights: initWeights(spec, 2), objective });
      const trajectory = objective.trajectory('fine-tune');
      objective.dispose();
      expect(values(same.weights)).toEqual(values(plain.weights));
      // ...while the violations are still measured and recorded.
      expect(trajectory.length).toBeGreaterThan(0);
      expect(trajectory.some((p) => p.violation.some((v) => v > 0))).toBe(true);
    }
  });
});

describe('mitigated fine-tuning', () => {
  it('keeps every pruned weight exactly 0 with either version, and leaks no tensors', async () => {
    const dense = await train({ ...base, epochs: 2, weights: initWeights(spec, 3) });
    const pruned = pruneWeights(dense.weights, 0.8, 'global-magnitude', { pruneBiases: false, seed: 1 });
    const before = tf.memory().numTensors;
    for (const version of ['relaxed', 'full'] as const) {
      const objective = createMitigationObjective({ settings: settings({ version, warmup: 0 }), spec, data, seed: 2 });
      const tuned = await train({ ...base, epochs: 2, learningRate: 0.003, weights: pruned.weights, masks: pruned.masks, objective });
      const trajectory = objective.trajectory('fine-tune');
      objective.dispose();
      expect(tf.memory().numTensors).toBe(before);
      // The mitigation did act: some multiplier left 0 (full: 2G of them, gradient norms then eigenvalues).
      expect(trajectory[trajectory.length - 1].lambda).toHaveLength(version === 'full' ? 6 : 3);
      expect(Math.max(...trajectory[trajectory.length - 1].lambda)).toBeGreaterThan(0);
      let changed = 0;
      tuned.weights.values.forEach((v, i) => {
        const m = pruned.masks[i];
        if (!m) return;
        for (let j = 0; j < v.length; j++) {
          if (m[j] === 0) expect(v[j] === 0).toBe(true);
          else if (v[j] !== pruned.weights.values[i][j]) changed++;
        }
      });
      expect(changed).toBeGreaterThan(0);
    }
  });
});
