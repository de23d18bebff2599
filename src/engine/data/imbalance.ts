// MNIST's long-tail imbalance: group (digit) a keeps a fraction longTail^(-rank(a)/(G-1)) of its samples, rank(a)
// being a's position in a seeded permutation of the groups (rank 0 keeps everything, the last keeps 1/longTail).
// Small groups are what make Proposition 1 (larger ||g_a||) and the Matthew effect show.

import { createRng, permutation, subsample } from '../random';
import { groupSizes, selectSamples, type Dataset } from './dataset';

/** Keep fraction of each group a, indexed by a. longTail 1 = balanced. */
export function longTailKeepFractions(numGroups: number, longTail: number, seed: number): number[] {
  if (!(longTail >= 1)) throw new Error(`longTail must be >= 1, got ${longTail}`);
  const order = permutation(numGroups, createRng(seed, 'data', 'long-tail'));
  const keep = new Array<number>(numGroups).fill(1);
  const last = Math.max(1, numGroups - 1);
  order.forEach((a, rank) => {
    keep[a] = Math.pow(longTail, -rank / last);
  });
  return keep;
}

/** Number of samples group a keeps: round(n * keep), at least 1 of a non-empty group. */
export function keptCount(n: number, keep: number): number {
  if (n === 0) return 0;
  return Math.min(n, Math.max(1, Math.round(n * keep)));
}

/** A seeded subset in which group a keeps keptCount(|D_a|, keep[a]) samples, in dataset order. */
export function applyKeepFractions(d: Dataset, keep: readonly number[], seed: number): Dataset {
  if (keep.length !== d.groupNames.length) {
    throw new Error(`expected ${d.groupNames.length} keep fractions (one per group), got ${keep.length}`);
  }
  const sizes = groupSizes(d);
  const byGroup = sizes.map((): number[] => []);
  for (let i = 0; i < d.groups.length; i++) byGroup[d.groups[i]].push(i);
  const kept: number[] = [];
  byGroup.forEach((idx, a) => {
    const rng = createRng(seed, 'data', 'imbalance', a);
    for (const j of subsample(idx.length, keptCount(idx.length, keep[a]), rng)) kept.push(idx[j]);
  });
  kept.sort((x, y) => x - y);
  return selectSamples(d, kept);
}
