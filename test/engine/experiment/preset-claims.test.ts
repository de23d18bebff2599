import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../src/engine/backend';
import { configSchema, type ConfigInput } from '../../../src/engine/contract/config';
import { presetClaims } from '../../../src/engine/contract/preset-claims';
import { findPreset } from '../../../src/engine/contract/presets';
import { nodeAssetLoader } from '../../../src/engine/data/node-assets';
import { runExperiment } from '../../../src/engine/experiment/run-experiment';

beforeAll(async () => {
  await initBackend('wasm');
});

type Section = Record<string, unknown>;
/**
 * What each test changes of its preset's config to fit CI (a few seconds each on 2 cores), and why the claim still
 * speaks for the preset. Measuring fewer rates or no λ(H_a) leaves every other number as it is: each rate prunes the
 * same dense model, and λ(H_a) has its own random stream (random.ts), so the measured rates' numbers are the preset's
 * own. Fewer samples or epochs change the numbers: only where the claim was seen to hold at that size (say so).
 */
const ciSize: Record<keyof typeof presetClaims, { data?: Section; train?: Section; prune?: Section; mitigation?: Section; seeds?: number } | null> = {
  // The preset's own data, model and training; its 90% rate only, λ(H_a) off (the claim is about accuracy).
  'start-here': { prune: { rates: [0.9] }, seeds: 3 },
  // The preset's own size (3,000 samples, 8 epochs; ~14 s) and all four rates, since the claim speaks of 30-70% too.
  // At 1,600 samples and 6 epochs the 50-70% part rested on a point or two (+1.2 each): an Adam update differing from
  // tfjs's in rounding only (tried 2026-12-05) turned them to -1.2 and -3.6, while the full size gives +5.1/+4.5/+3.8.
  'synthetic-minority': { seeds: 3 },
  // One seed (the preset has one); its 90% rate only, λ(H_a) off.
  'mnist-imbalanced': { prune: { rates: [0.9] }, seeds: 1 },
  // Run by its own test (fashion-classes.test.ts, 27 s), which asserts this claim's check.
  'fashion-classes': null,
  // One seed and the modes the claim names: 3 seeds would train 6 dense models of 6,000 samples (about a minute). On
  // 5 seeds Fair Aft had the lower violation at 90% on every seed (docs/reproduction.md), and Fair Both's 3-seed
  // mean (0.153 ± 0.015) is far below none's (0.270 ± 0.005).
  'mitigation-modes': { prune: { rates: [0.9] }, mitigation: { modes: ['none', 'after', 'both'] }, seeds: 1 },
  // One seed: the claim is a ratio of times measured side by side in one process.
  'full-vs-relaxed': { prune: { rates: [0.9] }, seeds: 1 },
};

describe('each preset shows its claim, on its own config at a CI size', () => {
  for (const [id, size] of Object.entries(ciSize) as Array<[keyof typeof presetClaims, (typeof ciSize)[keyof typeof presetClaims]]>) {
    if (!size) continue;
    it(`${id}: ${presetClaims[id].text}`, async () => {
      const preset = findPreset(id)?.config as ConfigInput & Record<'data' | 'train' | 'prune' | 'mitigation', Section | undefined>;
      const config = configSchema.parse({
        ...preset,
        data: { ...preset.data, ...size.data },
        train: { ...preset.train, ...size.train },
        prune: { ...preset.prune, ...size.prune },
        mitigation: { ...preset.mitigation, ...size.mitigation },
        hessian: { when: 'off' },
        seeds: size.seeds ?? preset.seeds,
      });
      const t0 = Date.now();
      const r = await runExperiment(config, { loadAsset: nodeAssetLoader, backend: { name: 'wasm', fallbackReason: null } });
      expect(r.status).toBe('complete');
      const check = presetClaims[id].check(r);
      console.log(`${id} (${((Date.now() - t0) / 1000).toFixed(1)} s): ${check.evidence}`);
      expect(check.holds, check.evidence).toBe(true);
    }, 300_000);
  }
});
