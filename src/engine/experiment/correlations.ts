import { groupMetricAxis, groupMetricLabel, groupMetricTable, type GroupMetricId } from '../contract/group-metrics';
import type { Correlation, CorrelationId, RunResult } from '../contract/results';
import { spearman } from '../metrics/spearman';

interface CorrelationSpec {
  id: CorrelationId;
  label: string;
  /** The two per-group metrics, x against y; their axis labels come from the metric table. */
  x: GroupMetricId;
  y: GroupMetricId;
  /** Which runs contribute points: the dense models only, or every rate. */
  over: 'dense' | 'all-rates';
}

/** The relations the paper reports, each as Spearman's rho over (group, rate, seed) points. */
export const correlationSpecs: CorrelationSpec[] = [
  { id: 'size-gradnorm', label: 'Group size vs gradient norm (Prop. 1, Fig. 2)', x: 'trainSize', y: 'gradNorm', over: 'dense' },
  { id: 'accuracy-gradnorm', label: 'Accuracy vs gradient norm (Prop. 2, Fig. 3)', x: 'accuracy', y: 'gradNorm', over: 'all-rates' },
  { id: 'hessian-boundary', label: 'λ(H_a) vs boundary closeness (Thm. 2, Fig. 5)', x: 'boundaryCloseness', y: 'hessianMax', over: 'all-rates' },
  { id: 'hessian-accuracy', label: 'λ(H_a) vs accuracy (Thm. 2, Fig. 5)', x: 'accuracy', y: 'hessianMax', over: 'all-rates' },
  { id: 'hessian-gradnorm', label: 'λ(H_a) vs gradient norm (Fig. 6)', x: 'gradNorm', y: 'hessianMax', over: 'all-rates' },
];

/** Correlations over the runs of the unmitigated sweep (mode 'none', or the first mode present). */
export function computeCorrelations(runs: RunResult[]): Correlation[] {
  const mode = runs.some((r) => r.mode === 'none') ? 'none' : runs[0]?.mode;
  const pool = runs.filter((r) => r.mode === mode);
  return correlationSpecs.map((c) => {
    const [mx, my] = [groupMetricTable[c.x], groupMetricTable[c.y]];
    const points: Correlation['points'] = [];
    for (const r of pool) {
      if (c.over === 'dense' && r.rate !== 0) continue;
      for (const g of r.groups) {
        // λ(H_a) is null where the Hessian was not computed: such a group has no point.
        const [x, y] = [mx.value(g), my.value(g)];
        if (x !== null && y !== null && Number.isFinite(x) && Number.isFinite(y)) points.push({ x, y, group: g.group, rate: r.rate, seed: r.seed });
      }
    }
    // x runs along the chart's width and gets the name with the symbol; y is a rotated axis label, the symbol fits.
    return { id: c.id, label: c.label, x: groupMetricLabel(mx), y: groupMetricAxis(my), rho: spearman(points.map((p) => p.x), points.map((p) => p.y)), points };
  });
}
