import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../src/engine/backend';
import { configSchema } from '../../../src/engine/contract/config';
import type { EngineEvent } from '../../../src/engine/contract/events';
import { quickEvaluate } from '../../../src/engine/experiment/quick-evaluate';
import { parseResults, type Results } from '../../../src/engine/contract/results';
import type { DatasetSplit } from '../../../src/engine/data/dataset';
import { runExperiment, type MeasuredModel } from '../../../src/engine/experiment/run-experiment';
import { hessianSubset } from '../../../src/engine/metrics/hessian';
import { deriveSeed } from '../../../src/engine/random';
import type { ExperimentSession } from '../../../src/engine/experiment/sweep-context';
import { tinyConfig } from '../../helpers/tiny-config';

const noAssets = async (name: string): Promise<ArrayBuffer> => {
  throw new Error(`no asset ${name} in this test`);
};
const backend = { name: 'wasm', fallbackReason: null };

beforeAll(async () => {
  await initBackend('wasm');
});

/** Results without the fields that record when and how long: those differ between identical runs. */
const timeless = (r: Results) => ({ ...r, createdAt: '', durationMs: 0, runs: r.runs.map((run) => ({ ...run, wallMs: 0 })) });

describe('runExperiment', () => {
  const config = configSchema.parse(tinyConfig);

  it('measures the dense model and every rate, with sizes, metrics and the Theorem 1 bound', async () => {
    const events: EngineEvent[] = [];
    const models: MeasuredModel[] = [];
    let split: DatasetSplit | null = null;
    const r = await runExperiment(config, { loadAsset: noAssets, backend, onEvent: (e) => events.push(e), onModel: (m) => void models.push(m), onData: (s) => void (split = s) });
    expect(r.status).toBe('complete');
    expect(parseResults(JSON.parse(JSON.stringify(r))).ok).toBe(true);
    expect(r.runs.map((run) => run.rate)).toEqual([0, 0.5, 0.9]);
    const [dense, , p90] = r.runs;
    expect(dense.groups).toHaveLength(3);
    expect(dense.groups.map((g) => g.excessLoss)).toEqual([0, 0, 0]);
    expect(r.dataset.trainSizes.reduce((a, b) => a + b) + r.dataset.testSizes.reduce((a, b) => a + b)).toBe(300);
    expect(dense.groups.every((g) => g.hessianMax !== null && g.hessianMax.value > 0)).toBe(true);
    // The relative residual of each estimate is reported, and converged means it reached the tolerance.
    for (const h of [...dense.groups.map((g) => g.hessianMax), dense.overall.hessianMax]) {
      expect(h?.residual).toBeGreaterThanOrEqual(0);
      expect(h?.converged).toBe((h?.residual as number) <= config.hessian.tolerance);
    }
    // onModel hands over the training rows λ(H_a) was computed on: hessianSubset's, from the seed (the CLI saves them).
    expect(models.map((m) => m.hessianSamples !== null)).toEqual([true, false, false]);
    const train = (split as unknown as DatasetSplit).train;
    const hessianSeed = deriveSeed(config.seed, 'hessian');
    dense.groups.forEach((g, a) => {
      const rows = models[0].hessianSamples!.groups[a];
      expect(Array.from(rows)).toEqual(Array.from(hessianSubset(train, a, config.hessian.maxSamplesPerGroup, hessianSeed)));
      expect(rows).toHaveLength(g.hessianMax!.samples);
    });
    expect(models[0].hessianSamples!.overall).toHaveLength(dense.overall.hessianMax!.samples);
    expect(p90.sparsity).toBeCloseTo(0.9, 2);
    expect(p90.paramDistance).toBeGreaterThan(0);
    // The gradient over the kept weights: the whole gradient for the dense model, less of it once 90% are pruned.
    for (const g of dense.groups) expect(g.gradNormRemaining).toBe(g.gradNorm);
    for (const g of p90.groups) {
      expect(g.gradNormRemaining).toBeLessThan(g.gradNorm);
      expect(g.theorem1Bound).toBeGreaterThan(0);
      expect(g.hessianMax).toBeNull(); // hessian.when = 'dense'
    }
    expect(p90.fairnessViolation).toBeCloseTo(Math.max(...p90.groups.map((g) => g.accuracy)) - Math.min(...p90.groups.map((g) => g.accuracy)), 12);
    expect(r.training[0].epochs).toHaveLength(2);
    expect(r.correlations.find((c) => c.id === 'size-gradnorm')?.points).toHaveLength(3);
    // Progress is monotone and ends at 1; every run was streamed before the end.
    const fractions = events.filter((e) => e.type === 'progress').map((e) => (e as { fraction: number }).fraction);
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1])).toBe(true);
    expect(fractions[fractions.length - 1]).toBe(1);
    expect(events.filter((e) => e.type === 'run')).toHaveLength(3);
  });

  it('gives identical Results for the same config and seed, and different ones for another seed', async () => {
    const a = await runExperiment(config, { loadAsset: noAssets, backend });
    const b = await runExperiment(config, { loadAsset: noAssets, backend });
    expect(timeless(b)).toEqual(timeless(a));
    const c = await runExperiment({ ...config, seed: 2 }, { loadAsset: noAssets, backend });
    expect(c.runs[0].overall.loss).not.toBe(a.runs[0].overall.loss);
  });

  it('leaks no tensors over a full run with several seeds', async () => {
    await runExperiment(config, { loadAsset: noAssets, backend });
    const before = tf.memory().numTensors;
    await runExperiment({ ...config, seeds: 2, hessian: { ...config.hessian, when: 'all' } }, { loadAsset: noAssets, backend });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('resolves a cancelled run with what finished, and leaks nothing', async () => {
    const before = tf.memory().numTensors;
    const controller = new AbortController();
    const r = await runExperiment(config, {
      loadAsset: noAssets,
      backend,
      signal: controller.signal,
      onEvent: (e) => {
        if (e.type === 'run' && e.run.rate === 0.5) controller.abort();
      },
    });
    expect(r.status).toBe('cancelled');
    expect(r.error).toMatch(/cancelled/);
    expect(r.runs.map((run) => run.rate)).toEqual([0, 0.5]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('keeps a session whose quick evaluation at an unmeasured rate is a provisional point', async () => {
    let session: ExperimentSession | null = null;
    const r = await runExperiment(config, { loadAsset: noAssets, backend, onSession: (s) => (session = s) });
    expect(session).not.toBeNull();
    const q = await quickEvaluate(session as unknown as ExperimentSession, 0.7, config.seed);
    expect(q.rate).toBe(0.7);
    expect(q.sparsity).toBeCloseTo(0.7, 2);
    expect(q.groups).toHaveLength(3);
    // No fine-tuning: at rate 0.5 the quick point differs from the fine-tuned run.
    const q50 = await quickEvaluate(session as unknown as ExperimentSession, 0.5, config.seed);
    expect(q50.overall.loss).not.toBe(r.runs[1].overall.loss);
  });
});

describe('the per-rate step shared by the sweep and the slider', () => {
  it('gives the sweep\'s numbers at a measured rate when fine-tuning is off', async () => {
    const config = configSchema.parse({ ...tinyConfig, prune: { ...tinyConfig.prune, fineTuneEpochs: 0 }, hessian: { ...tinyConfig.hessian, when: 'off' } });
    let session: ExperimentSession | null = null;
    const r = await runExperiment(config, { loadAsset: noAssets, backend, onSession: (s) => (session = s) });
    expect(r.status).toBe('complete');
    for (const swept of r.runs.filter((run) => run.rate > 0)) {
      const quick = await quickEvaluate(session as unknown as ExperimentSession, swept.rate, swept.seed);
      // Every number, every group: the same prune and the same measurement (only the wall time differs).
      expect({ ...quick, wallMs: 0 }).toEqual({ ...swept, wallMs: 0 });
    }
  });
});

describe('sweep progress', () => {
  it('counts the plan\'s units: monotone, never past 1, exactly 1 at the end, for every mode and Hessian setting', async () => {
    const config = configSchema.parse({
      ...tinyConfig,
      seeds: 2,
      train: { ...tinyConfig.train, epochs: 1 },
      mitigation: { modes: ['none', 'before', 'after'], warmup: 0 },
      hessian: { ...tinyConfig.hessian, when: 'all', maxIterations: 2 },
    });
    const fractions: number[] = [];
    const r = await runExperiment(config, { loadAsset: noAssets, backend, onEvent: (e) => e.type === 'progress' && fractions.push(e.fraction) });
    expect(r.status).toBe('complete');
    expect(fractions.every((f, i) => f <= 1 && (i === 0 || f >= fractions[i - 1]))).toBe(true);
    // 'done' is the only report at 1: every unit of the plan was counted, and only once the last run was measured.
    expect(fractions.filter((f) => f === 1)).toHaveLength(1);
    expect(fractions[fractions.length - 1]).toBe(1);
  });
});

describe('runExperiment cancelled during the Hessian', () => {
  it('stops inside the power iteration instead of finishing it', async () => {
    const config = configSchema.parse({ ...tinyConfig, hessian: { ...tinyConfig.hessian, maxIterations: 500, tolerance: 1e-6 } });
    const controller = new AbortController();
    const before = tf.memory().numTensors;
    const r = await runExperiment(config, {
      loadAsset: noAssets,
      backend,
      signal: controller.signal,
      onEvent: (e) => {
        if (e.type === 'progress' && e.phase === 'hessian') controller.abort();
      },
    });
    expect(r.status).toBe('cancelled');
    expect(r.runs).toHaveLength(0); // the dense model's measurement never finished
    expect(tf.memory().numTensors).toBe(before);
  });
});
