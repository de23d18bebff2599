import { describe, expect, it } from 'vitest';
import { provisionalAt, withProvisional } from '../../src/state/rate-rules';
import { rateContext, shownSweep } from '../../src/state/select-rate';
import { fixtureResults, run } from './fixtures';

describe('the rate context', () => {
  const results = fixtureResults({ modes: ['none', 'after'] });

  it('derives the mode, its measured rates and whether the selected rate is one of them', () => {
    const at = (selectedRate: number, viewMode: 'none' | 'after' | 'both' = 'none') => rateContext({ results, viewMode, selectedRate, provisional: [] });
    expect(at(0.5)).toMatchObject({ mode: 'none', measured: [0, 0.5, 0.9], isMeasured: true, provisional: true });
    expect(at(0.5 + 1e-12).isMeasured).toBe(true);
    expect(at(0.6)).toMatchObject({ isMeasured: false, view: { source: 'pending' } });
    // Provisional points belong to the unmitigated sweep; an absent mode falls back to the first present.
    expect(at(0.6, 'after')).toMatchObject({ mode: 'after', provisional: false });
    expect(at(0.6, 'both').mode).toBe('none');
  });

  it('names the shown sweep on its own, the same one the context derives', () => {
    expect(shownSweep({ results, viewMode: 'after' })).toBe('after');
    expect(shownSweep({ results, viewMode: 'both' })).toBe(rateContext({ results, viewMode: 'both', selectedRate: 0, provisional: [] }).mode);
    expect(shownSweep({ results: null, viewMode: 'after' })).toBe('after');
  });

  it('keys provisional points by rate: one point per rate, the latest wins, float noise is the same rate', () => {
    const first = withProvisional([], { rate: 0.7, runs: [run(1, 'none', 0.7)] });
    const second = withProvisional(first, { rate: 0.7 + 1e-12, runs: [run(1, 'none', 0.7), run(2, 'none', 0.7)] });
    expect(second).toHaveLength(1);
    expect(provisionalAt(second, 0.7)).toHaveLength(2);
    expect(provisionalAt(second, 0.71)).toBeNull();
    const ctx = rateContext({ results, viewMode: 'none', selectedRate: 0.7, provisional: second });
    expect(ctx.view?.source).toBe('provisional');
  });
});
