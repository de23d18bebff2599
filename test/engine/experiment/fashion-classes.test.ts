import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../src/engine/backend';
import { configSchema, type ConfigInput } from '../../../src/engine/contract/config';
import { presetClaims } from '../../../src/engine/contract/preset-claims';
import { findPreset } from '../../../src/engine/contract/presets';
import { nodeAssetLoader } from '../../../src/engine/data/node-assets';
import { runExperiment } from '../../../src/engine/experiment/run-experiment';
import { spearman } from '../../../src/engine/metrics/spearman';

beforeAll(async () => {
  await initBackend('wasm');
});

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

describe('the fashion-classes preset at a small size', () => {
  it('classes as groups: the least accurate classes have the largest gradient norms and lose the most accuracy at the highest rate', async () => {
    const preset = findPreset('fashion-classes')?.config as ConfigInput & { data: object; train: object; prune: object };
    // Smaller than the preset (5,000 samples, 7 epochs, its highest rate only), over its 3 seeds. Tuned on seed
    // triples 1-3, 4-6 and 7-9, where every assertion below held (docs/reproduction.md); at 4,000 samples and 6 epochs
    // the accuracy-drop half failed on seeds 1-3.
    const config = configSchema.parse({ ...preset, data: { ...preset.data, samples: 5000 }, train: { ...preset.train, epochs: 7 }, prune: { ...preset.prune, rates: [0.9] } });
    expect(config.seeds).toBe(3);
    const r = await runExperiment(config, { loadAsset: nodeAssetLoader, backend: { name: 'wasm', fallbackReason: null } });
    expect(r.status).toBe('complete');
    const classes = r.dataset.groupNames.map((_, a) => a);
    const at = (rate: number) => r.runs.filter((run) => run.rate === rate);
    expect(at(0.9)).toHaveLength(3);
    // Per class, the mean over the 3 seeds (the paper averages repetitions).
    const acc = classes.map((a) => mean(at(0).map((run) => run.groups[a].accuracy)));
    const gradNorm = classes.map((a) => mean(at(0).map((run) => run.groups[a].gradNorm as number)));
    const drop = classes.map((a) => mean(at(0.9).map((run) => -run.groups[a].accuracyChange)));
    const byAccuracy = classes.slice().sort((a, b) => acc[a] - acc[b]);
    const [least, rest] = [byAccuracy.slice(0, 3), byAccuracy.slice(3)];
    const over = (xs: number[], idx: number[]) => mean(idx.map((a) => xs[a]));

    // Prop. 2 / Fig. 3: the less accurate a class, the larger its gradient norm on the dense model.
    expect(spearman(acc, gradNorm)).toBeLessThan(-0.7);
    expect(over(gradNorm, least)).toBeGreaterThan(2 * over(gradNorm, rest));
    // The Matthew effect: at the highest rate the least accurate classes lose the most.
    expect(spearman(acc, drop)).toBeLessThan(0);
    expect(over(drop, least)).toBeGreaterThan(over(drop, rest));
    expect(over(drop, least)).toBeGreaterThan(0);
    // The gallery's claim (preset-claims.ts) says the same of these Results.
    const check = presetClaims['fashion-classes'].check(r);
    expect(check.holds, check.evidence).toBe(true);
  }, 300_000);
});
