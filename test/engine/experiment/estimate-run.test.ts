import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { configSchema, type ConfigInput } from '../../../src/engine/contract/config';
import { describeEstimate, estimateWarns, roughDuration, type Calibration } from '../../../src/engine/contract/run-estimate';
import { buildDataset } from '../../../src/engine/data/build-dataset';
import { calibrate } from '../../../src/engine/experiment/calibrate';
import { estimateRun } from '../../../src/engine/experiment/estimate-run';
import { modelSpecFor } from '../../../src/engine/experiment/model-spec';
import { initBackend } from '../../../src/engine/backend';
import { tinyConfig } from '../../helpers/tiny-config';

// Round calibrated costs, so each expected time below is worked out by hand from the sweep's shape.
const cal: Calibration = {
  backend: 'wasm',
  trainSample: 0.01,
  mitigatedSample: { relaxed: 0.02 },
  forwardSample: 0.001,
  gradSample: 0.002,
  hvpSample: 0.001,
  trainSizes: [100, 50],
  testSize: 50,
  ms: 0,
};
const base = (over: Partial<ConfigInput>) =>
  configSchema.parse({ seeds: 2, train: { epochs: 3 }, prune: { rates: [0.5, 0.9], fineTuneEpochs: 1 }, hessian: { when: 'off' }, ...over });

describe('estimateRun', () => {
  it('adds dense training, its measurement and a fine-tune and measurement per rate, per seed', () => {
    // Per seed: dense 3 epochs × 150 × (0.01 step + 0.001 epoch record) = 4.95; a measurement (150 + 50) × 0.001 +
    // 150 × 0.002 = 0.5; each of 2 rates 1 × 150 × 0.01 + 0.5 = 2. Two seeds: 2 × (4.95 + 0.5 + 4) = 18.9.
    const e = estimateRun(base({}), cal);
    expect(e.seconds).toBeCloseTo(18.9, 9);
    expect(e.parts.training).toBeCloseTo(2 * (4.95 + 3), 9);
    expect(e.parts.hessian).toBe(0);
    expect(e.backend).toBe('wasm');
  });

  it('prices mitigated training at the mitigated step and trains the mitigated dense model once per seed', () => {
    // Plain piece: 4.95 + 0.5, none 2 × 2, after 2 × (150 × 0.02 + 0.5) = 7. Relaxed piece: 3 × 150 × (0.02 + 0.001)
    // + 0.5 = 9.95, before (a plain fine-tune) 2 × 2. Per seed 30.4, two seeds 60.8.
    const e = estimateRun(base({ mitigation: { modes: ['none', 'before', 'after'], version: 'relaxed' } }), cal);
    expect(e.seconds).toBeCloseTo(60.8, 9);
  });

  it('counts λ(H_a) per group and overall, capped subsamples once per draw, at the typical iterations of each method', () => {
    // Cap 60, 3 draws: group 0 (100) → 180 samples, group 1 (50) → 50, overall (150) → 180; power iteration:
    // 410 × 15 × 0.001 = 6.15 per measured model (the 2 dense models with 'dense', and the 4 pruned ones too with
    // 'all'); Lanczos, the default: 410 × 6 × 0.001 = 2.46.
    const hessian = { maxSamplesPerGroup: 60, sampleDraws: 3 };
    expect(estimateRun(base({ hessian: { ...hessian, when: 'dense' } }), cal).parts.hessian).toBeCloseTo(2 * 2.46, 9);
    expect(estimateRun(base({ hessian: { ...hessian, when: 'dense', method: 'power' } }), cal).parts.hessian).toBeCloseTo(2 * 6.15, 9);
    expect(estimateRun(base({ hessian: { ...hessian, when: 'all', method: 'power' } }), cal).parts.hessian).toBeCloseTo(6 * 6.15, 9);
    // A low maxIterations bounds the guess: 5 products instead of 15.
    expect(estimateRun(base({ hessian: { ...hessian, when: 'dense', maxIterations: 5, method: 'power' } }), cal).parts.hessian).toBeCloseTo((2 * 6.15) / 3, 9);
  });

  it('says it in words and warns past a few minutes', () => {
    expect(roughDuration(4)).toBe('under 10 seconds');
    expect(roughDuration(44)).toBe('about 40 seconds');
    expect(roughDuration(61)).toBe('about 60 seconds');
    expect(roughDuration(185)).toBe('about 3 minutes');
    expect(roughDuration(725)).toBe('about 12 minutes');
    expect(roughDuration(3 * 3600 + 1000)).toBe('about 3.5 hours');
    const e = (seconds: number) => ({ backend: 'wasm', seconds, parts: { training: seconds, measuring: 0, hessian: 0 } });
    expect(describeEstimate(e(725))).toBe('about 12 minutes on wasm');
    expect(estimateWarns(e(170))).toBe(false);
    expect(estimateWarns(e(200))).toBe(true);
  });
});

describe('calibrate', () => {
  it('times each kind of work on the configured model and data, with no tensor left behind', async () => {
    await initBackend('cpu');
    const config = configSchema.parse({ ...tinyConfig, mitigation: { modes: ['none', 'after'], version: 'relaxed' } });
    const { split, trainSizes } = await buildDataset(config, config.seed, async () => new ArrayBuffer(0));
    const before = tf.memory().numTensors;
    const c = await calibrate(config, modelSpecFor(config, split.train), split, 'cpu');
    expect(tf.memory().numTensors).toBe(before);
    for (const v of [c.trainSample, c.mitigatedSample.relaxed, c.forwardSample, c.gradSample, c.hvpSample]) {
      expect(v).toBeGreaterThan(0);
      expect(v).toBeLessThan(1);
    }
    expect(Object.keys(c.mitigatedSample)).toEqual(['relaxed']);
    expect(c.trainSizes).toEqual(trainSizes);
    expect(c.testSize).toBe(split.test.labels.length);
  });

  it('times every version when they are compared, the full one included (its objective once crashed a second training)', async () => {
    await initBackend('cpu');
    const config = configSchema.parse({ ...tinyConfig, mitigation: { modes: ['none', 'after'], compareVersions: true, fullEvery: 1, fullSamples: 8 } });
    const { split } = await buildDataset(config, config.seed, async () => new ArrayBuffer(0));
    const before = tf.memory().numTensors;
    const c = await calibrate(config, modelSpecFor(config, split.train), split, 'cpu');
    expect(tf.memory().numTensors).toBe(before);
    expect(Object.keys(c.mitigatedSample).sort()).toEqual(['ceag', 'full', 'relaxed']);
    for (const v of Object.values(c.mitigatedSample)) expect(v).toBeGreaterThan(0);
  });
});
