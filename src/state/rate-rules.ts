import { MAX_PRUNING_RATE, sameRate, type Config } from '../engine/contract/config';
import type { RunResult } from '../engine/contract/results';
import type { VariantKey } from './select-runs';

// The pruning rate on its way from the slider to the charts: every rule about it is written once, here.

/** How far the slider snaps to a measured rate: a drag that lands within 2 points of one selects it. */
const SNAP_TOLERANCE = 0.02;

/** The measured rate the slider snaps to: the nearest within SNAP_TOLERANCE of value, else null. */
export function snapRate(rates: number[], value: number, tolerance = SNAP_TOLERANCE): number | null {
  // Exactly `tolerance` away still snaps, with sameRate's float slack (0.52 − 0.5 is a hair above 0.02).
  const near = (d: number) => d <= tolerance || sameRate(d, tolerance);
  let best: number | null = null;
  for (const r of rates) if (near(Math.abs(r - value)) && (best === null || Math.abs(r - value) < Math.abs(best - value))) best = r;
  return best;
}

/** An unmeasured rate the slider selects, on the slider's 1% grid. */
export const sliderRate = (value: number): number => Math.round(value * 100) / 100;

/** The slider's fine step (Shift + arrow): 1%. */
export const RATE_STEP = 0.01;

/**
 * Shift + arrow: one fine step from `rate` in direction `dir`, on the 1% grid and within the slider's range. The
 * result must be selected as is: snapping it would put it back on the measured rate it started from.
 */
export const steppedRate = (rate: number, dir: 1 | -1): number => Math.min(MAX_PRUNING_RATE, Math.max(0, sliderRate(rate + dir * RATE_STEP)));

/** A plain arrow: the next of `rates` (measured, else planned) past `rate` in direction `dir`; null at either end. */
export function nextRate(rates: number[], rate: number, dir: 1 | -1): number | null {
  const sorted = [...rates].sort((a, b) => a - b);
  const next = dir > 0 ? sorted.find((r) => r > rate && !sameRate(r, rate)) : sorted.reverse().find((r) => r < rate && !sameRate(r, rate));
  return next ?? null;
}

/**
 * Provisional points prune the plain dense model without fine-tuning, so they belong to the unmitigated sweep: the
 * worker is asked for them, and the charts draw them, only when the charts show mode none.
 */
export const provisionalAllowed = (mode: VariantKey): boolean => mode === 'none';

/** Quick prune-and-evaluate points at one unmeasured rate (one run per seed). */
export interface ProvisionalPoint {
  rate: number;
  runs: RunResult[];
}

/** The provisional runs at a rate, if the worker sent them. */
export const provisionalAt = (points: ProvisionalPoint[], rate: number): RunResult[] | null =>
  points.find((p) => sameRate(p.rate, rate))?.runs ?? null;

/** The points with `point` in place of any earlier one at the same rate. */
export const withProvisional = (points: ProvisionalPoint[], point: ProvisionalPoint): ProvisionalPoint[] =>
  [...points.filter((p) => !sameRate(p.rate, point.rate)), point];

/** Whether the selected rate is one the config will measure (the sweep will get there). */
export const isPlannedRate = (config: Config, rate: number): boolean => config.prune.rates.some((r) => sameRate(r, rate));

/** The rate the page views by default: the measured rate nearest 90%, where the Matthew effect shows most. */
const LANDING_RATE = 0.9;

/**
 * The rate to show Results at when they arrive whole (an import, a link's snapshot): the selected rate if it was
 * measured and pruned, else the measured pruned rate nearest 90% (0% is the dense model: nothing to compare yet).
 */
export function landingRate(measured: number[], current: number): number {
  const pruned = measured.filter((r) => r > 0);
  if (pruned.length === 0) return current;
  if (pruned.some((r) => sameRate(r, current))) return current;
  return pruned.reduce((b, r) => (Math.abs(r - LANDING_RATE) < Math.abs(b - LANDING_RATE) ? r : b));
}
