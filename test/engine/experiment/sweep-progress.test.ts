import { describe, expect, it } from 'vitest';
import { configSchema, configSeeds, prunedRates, type Config } from '../../../src/engine/contract/config';
import type { EngineEvent } from '../../../src/engine/contract/events';
import { fineTuneEpochs, plannedModes, plannedVariants } from '../../../src/engine/experiment/sweep-plan';
import { planPieces } from '../../../src/engine/experiment/sweep-pieces';
import { createSweepProgress } from '../../../src/engine/experiment/sweep-progress';
import { tinyConfig } from '../../helpers/tiny-config';

/** Walks the plan the way runExperiment does (no training), and returns every reported fraction. */
function walkSweep(config: Config): number[] {
  const fractions: number[] = [];
  const progress = createSweepProgress(config, (e: EngineEvent) => e.type === 'progress' && fractions.push(e.fraction), planPieces(config));
  const report = () => progress.report('measure', config.seed, null, null, '');
  report();
  for (const _seed of configSeeds(config)) {
    for (const _variant of plannedVariants(config)) {
      progress.beginDense();
      report();
      for (let epoch = 0; epoch < config.train.epochs; epoch++) {
        progress.advance(1);
        report();
      }
      progress.finish();
    }
    for (const { mode } of plannedModes(config)) {
      for (const _rate of prunedRates(config)) {
        progress.beginRate(mode);
        report();
        progress.advance(fineTuneEpochs(config, mode));
        report();
        progress.finish();
      }
    }
  }
  report();
  return fractions;
}

describe('sweep progress', () => {
  const configs: Array<[string, Config]> = [
    ['the tiny sweep', configSchema.parse(tinyConfig)],
    ['seeds, mitigated modes, both versions, the Hessian at every rate', configSchema.parse({
      ...tinyConfig,
      seeds: 3,
      mitigation: { modes: ['none', 'before', 'after', 'both'], compareVersions: true },
      hessian: { when: 'all' },
    })],
    ['no fine-tuning, no Hessian', configSchema.parse({ ...tinyConfig, prune: { rates: [0.2, 0.2, 0.7], fineTuneEpochs: 0 }, hessian: { when: 'off' } })],
  ];

  it.each(configs)('reaches exactly 1 at the end of %s, monotone and never past 1 on the way', (_name, config) => {
    const fractions = walkSweep(config);
    expect(fractions.every((f, i) => f <= 1 && (i === 0 || f >= fractions[i - 1]))).toBe(true);
    expect(fractions[0]).toBe(0);
    expect(fractions[fractions.length - 1]).toBe(1);
    // Only once every block is finished: the report before the last block's finish is still short of 1.
    expect(fractions[fractions.length - 2]).toBeLessThan(1);
  });

  it('keeps to a block: over-advancing stops at its end, finishing moves there, an open block is finished by the next', () => {
    const config = configSchema.parse(tinyConfig); // 2 epochs + 3 measurement units per dense model
    const fractions: number[] = [];
    const progress = createSweepProgress(config, (e) => e.type === 'progress' && fractions.push(e.fraction), planPieces(config));
    const report = () => progress.report('train-dense', 1, null, 0, '');
    progress.beginDense();
    progress.advance(100);
    report();
    progress.finish();
    report();
    progress.beginRate('none');
    progress.beginRate('none');
    report();
    expect(fractions[0]).toBe(fractions[1]);
    expect(fractions[2]).toBeCloseTo(fractions[1] * (5 + 2) / 5, 12); // a rate block: 1 fine-tune epoch + 1 measurement
  });
});
