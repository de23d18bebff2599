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

describe('multipliers and ceag checks at the selected rate', () => {
  it('lists the first seed’s trajectory as rows and checks ceag per group', async () => {
    const { multiplierRows, ceagChecks } = await import('../../src/state/select-multipliers');
    const r = fixtureResults({ seeds: [1], modes: ['none', 'after'] });
    const after = r.runs.find((x) => x.mode === 'after' && x.rate === 0.9)!;
    after.multipliers = [
      { phase: 'fine-tune', step: 10, lambda: [0, 0.5, 1], violation: [0, 0, 0] },
      { phase: 'fine-tune', step: 20, lambda: [0, 0.7, 1.2], violation: [0, 0, 0] },
    ];
    const m = multiplierRows(r, 'after', 0.9);
    expect(m.constraints).toBe(3);
    expect(m.rows.map((x) => [x.at, x.l1, x.l2])).toEqual([[1, 0.5, 1], [2, 0.7, 1.2]]);
    expect(multiplierRows(r, 'none', 0.9).rows).toEqual([]);
    for (const run of r.runs) if (run.mode === 'after') run.version = 'ceag';
    r.config.mitigation.gapTolerance = 0.02;
    expect(ceagChecks(r, 'after', 0.9).map((c) => [c.passed, c.seeds])).toEqual([[1, 1], [0, 1], [0, 1]]);
  });
});
