import { groupMetricTable, type GroupMetricId } from '../engine/contract/group-metrics';
import { meanOrNull, meanStd, sdBand } from '../engine/contract/mean-std';
import type { Interval, Results, RunResult } from '../engine/contract/results';
import { groupsOf, runsOf, type VariantKey } from './select-runs';

/**
 * One chart row per rate: `g<a>` the mean over seeds of group a, `g<a>band` [mean - sd, mean + sd], `g<a>err` the
 * bootstrap interval over test samples (ends averaged over seeds) as [below, above] the mean, for an error bar.
 */
export type SeriesRow = { rate: number } & Record<string, number | [number, number] | null>;

export const seriesKey = (group: number) => `g${group}`;
export const bandKey = (group: number) => `g${group}band`;
export const errorKey = (group: number) => `g${group}err`;

/** Rows of one per-group metric against the pruning rate, for the runs of one mode (mean and band over seeds). */
export function groupSeriesRows(results: Results | null, mode: VariantKey, metric: GroupMetricId): SeriesRow[] {
  return rowsFromRuns(runsOf(results, mode), groupsOf(results).map((g) => g.group), metric);
}

export function rowsFromRuns(runs: RunResult[], groups: number[], metric: GroupMetricId): SeriesRow[] {
  const byRate = new Map<number, RunResult[]>();
  for (const r of runs) byRate.set(r.rate, [...(byRate.get(r.rate) ?? []), r]);
  return [...byRate.keys()]
    .sort((a, b) => a - b)
    .map((rate) => {
      const row: SeriesRow = { rate };
      for (const a of groups) {
        const gs = (byRate.get(rate) as RunResult[]).map((r) => r.groups.find((x) => x.group === a) ?? null);
        const s = meanStd(gs.map((g) => (g ? groupMetricTable[metric].value(g) : null)));
        row[seriesKey(a)] = meanOrNull(s);
        row[bandKey(a)] = sdBand(s);
        row[errorKey(a)] = errorBar(s.mean, gs.map((g) => (g ? groupMetricTable[metric].interval(g) : null)));
      }
      return row;
    });
}

/** The interval's ends averaged over seeds, as distances below and above the mean; null without intervals. */
function errorBar(mean: number, intervals: Array<Interval | null>): [number, number] | null {
  const got = intervals.filter((i): i is Interval => i !== null);
  if (got.length === 0 || !Number.isFinite(mean)) return null;
  const low = meanStd(got.map((i) => i.low)).mean;
  const high = meanStd(got.map((i) => i.high)).mean;
  return [Math.max(0, mean - low), Math.max(0, high - mean)];
}

/** The groups with a value under `key` in some row: a band or an error bar mounted for another would draw nothing. */
export const groupsWith = (rows: SeriesRow[], groups: number[], key: (group: number) => string): number[] => groups.filter((a) => rows.some((r) => r[key(a)] != null));

/** Whether any group has a value for the metric (λ(H_a) is absent when the Hessian is off). */
export const hasMetric = (rows: SeriesRow[]) => rows.some((r) => Object.entries(r).some(([k, v]) => k !== 'rate' && typeof v === 'number'));
