import { describe, expect, it } from 'vitest';
import { groupMetricAxis, groupMetricLabel, groupMetrics, groupMetricTable, groupMetricTitle } from '../../../src/engine/contract/group-metrics';
import { groupMetricsSchema } from '../../../src/engine/contract/results';
import { run } from '../../state/fixtures';

describe('the per-group metric table', () => {
  it('has one entry per per-group field of the Results schema, in its order', () => {
    const fields = Object.keys(groupMetricsSchema.shape).filter((k) => k !== 'group' && k !== 'name' && k !== 'intervals');
    expect(groupMetrics.map((m) => m.id)).toEqual(fields);
  });

  it('names each CSV column after the id, so every metric has one name (λ(H_a) is hessianMax / hessian_max)', () => {
    expect(groupMetricTable.hessianMax.csvColumn).toBe('hessian_max');
    expect(groupMetricTable.theorem1Bound.csvColumn).toBe('theorem1_bound');
    expect(new Set(groupMetrics.map((m) => m.csvColumn)).size).toBe(groupMetrics.length);
    for (const m of groupMetrics) expect(m.csvColumn).toMatch(/^[a-z0-9_]+$/);
  });

  it('reads each value from a group, λ(H_a) from its power-iteration record, null where it was not computed', () => {
    const dense = run(1, 'none', 0);
    const pruned = run(1, 'none', 0.5);
    expect(groupMetricTable.hessianMax.value(dense.groups[1])).toBe(4);
    expect(groupMetricTable.hessianMax.value(pruned.groups[1])).toBeNull();
    expect(groupMetricTable.boundaryCloseness.value(dense.groups[1])).toBe(dense.groups[1].boundaryCloseness);
    expect(groupMetricTable.accuracy.overallValue(dense)).toBe(dense.overall.accuracy);
    expect(groupMetricTable.excessLoss.overallValue(dense)).toBeNull();
  });

  it('titles, labels and formats in the paper\'s words', () => {
    const g = groupMetricTable.gradNorm;
    expect(groupMetricTitle(g)).toBe('Per-group gradient norm');
    expect(groupMetricLabel(g)).toBe('gradient norm ||g_a||');
    expect(groupMetricAxis(g)).toBe('||g_a||');
    expect(groupMetricAxis(groupMetricTable.accuracy)).toBe('accuracy');
    expect(groupMetricTable.accuracy.format(0.912)).toBe('91%');
    expect(groupMetricTable.accuracyChange.format(-0.034)).toBe('-3.4 pp');
    expect(groupMetrics.filter((m) => m.cli).map((m) => m.id)).toEqual(['accuracy', 'excessLoss', 'gradNorm', 'hessianMax', 'theorem1Bound']);
    expect(groupMetricTable.trainSize.symbol).toBe('|D_a|');
  });
});
