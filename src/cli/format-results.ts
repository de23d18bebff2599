import { groupMetricLabel, groupMetrics, type GroupMetricInfo } from '../engine/contract/group-metrics';
import { hessianSampling } from '../engine/contract/hessian-sampling';
import type { HessianEstimate, Results, RunResult } from '../engine/contract/results';
import { meanStd } from '../engine/contract/mean-std';
import { meanStdCell, pct } from './format-cells';
import { formatCeagChecks, formatPies, formatTheorem1Terms, intervalNote } from './format-extras';
import { textTable } from './text-table';

/** Mean ± sd over seeds of the values that were measured (λ(H_a) is null where the Hessian was off), as a cell. */
const cell = (values: Array<number | null>) => meanStdCell(meanStd(values));

/**
 * Runs by variant and rate. A variant is the mode, with its mitigation version where a mode ran with several (when
 * versions are compared): pooling relaxed, full and ceag into one "after" row averaged the three methods together.
 */
function byModeAndRate(results: Results): Map<string, Map<number, RunResult[]>> {
  const versions = new Map<string, Set<string | null>>();
  for (const r of results.runs) versions.set(r.mode, (versions.get(r.mode) ?? new Set()).add(r.version));
  const out = new Map<string, Map<number, RunResult[]>>();
  for (const r of results.runs) {
    const key = (versions.get(r.mode)?.size ?? 0) > 1 && r.version ? `${r.mode} (${r.version})` : r.mode;
    const m = out.get(key) ?? new Map<number, RunResult[]>();
    m.set(r.rate, [...(m.get(r.rate) ?? []), r]);
    out.set(key, m);
  }
  return out;
}

/**
 * λ(H_a)'s spread over sample draws where its group was subsampled: " (1.100-1.310 over 3 draws)", the range over the
 * draws of every seed ("per seed" with more than one); '' for other metrics and for whole groups.
 */
function spreadNote(m: GroupMetricInfo, estimates: Array<HessianEstimate | null>): string {
  if (m.id !== 'hessianMax') return '';
  const spreads = estimates.map((h) => h?.drawSpread ?? null).filter((s) => s !== null);
  if (spreads.length === 0) return '';
  const lo = Math.min(...spreads.map((s) => s.min));
  const hi = Math.max(...spreads.map((s) => s.max));
  return ` (${lo.toFixed(3)}-${hi.toFixed(3)} over ${spreads[0].draws} draws${spreads.length > 1 ? ' per seed' : ''})`;
}

/** One table per mode for a per-group metric: a row per pruning rate, a column per group (mean ± std over seeds). */
function groupTable(results: Results, m: GroupMetricInfo): string[] {
  const sampling = m.usesHessian ? hessianSampling(results) : null;
  const note = !sampling?.computed ? '' : m.id === 'hessianMax' ? `; samples: ${sampling.text}` : sampling.subsampled ? `; with the subsampled λ(H_a) (${sampling.text})` : '';
  const names = results.dataset.groupNames;
  const overall = m.overall !== null;
  const out: string[] = [];
  for (const [mode, rates] of byModeAndRate(results)) {
    const rows = [...rates.entries()].sort((a, b) => a[0] - b[0]).map(([rate, runs]) => {
      const cells = names.map(
        (_, a) =>
          cell(runs.map((r) => m.value(r.groups[a]))) +
          intervalNote(runs.map((r) => (r.groups[a] ? m.interval(r.groups[a]) : null))) +
          spreadNote(m, runs.map((r) => r.groups[a]?.hessianMax ?? null)),
      );
      const overallCell = () => cell(runs.map(m.overallValue)) + spreadNote(m, runs.map((r) => r.overall.hessianMax));
      return [pct(rate), ...cells, ...(overall ? [overallCell()] : [])];
    });
    if (rows.every((r) => r.slice(1).every((c) => c === '-'))) continue;
    const boot = results.config.uncertainty;
    const ci = rows.some((r) => r.some((c) => c.includes('['))) ? `; [bootstrap ${Math.round(boot.level * 100)}% interval over test samples, ${boot.bootstrap} draws, ends averaged over seeds]` : '';
    out.push(`Per-group ${groupMetricLabel(m)} on the ${m.split} split (mode ${mode})${note}${ci}`, textTable(['rate', ...names, ...(overall ? ['overall'] : [])], rows), '');
  }
  return out;
}

/** A line when some λ(H_a) estimates ran out of iterations before their residual reached the tolerance; else null. */
export function hessianConvergenceNote(results: Results): string | null {
  const all = results.runs.flatMap((r) => [...r.groups.map((g) => g.hessianMax), r.overall.hessianMax]).filter((h) => h !== null);
  const missed = all.filter((h) => !h.converged && h.samples > 0);
  if (missed.length === 0) return null;
  const worst = Math.max(...missed.map((h) => h.residual ?? 0));
  return `note: ${missed.length} of ${all.length} λ(H_a) estimates did not converge in hessian.maxIterations = ${results.config.hessian.maxIterations} (largest relative residual ‖Hv − λv‖/|λ| ${worst.toExponential(1)}, tolerance ${results.config.hessian.tolerance}); raise it for them`;
}

/** The CLI's summary: a per-group table of each metric the metric table marks for it, fairness and the paper's correlations. */
export function formatResults(results: Results): string {
  const lines: string[] = [
    `data: ${results.dataset.name}; train sizes ${results.dataset.trainSizes.join('/')}, test sizes ${results.dataset.testSizes.join('/')}; backend ${results.backend.name}${results.backend.fallbackReason ? ` (${results.backend.fallbackReason})` : ''}`,
    '',
    ...groupMetrics.filter((m) => m.cli).flatMap((m) => groupTable(results, m)),
  ];
  const unconverged = hessianConvergenceNote(results);
  if (unconverged) lines.push(unconverged, '');
  const fairnessRows: string[][] = [];
  for (const [mode, rates] of byModeAndRate(results)) {
    for (const [rate, runs] of [...rates.entries()].sort((a, b) => a[0] - b[0])) {
      fairnessRows.push([`${mode} ${pct(rate)}`, cell(runs.map((r) => r.overall.accuracy)), cell(runs.map((r) => r.fairnessViolation)) + intervalNote(runs.map((r) => r.fairnessViolationInterval)), cell(runs.map((r) => r.excessLossGap)), cell(runs.map((r) => r.sparsity))]);
    }
  }
  lines.push('Fairness', textTable(['mode rate', 'accuracy', 'violation (max-min acc)', 'ξ (Eq. 3)', 'sparsity'], fairnessRows), '');
  const corr = results.correlations.filter((c) => c.points.length > 0);
  if (corr.length) {
    lines.push('Correlations (Spearman rho over group points; a rho on few groups says little)');
    lines.push(textTable(['relation', 'rho', 'points', 'groups'], corr.map((c) => [c.label, c.rho === null ? 'n/a' : c.rho.toFixed(3), String(c.points.length), String(new Set(c.points.map((p) => p.group)).size)])), '');
  }
  for (const extra of [formatTheorem1Terms(results), formatPies(results), formatCeagChecks(results)]) if (extra) lines.push(extra, '');
  if (results.status !== 'complete') lines.push(`RUN ${results.status.toUpperCase()}: ${results.error ?? ''}`);
  return lines.join('\n');
}
