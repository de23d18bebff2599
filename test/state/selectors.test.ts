import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/engine/contract/config';
import { groupMetrics } from '../../src/engine/contract/group-metrics';
import { table2 } from '../../src/engine/contract/summary-tables';
import { resultsToCsv } from '../../src/state/results-csv';
import { bandKey, groupSeriesRows, groupsWith, seriesKey } from '../../src/state/select-group-series';
import { modeRows, table2Rows } from '../../src/state/select-modes';
import { rateView } from '../../src/state/select-rate-view';
import { snapRate } from '../../src/state/rate-rules';
import { effectiveMode, groupsOf, measuredRates, modesPresent, parseVariantKey, runsOf, variantsOf } from '../../src/state/select-runs';
import { isStale } from '../../src/state/select-stale';
import { trainingRows } from '../../src/state/select-training';
import { hessianSamplingLabel } from '../../src/state/select-hessian-sampling';
import { accuracyOf, fixtureResults, run } from './fixtures';

const sd2 = (a: number, b: number) => Math.abs(a - b) / Math.SQRT2; // sample sd of two values

describe('run selectors', () => {
  const r = fixtureResults();
  it('lists groups, modes and measured rates', () => {
    expect(groupsOf(r).map((g) => g.name)).toEqual(['g0', 'g1', 'g2']);
    expect(modesPresent(r)).toEqual(['none', 'after']);
    expect(measuredRates(r, 'after')).toEqual([0, 0.5, 0.9]);
    expect(effectiveMode(r, 'both')).toBe('none');
    expect(effectiveMode(r, 'after')).toBe('after');
  });
  it('snaps to the nearest measured rate within the tolerance only', () => {
    expect(snapRate([0, 0.5, 0.9], 0.51)).toBe(0.5);
    expect(snapRate([0, 0.5, 0.9], 0.88)).toBe(0.9);
    expect(snapRate([0, 0.5, 0.9], 0.7)).toBeNull();
    expect(snapRate([0, 0.5, 0.9], 0.52)).toBe(0.5); // exactly the tolerance away, up to float error
    expect(snapRate([0, 0.5, 0.9], 0.53)).toBeNull();
  });
});

describe('groupSeriesRows', () => {
  it('gives one row per rate with the mean over seeds and a ±sd band per group', () => {
    const rows = groupSeriesRows(fixtureResults(), 'none', 'accuracy');
    expect(rows.map((x) => x.rate)).toEqual([0, 0.5, 0.9]);
    const row = rows[1];
    for (const a of [0, 1, 2]) {
      const v1 = accuracyOf(1, 'none', 0.5, a);
      const v2 = accuracyOf(2, 'none', 0.5, a);
      expect(row[seriesKey(a)]).toBeCloseTo((v1 + v2) / 2, 12);
      const [lo, hi] = row[bandKey(a)] as [number, number];
      expect(hi - lo).toBeCloseTo(2 * sd2(v1, v2), 12);
    }
  });
  it('has no band with a single seed, and null where a metric is missing', () => {
    const rows = groupSeriesRows(fixtureResults({ seeds: [3] }), 'none', 'hessianMax');
    expect(rows[0][seriesKey(2)]).toBe(6);
    expect(rows[0][bandKey(2)]).toBeNull();
    expect(rows[1][seriesKey(2)]).toBeNull(); // λ(H_a) only on the dense model
  });
  it('names the groups a band or an error bar would draw something for', () => {
    const two = groupSeriesRows(fixtureResults(), 'none', 'accuracy');
    expect(groupsWith(two, [0, 1, 2], bandKey)).toEqual([0, 1, 2]);
    expect(groupsWith(two, [0, 2], bandKey)).toEqual([0, 2]);
    const one = groupSeriesRows(fixtureResults({ seeds: [3] }), 'none', 'accuracy');
    expect(groupsWith(one, [0, 1, 2], bandKey)).toEqual([]);
    // A group with a value at one rate only still gets its band.
    const partial = two.map((r, i) => (i === 1 ? r : { ...r, [bandKey(1)]: null }));
    expect(groupsWith(partial, [0, 1, 2], bandKey)).toEqual([0, 1, 2]);
    expect(groupsWith(partial.map((r) => ({ ...r, [bandKey(1)]: null })), [0, 1, 2], bandKey)).toEqual([0, 2]);
  });
});

