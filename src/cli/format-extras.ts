import { sameRate } from '../engine/contract/config';
import type { Interval, Results } from '../engine/contract/results';
import { excessAccuracyGaps } from '../engine/contract/excess-gap';
import { meanStd } from '../engine/contract/mean-std';
import { pieSummary } from '../engine/contract/pies';
import { denseRunOf, theorem1Terms } from '../engine/contract/theorem1-terms';
import { meanStdCell, pct } from './format-cells';
import { textTable } from './text-table';

// The CLI's tables beyond the paper: Theorem 1 term by term, pruning identified exemplars per group, ceag's checks.

/** " [0.812, 0.871]": the mean over seeds of each seed's bootstrap interval ends; '' when none was computed. */
export function intervalNote(intervals: Array<Interval | null>, digits = 3): string {
  const got = intervals.filter((i): i is Interval => i !== null);
  if (got.length === 0) return '';
  return ` [${meanStd(got.map((i) => i.low)).mean.toFixed(digits)}, ${meanStd(got.map((i) => i.high)).mean.toFixed(digits)}]`;
}

const modeRates = (results: Results) => {
  const seen = new Map<string, { mode: Results['runs'][number]['mode']; version: Results['runs'][number]['version']; rate: number }>();
  for (const r of results.runs) if (r.rate > 0) seen.set(`${r.mode}/${r.version}/${r.rate}`, { mode: r.mode, version: r.version, rate: r.rate });
  return [...seen.values()].sort((a, b) => a.mode.localeCompare(b.mode) || (a.version ?? '').localeCompare(b.version ?? '') || a.rate - b.rate);
};

/** Theorem 1 term by term per group (mean ± sd over seeds); '' when λ(H_a) was not computed. */
export function formatTheorem1Terms(results: Results): string {
  const rows: string[][] = [];
  for (const { mode, version, rate } of modeRates(results)) {
    const runs = results.runs.filter((r) => r.mode === mode && r.version === version && sameRate(r.rate, rate));
    const terms = runs.map((r) => theorem1Terms(r, denseRunOf(results.runs, r)));
    if (terms.every((t) => t.length === 0)) continue;
    results.dataset.groupNames.forEach((name, a) => {
      const of = (f: (t: ReturnType<typeof theorem1Terms>[number]) => number) => meanStdCell(meanStd(terms.map((t) => t.find((x) => x.group === a)).map((t) => (t ? f(t) : null))), 4);
      rows.push([`${mode}${version ? ` (${version})` : ''} ${pct(rate)}`, name, of((t) => t.distance), of((t) => t.gradientTerm), of((t) => t.curvatureTerm), of((t) => t.bound), of((t) => t.measured)]);
    });
  }
  if (rows.length === 0) return '';
  return [
    'Theorem 1 term by term (training split; g_a and λ(H_a) of the dense model): R(a) ≤ ||g_a||·||θ̄−θ̂|| + ½λ(H_a)·||θ̄−θ̂||²',
    textTable(['mode rate', 'group', '||θ̄−θ̂||', '||g_a||·||θ̄−θ̂||', '½λ(H_a)·||θ̄−θ̂||²', 'bound', 'measured R(a)'], rows),
  ].join('\n');
}

/** Pruning identified exemplars per group: count (share of the group's test samples); '' without pruned runs. */
export function formatPies(results: Results): string {
  const names = results.dataset.groupNames;
  const rows: string[][] = [];
  let seeds = 0;
  for (const { mode, version, rate } of modeRates(results)) {
    const s = pieSummary(results, mode, rate, version);
    if (!s) continue;
    seeds = Math.max(seeds, s.seeds);
    rows.push([`${mode}${version ? ` (${version})` : ''} ${pct(rate)}`, ...s.groups.map((g, a) => `${g.length} (${(100 * s.share[a]).toFixed(1)}%)`)]);
  }
  if (rows.length === 0) return '';
  const rule = seeds > 1 ? `prediction changed in more than half of ${seeds} seeds` : 'prediction changed';
  return [`Pruning identified exemplars per group: test images whose ${rule} between the dense and the pruned model (share of the group's test images)`, textTable(['mode rate', ...names], rows)].join('\n');
}

/** ceag's constraint per group, ψ_g ≤ ε on the training split, pass/fail per seed; '' without ceag runs. */
export function formatCeagChecks(results: Results): string {
  const eps = results.config.mitigation.gapTolerance;
  const rows: string[][] = [];
  for (const { mode, version, rate } of modeRates(results)) {
    if (version !== 'ceag') continue;
    const runs = results.runs.filter((r) => r.mode === mode && r.version === version && sameRate(r.rate, rate));
    const gaps = runs.flatMap((r) => {
      // The dense model this run was pruned from, the reference its fine-tuning constrained against.
      const dense = denseRunOf(results.runs, r);
      return dense ? [excessAccuracyGaps(r, dense, eps)] : [];
    });
    if (gaps.length === 0) continue;
    rows.push([
      `${mode} ${pct(rate)}`,
      ...results.dataset.groupNames.map((_, a) => {
        const psi = gaps.map((g) => g[a].psi);
        const passed = gaps.filter((g) => g[a].pass).length;
        return `${meanStdCell(meanStd(psi))} ${passed === gaps.length ? 'pass' : `FAIL (${gaps.length - passed}/${gaps.length})`}`;
      }),
    ]);
  }
  if (rows.length === 0) return '';
  return [
    `ceag constraint per group: ψ_g = (dense − pruned accuracy of g) − (the same overall) ≤ ε = ${eps}, training split, against the dense model each run was pruned from`,
    textTable(['mode rate', ...results.dataset.groupNames], rows),
  ].join('\n');
}
