import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../src/engine/backend';
import { configSchema } from '../../../src/engine/contract/config';
import { excessAccuracyGaps } from '../../../src/engine/contract/excess-gap';
import { denseRunOf } from '../../../src/engine/contract/theorem1-terms';
import { runExperiment } from '../../../src/engine/experiment/run-experiment';
import { tinyConfig } from '../../helpers/tiny-config';

beforeAll(async () => {
  await initBackend('wasm');
});

const noAssets = async (name: string): Promise<ArrayBuffer> => {
  throw new Error(`no asset ${name} in this test`);
};

describe('ceag mitigation (constrained excess accuracy gap)', () => {
  it('keeps every group within ε of the overall accuracy drop on the training split', async () => {
    // ψ's group-size-weighted mean is 0 by definition, so ε must leave room: with group samples of 30 to 100 and
    // 30 fine-tuning epochs, ε = 0.02 ends with the multipliers still see-sawing (max ψ 0.071 at the end; none: 0.151).
    const epsilon = 0.08;
    const config = configSchema.parse({
      ...tinyConfig,
      prune: { ...tinyConfig.prune, rates: [0.5], fineTuneEpochs: 30 },
      hessian: { when: 'off' },
      uncertainty: { bootstrap: 0 },
      mitigation: { modes: ['none', 'after'], version: 'ceag', gapTolerance: epsilon, dualEvery: 7, warmup: 0, dualStep: 4, lambdaCap: 10 },
    });
    const results = await runExperiment(config, { loadAsset: noAssets, backend: { name: 'wasm', fallbackReason: null } });
    const gaps = (mode: 'none' | 'after') => {
      const run = results.runs.find((r) => r.mode === mode && r.rate === 0.5)!;
      return excessAccuracyGaps(run, denseRunOf(results.runs, run)!, epsilon);
    };
    const none = gaps('none');
    const ceag = gaps('after');
    // Measured: ψ none -0.097 0.053 0.151, ψ ceag 0.003 -0.001 -0.006.
    // Unmitigated pruning breaks the constraint (so it is not met trivially); ceag meets it on every group.
    expect(Math.max(...none.map((g) => g.psi))).toBeGreaterThan(epsilon);
    for (const g of ceag) expect(g.pass).toBe(true);
    const after = results.runs.find((r) => r.mode === 'after' && r.rate === 0.5)!;
    expect(after.version).toBe('ceag');
    expect(after.multipliers.length).toBeGreaterThan(0);
  }, 300_000);
});
