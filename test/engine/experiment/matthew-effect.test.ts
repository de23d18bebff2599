import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../src/engine/backend';
import { configSchema, type ConfigInput } from '../../../src/engine/contract/config';
import { findPreset } from '../../../src/engine/contract/presets';
import { runExperiment } from '../../../src/engine/experiment/run-experiment';

beforeAll(async () => {
  await initBackend('wasm');
});

describe('the synthetic-minority preset at a small size', () => {
  it('shows the Matthew effect: the minority has the largest gradient norm and loses the most accuracy at the highest rate', async () => {
    const preset = findPreset('synthetic-minority')?.config as ConfigInput & { data: object; prune: object };
    // Smaller than the preset (1600 samples, 6 epochs, one rate) and averaged over 3 seeds, as the paper averages repetitions.
    const config = configSchema.parse({
      ...preset,
      seeds: 3,
      data: { ...preset.data, samples: 1600 },
      train: { ...preset.train, epochs: 6 },
      prune: { ...preset.prune, rates: [0.9] },
      hessian: { when: 'off' },
    });
    const r = await runExperiment(config, { loadAsset: async () => new ArrayBuffer(0), backend: { name: 'wasm', fallbackReason: null } });
    expect(r.status).toBe('complete');
    const minority = r.dataset.trainSizes.indexOf(Math.min(...r.dataset.trainSizes));
    const argmax = (v: number[]) => v.indexOf(Math.max(...v));
    // Proposition 1 on every seed's dense model.
    for (const dense of r.runs.filter((run) => run.rate === 0)) expect(argmax(dense.groups.map((g) => g.gradNorm))).toBe(minority);
    const pruned = r.runs.filter((run) => run.rate === 0.9);
    expect(pruned).toHaveLength(3);
    const meanDrop = r.dataset.groupNames.map((_, a) => -pruned.reduce((s, run) => s + run.groups[a].accuracyChange, 0) / pruned.length);
    expect(argmax(meanDrop)).toBe(minority);
    expect(meanDrop[minority]).toBeGreaterThan(0);
  });
});
