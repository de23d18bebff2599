// Seeded train/test split, stratified by group (and by class within a group), so every group a is measured on
// the same fraction of its own samples.

import { createRng, permutation, shuffleInPlace } from '../random';
import { apportion } from './apportion';
import { selectSamples, type Dataset, type DatasetSplit } from './dataset';

/** Sample indices of each (group, class) cell: cells[a][c], in dataset order. */
function cellIndices(d: Dataset): number[][][] {
  const cells = d.groupNames.map(() => d.classNames.map((): number[] => []));
  for (let i = 0; i < d.labels.length; i++) cells[d.groups[i]][d.labels[i]].push(i);
  return cells;
}

/**
 * Test size of a group of n samples: round(n * testFraction), but at least 1 test and 1 train sample whenever the
 * group has 2 or more, so no group silently drops out of the per-group metrics.
 */
export function groupTestCount(n: number, testFraction: number): number {
  if (n < 2) return 0;
  return Math.min(n - 1, Math.max(1, Math.round(n * testFraction)));
}

/** Indices of the train and test samples; each list in a seeded shuffled order. */
export function stratifiedSplitIndices(d: Dataset, testFraction: number, seed: number): { train: Int32Array; test: Int32Array } {
  if (!(testFraction > 0 && testFraction < 1)) throw new Error(`testFraction must be in (0, 1), got ${testFraction}`);
  const rng = createRng(seed, 'data', 'split');
  const train: number[] = [];
  const test: number[] = [];
  for (const groupCells of cellIndices(d)) {
    const sizes = groupCells.map((c) => c.length);
    const n = sizes.reduce((s, x) => s + x, 0);
    if (n === 0) continue;
    const perClass = apportion(sizes, groupTestCount(n, testFraction));
    groupCells.forEach((cell, c) => {
      shuffleInPlace(cell, rng);
      for (let k = 0; k < cell.length; k++) (k < perClass[c] ? test : train).push(cell[k]);
    });
  }
  shuffleInPlace(train, rng);
  shuffleInPlace(test, rng);
  return { train: Int32Array.from(train), test: Int32Array.from(test) };
}

export function stratifiedSplit(d: Dataset, testFraction: number, seed: number): DatasetSplit {
  const { train, test } = stratifiedSplitIndices(d, testFraction, seed);
  return { train: selectSamples(d, train), test: selectSamples(d, test) };
}

/**
 * A seeded subsample of k samples keeping each group's share (apportioned exactly), in dataset order.
 * All samples when k >= size.
 */
export function stratifiedSubsample(d: Dataset, k: number, seed: number): Dataset {
  const n = d.labels.length;
  if (k >= n) return d;
  const rng = createRng(seed, 'data', 'subsample');
  const byGroup = d.groupNames.map((): number[] => []);
  for (let i = 0; i < n; i++) byGroup[d.groups[i]].push(i);
  const quotas = apportion(byGroup.map((g) => g.length), k);
  const keep: number[] = [];
  byGroup.forEach((idx, a) => {
    const p = permutation(idx.length, rng);
    for (let j = 0; j < quotas[a]; j++) keep.push(idx[p[j]]);
  });
  keep.sort((x, y) => x - y);
  return selectSamples(d, keep);
}
