import { describe, expect, it } from 'vitest';
import { pieSummary } from '../../../src/engine/contract/pies';
import type { Flip } from '../../../src/engine/contract/results';
import { predictionFlips } from '../../../src/engine/metrics/flips';
import { fixtureResults } from '../../state/fixtures';

describe('pruning identified exemplars', () => {
  it('predictionFlips lists exactly the samples whose predicted class changed', () => {
    // Six hand-built test samples: 1, 3 and 4 change prediction (3 from right to wrong, 4 from wrong to right).
    const labels = [0, 1, 2, 0, 1, 2];
    const groups = [0, 0, 1, 1, 2, 2];
    const dense = Int32Array.from([0, 1, 2, 0, 0, 2]);
    const pruned = Int32Array.from([0, 2, 2, 1, 1, 2]);
    expect(predictionFlips(dense, pruned, labels, groups)).toEqual([
      { index: 1, group: 0, label: 1, dense: 1, pruned: 2 },
      { index: 3, group: 1, label: 0, dense: 0, pruned: 1 },
      { index: 4, group: 2, label: 1, dense: 0, pruned: 1 },
    ]);
    expect(predictionFlips(dense, dense, labels, groups)).toEqual([]);
  });

  it('keeps the images that changed in more than half of the seeds, with their modal predictions', () => {
    const results = fixtureResults({ seeds: [1, 2, 3], modes: ['none'], rates: [0, 0.5] });
    const flip = (index: number, group: number, pruned: number): Flip => ({ index, group, label: 0, dense: 0, pruned });
    const perSeed: Record<number, Flip[]> = {
      1: [flip(7, 0, 1), flip(8, 1, 2), flip(9, 2, 1)],
      2: [flip(7, 0, 2), flip(8, 1, 2)],
      3: [flip(7, 0, 2)],
    };
    for (const r of results.runs) if (r.rate === 0.5) r.flips = perSeed[r.seed];
    const s = pieSummary(results, 'none', 0.5)!;
    expect(s.seeds).toBe(3);
    // 7 changed in 3/3 seeds (modal pruned prediction 2), 8 in 2/3, 9 in 1/3 (not a PIE).
    expect(s.groups[0]).toEqual([{ index: 7, group: 0, label: 0, dense: 0, pruned: 2, changedIn: 3 }]);
    expect(s.groups[1].map((p) => [p.index, p.changedIn])).toEqual([[8, 2]]);
    expect(s.groups[2]).toEqual([]);
    expect(s.share[0]).toBeCloseTo(1 / results.dataset.testSizes[0], 12);
    expect(pieSummary(results, 'none', 0)!.groups.flat()).toEqual([]);
    expect(pieSummary(results, 'after', 0.5)).toBeNull();
  });
});
