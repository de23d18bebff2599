import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../src/engine/backend';
import { configSchema, type ConfigInput, type MitigationMode } from '../../../src/engine/contract/config';
import type { EngineEvent } from '../../../src/engine/contract/events';
import { parseResults, type Results } from '../../../src/engine/contract/results';
import { runExperiment } from '../../../src/engine/experiment/run-experiment';
import { tinyConfig } from '../../helpers/tiny-config';

const noAssets = async (name: string): Promise<ArrayBuffer> => {
  throw new Error(`no asset ${name} in this test`);
};
const backend = { name: 'wasm', fallbackReason: null };
type PhaseEvent = Extract<EngineEvent, { type: 'phase' }>;

beforeAll(async () => {
  await initBackend('wasm');
});

async function run(mitigation: ConfigInput['mitigation'], extra: Partial<ConfigInput> = {}): Promise<{ results: Results; phases: PhaseEvent[] }> {
  const config = configSchema.parse({ ...tinyConfig, hessian: { when: 'off' }, mitigation: { warmup: 0, dualEvery: 2, fullEvery: 2, fullSamples: 4, ...mitigation }, ...extra });
  const phases: PhaseEvent[] = [];
  const results = await runExperiment(config, { loadAsset: noAssets, backend, onEvent: (e) => e.type === 'phase' && phases.push(e) });
  expect(results.status).toBe('complete');
  return { results, phases };
}

const dense = (phases: PhaseEvent[]) => phases.filter((p) => p.phase === 'train-dense');
const fineTunes = (phases: PhaseEvent[]) => phases.filter((p) => p.phase === 'fine-tune');

describe('mitigation modes in the runner', () => {
  it('mitigates the dense model only for before/both and the fine-tuning only for after/both', async () => {
    const { results, phases } = await run({ modes: ['none', 'before', 'after', 'both'] }, { seeds: 2 });
    expect(parseResults(JSON.parse(JSON.stringify(results))).ok).toBe(true);
    // Per seed: the plain dense model once (shared by none and after), the mitigated one once (before and both).
    for (const seed of [1, 2]) expect(dense(phases).filter((p) => p.seed === seed).map((p) => p.mitigated)).toEqual([false, true]);
    const wanted: Record<MitigationMode, boolean> = { none: false, before: false, after: true, both: true };
    const tunes = fineTunes(phases);
    expect(tunes).toHaveLength(2 * 4 * 2); // seeds × modes × rates
    for (const p of tunes) expect(p.mitigated, `${p.mode} at ${p.rate}`).toBe(wanted[p.mode as MitigationMode]);

    // The runs carry what the phases did: the dense trajectory (before, both), the fine-tuning one (after, both).
    expect(results.runs).toHaveLength(2 * 4 * 3);
    for (const r of results.runs) {
      const phasesOf = new Set(r.multipliers.map((m) => m.phase));
      const denseMitigated = r.mode === 'before' || r.mode === 'both';
      expect(phasesOf.has('dense'), `${r.mode} ${r.rate}`).toBe(denseMitigated);
      expect(phasesOf.has('fine-tune'), `${r.mode} ${r.rate}`).toBe(r.rate > 0 && wanted[r.mode]);
      expect(r.version).toBe(r.mode === 'none' ? null : 'relaxed');
    }
    // before and both prune the same mitigated dense model; none and after the same plain one, which differs.
    const at0 = (mode: MitigationMode) => results.runs.find((r) => r.seed === 1 && r.mode === mode && r.rate === 0)?.overall.loss;
    expect(at0('before')).toBe(at0('both'));
    expect(at0('none')).toBe(at0('after'));
    expect(at0('before')).not.toBe(at0('none'));
  });

  it('trains no mitigated dense model when no mode needs one, and only that one when every mode does', async () => {
    const after = await run({ modes: ['none', 'after'] });
    expect(dense(after.phases).map((p) => p.mitigated)).toEqual([false]);
    expect(fineTunes(after.phases).map((p) => [p.mode, p.mitigated])).toEqual([['none', false], ['none', false], ['after', true], ['after', true]]);
    const before = await run({ modes: ['before'] });
    expect(dense(before.phases).map((p) => p.mitigated)).toEqual([true]);
    expect(fineTunes(before.phases).every((p) => !p.mitigated)).toBe(true);
  });

  it('runs every mitigated mode with each version when comparing them (Table 1, and ceag beside it)', async () => {
    const { results, phases } = await run({ modes: ['none', 'both'], compareVersions: true }, { prune: { rates: [0.5], fineTuneEpochs: 1 } });
    // Dense: plain (for none), relaxed, full and ceag (for both).
    expect(dense(phases).map((p) => p.mitigated)).toEqual([false, true, true, true]);
    expect(results.runs.map((r) => `${r.mode}/${r.version}/${r.rate}`)).toEqual([
      'none/null/0', 'none/null/0.5', 'both/relaxed/0', 'both/relaxed/0.5', 'both/full/0', 'both/full/0.5', 'both/ceag/0', 'both/ceag/0.5',
    ]);
    const full = results.runs.find((r) => r.version === 'full' && r.rate === 0.5);
    // Full: 2G multipliers (gradient norms, then eigenvalues) in both phases.
    expect(full?.multipliers.every((m) => m.lambda.length === 6)).toBe(true);
    expect(new Set(full?.multipliers.map((m) => m.phase))).toEqual(new Set(['dense', 'fine-tune']));
    expect(results.training.map((t) => t.phase)).toEqual(['dense', 'dense-mitigated-relaxed', 'dense-mitigated-full', 'dense-mitigated-ceag']);
    // ceag: one multiplier per group, the dense phase's (no reference: accuracy parity within ε) then fine-tuning's.
    const ceag = results.runs.find((r) => r.version === 'ceag' && r.rate === 0.5);
    expect(ceag?.multipliers.every((m) => m.lambda.length === 3)).toBe(true);
  });
});
