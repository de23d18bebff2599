import { sameRate } from '../engine/contract/config';
import { excessAccuracyGaps } from '../engine/contract/excess-gap';
import { meanStd } from '../engine/contract/mean-std';
import type { Results } from '../engine/contract/results';
import { denseRunOf } from '../engine/contract/theorem1-terms';
import { runsOf, type VariantKey } from './select-runs';

/** One chart row: the position in the trajectory (dense phase, then fine-tuning) and λ_c per constraint as `l<c>`. */
export type MultiplierRow = { at: number; phase: string } & Record<string, number | string>;

/**
 * The multipliers of the first seed's run of a sweep at a rate, dense phase then fine-tuning, one row per dual
 * update; [] for an unmitigated sweep. Constraint c is a group (relaxed, ceag) or, for full, the G gradient-norm
 * constraints then the G eigenvalue ones.
 */
export function multiplierRows(results: Results | null, key: VariantKey, rate: number): { rows: MultiplierRow[]; constraints: number } {
  const run = runsOf(results, key).find((r) => sameRate(r.rate, rate) && r.multipliers.length > 0);
  if (!run) return { rows: [], constraints: 0 };
  const rows = run.multipliers.map((m, i) => {
    const row: MultiplierRow = { at: i + 1, phase: m.phase };
    m.lambda.forEach((l, c) => (row[`l${c}`] = l));
    return row;
  });
  return { rows, constraints: run.multipliers[0].lambda.length };
}

export interface CeagCheck {
  group: number;
  /** Mean ψ_g over seeds. */
  psi: number;
  passed: number;
  seeds: number;
}

/** ceag's constraint per group at a rate of a ceag sweep; [] for other sweeps or rate 0. */
export function ceagChecks(results: Results | null, key: VariantKey, rate: number): CeagCheck[] {
  if (!results || rate === 0) return [];
  const runs = runsOf(results, key).filter((r) => r.version === 'ceag' && sameRate(r.rate, rate));
  const eps = results.config.mitigation.gapTolerance;
  const gaps = runs.flatMap((r) => {
    const dense = denseRunOf(results.runs, r);
    return dense ? [excessAccuracyGaps(r, dense, eps)] : [];
  });
  if (gaps.length === 0) return [];
  return gaps[0].map((_, a) => ({ group: a, psi: meanStd(gaps.map((g) => g[a].psi)).mean, passed: gaps.filter((g) => g[a].pass).length, seeds: gaps.length }));
}
