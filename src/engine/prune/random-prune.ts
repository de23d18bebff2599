import type { Weights } from '../model/params';
import { createRng, permutation } from '../random';
import { isPrunable } from '../model/spec';
import type { Masks } from './mask';
import { pruneCount, removeSmallest, splitKeep } from './select';

/**
 * Random pruning (a baseline): exactly round(P·N) prunable entries, in the order of one seeded permutation of
 * all N prunable entries. The permutation does not depend on P, so for one seed a higher rate removes a superset.
 * Entries already at exactly 0 rank first, so re-pruning a sparse model keeps its previous zeros removed
 * (removing a zero changes nothing in the function).
 */
export function randomMasks(w: Weights, rate: number, pruneBiases: boolean, seed: number): Masks {
  const prunable = w.specs.map((p) => isPrunable(p, pruneBiases));
  const n = w.values.reduce((s, v, i) => s + (prunable[i] ? v.length : 0), 0);
  const order = permutation(n, createRng(seed, 'prune', 'random'));
  const scores = new Float64Array(n);
  for (let r = 0; r < n; r++) scores[order[r]] = r;
  let o = 0;
  w.values.forEach((v, i) => {
    if (!prunable[i]) return;
    for (let j = 0; j < v.length; j++) if (v[j] === 0) scores[o + j] -= n;
    o += v.length;
  });
  const keep = removeSmallest(scores, pruneCount(rate, n));
  return splitKeep(keep, w.values, prunable);
}
