import type { Correlation, GroupMetrics, RunResult } from '../contract/results';
import { spearman } from '../metrics/spearman';

interface CorrelationSpec {
  id: string;
  label: string;
  x: string;
  y: string;
  /** Which runs contribute points: the dense models only, or every rate. */
  over: 'dense' | 'all-rates';
  pick: (g: GroupMetrics) => [number, number] | null;
}

const hessian = (g: GroupMetrics) => g.hessianMax?.value ?? null;

/** The relations the paper reports, each as Spearman's rho over (group, rate, seed) points. */
export const correlationSpecs: CorrelationSpec[] = [
  { id: 'size-gradnorm', label: 'Group size vs gradient norm (Prop. 1, Fig. 2)', x: 'group size |D_a|', y: '||g_a||', over: 'dense', pick: (g) => [g.trainSize, g.gradNorm] },
  { id: 'accuracy-gradnorm', label: 'Accuracy vs gradient norm (Prop. 2, Fig. 3)', x: 'accuracy', y: '||g_a||', over: 'all-rates', pick: (g) => [g.accuracy, g.gradNorm] },
  { id: 'hessian-boundary', label: 'λ(H_a) vs boundary closeness (Thm. 2, Fig. 5)', x: 'boundary closeness Σp(1-p)', y: 'λ(H_a)', over: 'all-rates', pick: (g) => (hessian(g) === null ? null : [g.boundaryCloseness, hessian(g) as number]) },
  { id: 'hessian-accuracy', label: 'λ(H_a) vs accuracy (Thm. 2, Fig. 5)', x: 'accuracy', y: 'λ(H_a)', over: 'all-rates', pick: (g) => (hessian(g) === null ? null : [g.accuracy, hessian(g) as number]) },
  { id: 'hessian-gradnorm', label: 'λ(H_a) vs gradient norm (Fig. 6)', x: '||g_a||', y: 'λ(H_a)', over: 'all-rates', pick: (g) => (hessian(g) === null ? null : [g.gradNorm, hessian(g) as number]) },
];

/** Correlations over the runs of the unmitigated sweep (mode 'none', or the first mode present). */
export function computeCorrelations(runs: RunResult[]): Correlation[] {
  const mode = runs.some((r) => r.mode === 'none') ? 'none' : runs[0]?.mode;
  const pool = runs.filter((r) => r.mode === mode);
  return correlationSpecs.map((c) => {
    const points: Correlation['points'] = [];
    for (const r of pool) {
      if (c.over === 'dense' && r.rate !== 0) continue;
      for (const g of r.groups) {
        const xy = c.pick(g);
        if (xy && Number.isFinite(xy[0]) && Number.isFinite(xy[1])) points.push({ x: xy[0], y: xy[1], group: g.group, rate: r.rate, seed: r.seed });
      }
    }
    return { id: c.id, label: c.label, x: c.x, y: c.y, rho: spearman(points.map((p) => p.x), points.map((p) => p.y)), points };
  });
}