describe('rateView', () => {
  const r = fixtureResults();
  it('uses the measured runs at a measured rate', () => {
    const v = rateView(r, 'none', 0.9, [])!;
    expect(v.source).toBe('measured');
    expect(v.rows[2].accuracyChange).toBeCloseTo(-0.9 * 3 / 4, 12);
    expect(v.rows[1].theorem1Bound).toBeCloseTo(1.8, 12);
  });
  it('uses provisional points between measured rates (unmitigated sweep only), else is pending', () => {
    const quick = [{ rate: 0.7, runs: [run(1, 'none', 0.7), run(2, 'none', 0.7)] }];
    expect(rateView(r, 'none', 0.7, quick)!.source).toBe('provisional');
    expect(rateView(r, 'none', 0.7, quick)!.rows[0].accuracy).toBeCloseTo((accuracyOf(1, 'none', 0.7, 0) + accuracyOf(2, 'none', 0.7, 0)) / 2, 12);
    expect(rateView(r, 'after', 0.7, quick)!.source).toBe('pending');
    expect(rateView(r, 'none', 0.6, quick)!.source).toBe('pending');
    expect(rateView(null, 'none', 0.5, [])).toBeNull();
  });
});

describe('mode selectors', () => {
  const r = fixtureResults();
  it('gives per-mode overall accuracy rows and a Table 2 row per mode and rate', () => {
    const rows = modeRows(r, 'accuracy');
    expect(rows).toHaveLength(3);
    expect(rows[0].after! - rows[0].none!).toBeCloseTo(0.05, 12);
    expect(rows[0].both).toBeUndefined();
    const t = table2Rows(r);
    expect(t.map((x) => `${x.variant.key}@${x.rate}`)).toEqual(['none@0', 'none@0.5', 'none@0.9', 'after@0', 'after@0.5', 'after@0.9']);
    expect(t[2].fairnessViolation!.mean).toBeCloseTo(accuracyOf(1, 'none', 0.9, 0) - accuracyOf(1, 'none', 0.9, 2), 12);
  });
});

describe('variants (relaxed and full mitigation compared)', () => {
  const r = fixtureResults({ modes: ['none', 'after'] });
  const full = r.runs.filter((x) => x.mode === 'after').map((x) => ({ ...x, version: 'full' as const, overall: { ...x.overall, accuracy: x.overall.accuracy - 0.2 } }));
  const both = { ...r, runs: [...r.runs, ...full] };
  it('splits a mode by version only when both versions are present', () => {
    expect(variantsOf(r).map((v) => v.key)).toEqual(['none', 'after']);
    expect(variantsOf(both).map((v) => v.key)).toEqual(['none', 'after:relaxed', 'after:full']);
    expect(runsOf(both, 'after:full').every((x) => x.version === 'full')).toBe(true);
    expect(runsOf(both, 'after')).toHaveLength(12);
    expect(effectiveMode(both, 'after')).toBe('after:relaxed');
  });
  it('reads a key as its mode and, when it names one, its version', () => {
    expect(parseVariantKey('after:full')).toEqual({ mode: 'after', version: 'full' });
    expect(parseVariantKey('both:relaxed')).toEqual({ mode: 'both', version: 'relaxed' });
    expect(parseVariantKey('none')).toEqual({ mode: 'none', version: null });
  });
  it('keeps the versions apart in the mode rows', () => {
    const row = modeRows(both, 'accuracy')[1];
    expect(row['after:relaxed']! - row['after:full']!).toBeCloseTo(0.2, 12);
  });
  it("keeps the versions apart in Table 2, whose cells are the contract's", () => {
    const rows = table2Rows(both);
    expect(rows.map((x) => `${x.variant.key}@${x.rate}`)).toEqual(['none@0', 'none@0.5', 'none@0.9', 'after:relaxed@0', 'after:relaxed@0.5', 'after:relaxed@0.9', 'after:full@0', 'after:full@0.5', 'after:full@0.9']);
    const t = table2(both, { withDense: true });
    expect(rows[7].accuracy).toEqual(t.rows[2].accuracy[1]);
    expect(rows[4].accuracy.mean - rows[7].accuracy.mean).toBeCloseTo(0.2, 12);
  });
});

describe('training rows and staleness', () => {
  it('averages training curves over seeds per epoch', () => {
    const rows = trainingRows(fixtureResults().training, 'dense', 'accuracy', 3);
    expect(rows.map((x) => x.epoch)).toEqual([1, 2]);
    expect(rows[1][seriesKey(1)]).toBeCloseTo(0.5 + 0.2 - 0.1 + 0.015, 12);
  });
  it('marks results stale when a setting that changes the numbers differs, not for the backend', () => {
    const r = fixtureResults();
    expect(isStale(r.config, r)).toBe(false);
    expect(isStale({ ...r.config, backend: 'wasm' }, r)).toBe(false);
    expect(isStale({ ...r.config, train: { ...r.config.train, epochs: 99 } }, r)).toBe(true);
    expect(isStale(defaultConfig(), null)).toBe(false);
  });
});

