import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../src/engine/backend';
import { configSchema, type Config } from '../../../src/engine/contract/config';
import type { Results } from '../../../src/engine/contract/results';
import { mergeResults, type ShardFile } from '../../../src/engine/experiment/merge-results';
import { runExperiment } from '../../../src/engine/experiment/run-experiment';
import { planPieces, shardPieces } from '../../../src/engine/experiment/sweep-pieces';
import { tinyConfig } from '../../helpers/tiny-config';

const noAssets = async (name: string): Promise<ArrayBuffer> => {
  throw new Error(`no asset ${name} in this test`);
};
const backend = { name: 'wasm', fallbackReason: null };
/** What the sweep measured, without when and how long it took. */
const measured = (r: Results) => ({ runs: r.runs.map((run) => ({ ...run, wallMs: 0 })), training: r.training, correlations: r.correlations, dataset: r.dataset, config: r.config });

async function shards(config: Config, n: number): Promise<ShardFile[]> {
  const plan = planPieces(config, n);
  const out: ShardFile[] = [];
  for (let i = 0; i < n; i++) {
    const pieces = shardPieces(plan, i, n);
    const r = await runExperiment(config, { loadAsset: noAssets, backend, pieces });
    out.push({ file: `shard-${i}.json`, results: { ...r, shard: { index: i, count: n, pieces: pieces.map((p) => p.id), plan: plan.map((p) => p.id) } } });
  }
  return out;
}

beforeAll(async () => {
  await initBackend('wasm');
});

describe('mergeResults', () => {
  const config = configSchema.parse({ ...tinyConfig, seeds: 2, mitigation: { modes: ['none', 'before'] }, hessian: { ...tinyConfig.hessian, when: 'all' } });

  it('merges 3 shards into the same runs, curves and correlations as the unsharded sweep, every number', async () => {
    const whole = await runExperiment(config, { loadAsset: noAssets, backend });
    const parts = await shards(config, 3);
    const merged = mergeResults(parts);
    if (!merged.ok) throw new Error(merged.error);
    expect(merged.results.shard).toBeUndefined();
    expect(merged.results.runs).toHaveLength(whole.runs.length);
    expect(measured(merged.results)).toEqual(measured(whole));

    // Refusals, each naming what is wrong.
    expect(mergeResults(parts.slice(0, 2))).toEqual({ ok: false, error: expect.stringMatching(/^missing shard 2\/3 \(pieces: seed 2 · plain\)/) });
    expect(mergeResults([...parts, parts[1]])).toEqual({ ok: false, error: expect.stringMatching(/is in more than one file \(shard-1\.json, shard-1\.json\)/) });
    const other = { file: 'other.json', results: { ...parts[2].results, config: { ...config, seed: 7 } } };
    expect(mergeResults([parts[0], parts[1], other])).toEqual({ ok: false, error: 'other.json comes from another config than shard-0.json: seed: 1 vs 7' });
    expect(mergeResults([parts[0], { file: 'whole.json', results: whole }])).toEqual({ ok: false, error: expect.stringMatching(/whole\.json is not a shard's partial Results/) });
    const cancelled = { file: 'c.json', results: { ...parts[2].results, status: 'cancelled' as const, error: 'cancelled' } };
    expect(mergeResults([parts[0], parts[1], cancelled])).toEqual({ ok: false, error: expect.stringMatching(/c\.json did not finish \(status cancelled/) });
    expect(mergeResults([])).toEqual({ ok: false, error: 'no shard files given' });
  }, 120_000);

  it('splits rates when there are more shards than dense models, and still merges to the serial numbers', async () => {
    const one = configSchema.parse({ ...tinyConfig, seeds: 1 });
    const whole = await runExperiment(one, { loadAsset: noAssets, backend });
    const merged = mergeResults(await shards(one, 2));
    if (!merged.ok) throw new Error(merged.error);
    expect(measured(merged.results)).toEqual(measured(whole));
  }, 60_000);
});
