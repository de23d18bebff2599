import type { Results, RunResult } from '../engine/contract/results';
import { meanStd, textTable } from './text-table';

const pct = (r: number) => `${Math.round(r * 1000) / 10}%`;

function byModeAndRate(results: Results): Map<string, Map<number, RunResult[]>> {
  const out = new Map<string, Map<number, RunResult[]>>();
  for (const r of results.runs) {
    const m = out.get(r.mode) ?? new Map<number, RunResult[]>();
    m.set(r.rate, [...(m.get(r.rate) ?? []), r]);
    out.set(r.mode, m);
  }
  return out;
}

/** One table per mode and metric: a row per pruning rate, a column per group (mean ± std over seeds). */
function groupTable(results: Results, title: string, pick: (r: RunResult, a: number) => number | null, withOverall?: (r: RunResult) => number): string[] {
  const names = results.dataset.groupNames;
  const out: string[] = [];
  for (const [mode, rates] of byModeAndRate(results)) {
    const rows = [...rates.entries()].sort((a, b) => a[0] - b[0]).map(([rate, runs]) => {
      const cells = names.map((_, a) => meanStd(runs.map((r) => pick(r, a)).filter((v): v is number => v !== null && Number.isFinite(v))));
      return [pct(rate), ...cells, ...(withOverall ? [meanStd(runs.map(withOverall))] : [])];
    });
    if (rows.every((r) => r.slice(1).every((c) => c === '-'))) continue;
    out.push(`${title} (mode ${mode})`, textTable(['rate', ...names, ...(withOverall ? ['overall'] : [])], rows), '');
  }
  return out;
}

/** The CLI's summary: group accuracies, gradient norms, λ(H_a), fairness and the paper's correlations. */
export function formatResults(results: Results): string {
  const lines: string[] = [
    `data: ${results.dataset.name}; train sizes ${results.dataset.trainSizes.join('/')}, test sizes ${results.dataset.testSizes.join('/')}; backend ${results.backend.name}${results.backend.fallbackReason ? ` (${results.backend.fallbackReason})` : ''}`,
    '',
    ...groupTable(results, 'Test accuracy per group', (r, a) => r.groups[a].accuracy, (r) => r.overall.accuracy),
    ...groupTable(results, 'Gradient norm ||g_a|| per group (train)', (r, a) => r.groups[a].gradNorm, (r) => r.overall.gradNorm ?? NaN),
    ...groupTable(results, 'Hessian max eigenvalue λ(H_a) per group (train)', (r, a) => r.groups[a].hessianMax?.value ?? null),
    ...groupTable(results, 'Excess loss R(a) per group (test)', (r, a) => r.groups[a].excessLoss),
    ...groupTable(results, 'Theorem 1 bound per group (vs train R(a))', (r, a) => r.groups[a].theorem1Bound),
  ];
  const fairnessRows: string[][] = [];
  for (const [mode, rates] of byModeAndRate(results)) {
    for (const [rate, runs] of [...rates.entries()].sort((a, b) => a[0] - b[0])) {
      fairnessRows.push([`${mode} ${pct(rate)}`, meanStd(runs.map((r) => r.overall.accuracy)), meanStd(runs.map((r) => r.fairnessViolation)), meanStd(runs.map((r) => r.excessLossGap)), meanStd(runs.map((r) => r.sparsity))]);
    }
  }
  lines.push('Fairness', textTable(['mode rate', 'accuracy', 'violation (max-min acc)', 'ξ (Eq. 3)', 'sparsity'], fairnessRows), '');
  const corr = results.correlations.filter((c) => c.points.length > 0);
  if (corr.length) {
    lines.push('Correlations (Spearman rho over group points)');
    lines.push(textTable(['relation', 'rho', 'points'], corr.map((c) => [c.label, c.rho === null ? 'n/a' : c.rho.toFixed(3), String(c.points.length)])), '');
  }
  if (results.status !== 'complete') lines.push(`RUN ${results.status.toUpperCase()}: ${results.error ?? ''}`);
  return lines.join('\n');
}