describe('resultsToCsv', () => {
  it('writes one row per run and group with a header', () => {
    const r = fixtureResults();
    const lines = resultsToCsv(r).trim().split('\n');
    expect(lines).toHaveLength(1 + r.runs.length * 3);
    const header = lines[0].split(',');
    const row = lines[1].split(',');
    expect(row).toHaveLength(header.length);
    expect(Number(row[header.indexOf('accuracy')])).toBeCloseTo(r.runs[0].groups[0].accuracy, 12);
    // A column per per-group metric, named after its id; λ(H_a) is the eigenvalue of its power-iteration record.
    expect(header).toEqual(expect.arrayContaining(groupMetrics.map((m) => m.csvColumn)));
    expect(Number(row[header.indexOf('hessian_max')])).toBe(r.runs[0].groups[0].hessianMax!.value);
    expect(Number(row[header.indexOf('boundary_closeness')])).toBe(r.runs[0].groups[0].boundaryCloseness);
    expect(Number(row[header.indexOf('fairness_violation')])).toBe(r.runs[0].fairnessViolation);
  });

  it("writes λ(H_a)'s sample count next to it, empty where λ(H_a) was not computed", () => {
    const r = fixtureResults({ seeds: [1], modes: ['none'] });
    const lines = resultsToCsv(r).trim().split('\n').map((l) => l.split(','));
    const header = lines[0];
    expect(header.indexOf('hessian_samples')).toBe(header.indexOf('hessian_max') + 1);
    const rate = header.indexOf('rate');
    const dense = lines.find((l) => Number(l[rate]) === 0)!;
    const pruned = lines.find((l) => Number(l[rate]) > 0)!;
    expect(Number(dense[header.indexOf('hessian_samples')])).toBe(r.runs[0].groups[0].hessianMax!.samples);
    expect(pruned[header.indexOf('hessian_samples')]).toBe('');
    // The spread over sample draws follows; empty where there is none (a whole group, or older Results).
    expect(header.slice(header.indexOf('hessian_samples') + 1, header.indexOf('hessian_samples') + 4)).toEqual(['hessian_draw_min', 'hessian_draw_max', 'hessian_draw_sd']);
    expect(dense[header.indexOf('hessian_draw_sd')]).toBe('');
    r.runs[0].groups[0].hessianMax = { ...r.runs[0].groups[0].hessianMax!, drawSpread: { min: 1, max: 3, sd: 0.5, draws: 3 } };
    const withSpread = resultsToCsv(r).split('\n')[1].split(',');
    expect(Number(withSpread[header.indexOf('hessian_draw_sd')])).toBe(0.5);
    expect(Number(withSpread[header.indexOf('hessian_draw_max')])).toBe(3);
  });

  it('writes group names that look like formulas as text, and keeps negative numbers', () => {
    const r = fixtureResults();
    const names = ['=HYPERLINK("http://x","a")', '+1', '@SUM(A1)'];
    const evil = { ...r, runs: r.runs.map((run) => ({ ...run, groups: run.groups.map((g, a) => ({ ...g, name: names[a], excessLoss: -0.25 })) })) };
    const csv = resultsToCsv(evil);
    const line = csv.split('\n')[1];
    expect(line).toContain('"\'=HYPERLINK(""http://x"",""a"")"');
    expect(csv).toContain(",'+1,");
    expect(csv).toContain(",'@SUM(A1),");
    expect(csv).not.toMatch(/(^|,)[=+@]/m);
    expect(line).toContain(',-0.25,');
  });
});

describe('hessianSamplingLabel', () => {
  it('marks the λ(H_a) axis and caption when values are subsampled, and says whole group otherwise', () => {
    const r = fixtureResults({ seeds: [1], modes: ['none'] });
    const sub = hessianSamplingLabel(r);
    expect(sub.axisSuffix).toBe(' (subsampled)');
    expect(sub.captionNote).toContain('10 of 300 (g0)');
    for (const run of r.runs) for (const g of run.groups) if (g.hessianMax) g.hessianMax = { ...g.hessianMax, samples: g.trainSize };
    expect(hessianSamplingLabel(r)).toEqual({ axisSuffix: '', captionNote: ' Computed on the whole group.' });
    expect(hessianSamplingLabel(null)).toEqual({ axisSuffix: '', captionNote: '' });
  });
});
