import { describe, expect, it } from 'vitest';
import { configSchema } from '../../../src/engine/contract/config';
import { pieceModes, planPieces, shardPieces } from '../../../src/engine/experiment/sweep-pieces';
import { tinyConfig } from '../../helpers/tiny-config';

const config = configSchema.parse({ ...tinyConfig, seeds: 3, prune: { rates: [0.3, 0.5, 0.7, 0.9] }, mitigation: { modes: ['none', 'before', 'after', 'both'] } });

describe('sweep pieces', () => {
  it('splits on seed and dense variant first: one piece per dense model, each with every rate and the dense runs', () => {
    const plan = planPieces(config, 6);
    expect(plan.map((p) => [p.seed, p.variant])).toEqual([[1, 'plain'], [1, 'relaxed'], [2, 'plain'], [2, 'relaxed'], [3, 'plain'], [3, 'relaxed']]);
    expect(plan.every((p) => p.withDense && p.rates.join() === '0.3,0.5,0.7,0.9')).toBe(true);
    expect(pieceModes(config, plan[0]).map((m) => m.mode)).toEqual(['none', 'after']);
    expect(pieceModes(config, plan[1]).map((m) => m.mode)).toEqual(['before', 'both']);
  });

  it('splits rates only past one shard per dense model, the dense runs going with the first chunk', () => {
    const one = configSchema.parse({ ...tinyConfig, seeds: 1, prune: { rates: [0.3, 0.5, 0.7, 0.9] } });
    const plan = planPieces(one, 3);
    expect(plan.map((p) => p.rates)).toEqual([[0.3, 0.5], [0.7], [0.9]]);
    expect(plan.map((p) => p.withDense)).toEqual([true, false, false]);
    expect(new Set(plan.map((p) => p.id)).size).toBe(3);
    // More shards than rates: one rate per piece, and the shards past that get nothing.
    expect(planPieces(one, 9)).toHaveLength(4);
  });

  it('gives every piece to exactly one shard', () => {
    for (const n of [1, 2, 4, 7, 13]) {
      const plan = planPieces(config, n);
      const taken = Array.from({ length: n }, (_, i) => shardPieces(plan, i, n)).flat();
      expect(taken.map((p) => p.id).sort()).toEqual(plan.map((p) => p.id).sort());
    }
  });
});
