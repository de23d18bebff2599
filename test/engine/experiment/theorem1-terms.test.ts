import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../src/engine/backend';
import { parseResults } from '../../../src/engine/contract/results';
import { denseRunOf, theorem1Terms } from '../../../src/engine/contract/theorem1-terms';
import { runExperiment } from '../../../src/engine/experiment/run-experiment';
import { tinyConfig } from '../../helpers/tiny-config';
import { configSchema } from '../../../src/engine/contract/config';

beforeAll(async () => {
  await initBackend('wasm');
});

const noAssets = async (name: string): Promise<ArrayBuffer> => {
  throw new Error(`no asset ${name} in this test`);
};

describe('Theorem 1 decomposed', () => {
  it("the two terms sum to the stored bound, from the dense run's ||g_a|| and λ(H_a) and the run's distance", async () => {
    const config = configSchema.parse({ ...tinyConfig, prune: { ...tinyConfig.prune, rates: [0.7] }, uncertainty: { bootstrap: 50 } });
    const results = await runExperiment(config, { loadAsset: noAssets, backend: { name: 'wasm', fallbackReason: null } });
    const parsed = parseResults(JSON.parse(JSON.stringify(results)));
    expect(parsed.ok).toBe(true);
    const pruned = results.runs.find((r) => r.rate === 0.7)!;
    const dense = denseRunOf(results.runs, pruned)!;
    const terms = theorem1Terms(pruned, dense);
    expect(terms).toHaveLength(3);
    for (const t of terms) {
      const d = pruned.paramDistance;
      expect(d).toBeGreaterThan(0);
      expect(t.gradientTerm).toBeCloseTo(dense.groups[t.group].gradNorm * d, 10);
      expect(t.curvatureTerm).toBeCloseTo(0.5 * dense.groups[t.group].hessianMax!.value * d * d, 10);
      expect(t.gradientTerm + t.curvatureTerm).toBeCloseTo(t.bound, 10);
      expect(t.measured).toBe(pruned.groups[t.group].trainExcessLoss);
    }
    // The same run also carries the uncertainty and PIE fields: intervals bracket their point values.
    for (const g of pruned.groups) {
      expect(g.intervals!.accuracy.low).toBeLessThanOrEqual(g.accuracy + 1e-9);
      expect(g.intervals!.accuracy.high).toBeGreaterThanOrEqual(g.accuracy - 1e-9);
    }
    expect(pruned.fairnessViolationInterval).not.toBeNull();
    expect(dense.flips).toEqual([]);
    expect(pruned.flips.every((f) => f.dense !== f.pruned)).toBe(true);
    expect(theorem1Terms(pruned, undefined)).toEqual([]);
  }, 120_000);
});
