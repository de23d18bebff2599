import { describe, expect, it } from 'vitest';
import { pieView, theorem1Rows } from '../../src/state/select-rate-details';
import { groupSeriesRows, errorKey } from '../../src/state/select-group-series';
import { fixtureResults } from './fixtures';

describe('the selected rate beyond the charts', () => {
  it("averages Theorem 1's terms over seeds from each seed's dense run", () => {
    const r = fixtureResults({ seeds: [1, 2], modes: ['none'] });
    const rows = theorem1Rows(r, 'none', 0.5);
    // Dense fixture: ||g_a|| = 1 + a, λ(H_a) = 2(a + 1); distance = rate = 0.5 in both seeds.
    expect(rows.map((t) => [t.gradientTerm, t.curvatureTerm, t.distance])).toEqual([
      [0.5, 0.25, 0.5],
      [1, 0.5, 0.5],
      [1.5, 0.75, 0.5],
    ]);
    expect(theorem1Rows(r, 'none', 0)).toEqual([]);
  });

  it('gives the PIEs of the sweep at the rate, and nothing at rate 0', () => {
    const r = fixtureResults({ seeds: [1], modes: ['none'] });
    r.runs.find((x) => x.rate === 0.9)!.flips = [{ index: 4, group: 1, label: 0, dense: 0, pruned: 1 }];
    expect(pieView(r, 'none', 0.9)!.groups[1].map((p) => p.index)).toEqual([4]);
    expect(pieView(r, 'none', 0)).toBeNull();
  });

  it('error bars are the interval ends as distances below and above the mean', () => {
    const rows = groupSeriesRows(fixtureResults({ seeds: [1], modes: ['none'] }), 'none', 'accuracy');
    const [below, above] = rows[1][errorKey(0)] as [number, number];
    expect(below).toBeCloseTo(0.02, 12);
    expect(above).toBeCloseTo(0.02, 12);
  });
});
