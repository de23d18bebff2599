import type { Results } from '../engine/contract/results';

const HEADER = [
  'seed', 'mode', 'version', 'rate', 'sparsity', 'param_distance', 'overall_accuracy', 'fairness_violation', 'excess_loss_gap',
  'group', 'group_name', 'test_size', 'train_size', 'accuracy', 'loss', 'excess_loss', 'accuracy_change', 'boundary_closeness',
  'grad_norm', 'hessian_eigenvalue', 'theorem1_bound',
];

const cell = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** One row per (seed, mode, rate, group): the flat table spreadsheets and pandas read. */
export function resultsToCsv(results: Results): string {
  const lines = [HEADER.join(',')];
  for (const r of results.runs) {
    for (const g of r.groups) {
      lines.push([
        r.seed, r.mode, r.version, r.rate, r.sparsity, r.paramDistance, r.overall.accuracy, r.fairnessViolation, r.excessLossGap,
        g.group, g.name, g.testSize, g.trainSize, g.accuracy, g.loss, g.excessLoss, g.accuracyChange, g.boundaryCloseness,
        g.gradNorm, g.hessianMax?.value, g.theorem1Bound,
      ].map(cell).join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}
