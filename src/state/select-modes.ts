import type { MitigationMode } from '../engine/experiment/config';
import type { Results, RunResult } from '../engine/experiment/results';
import { measuredRates, modesPresent, runsOf } from './select-runs';
import { summarize, type Summary } from './stats';

export type ModeMetric = 'accuracy' | 'accuracyGap' | 'excessLossGap';

const pick: Record<ModeMetric, (r: RunResult) => number> = {
  accuracy: (r) => r.overall.accuracy,
  accuracyGap: (r) => r.fairness.accuracyGap,
  excessLossGap: (r) => r.fairness.excessLossGap,
};

/** One row per rate, a key per mode with the mean over seeds (Figs. 8-9: accuracy and fairness violation vs rate). */
export function modeRows(results: Results | null, metric: ModeMetric): Array<{ rate: number } & Partial<Record<MitigationMode, number | null>>> {
  const modes = modesPresent(results);
  const rates = [...new Set(modes.flatMap((m) => measuredRates(results, m)))].sort((a, b) => a - b);
  return rates.map((rate) => {
    const row: { rate: number } & Partial<Record<MitigationMode, number | null>> = { rate };
    for (const m of modes) row[m] = summarize(runsOf(results, m).filter((r) => r.rate === rate).map(pick[metric]))?.mean ?? null;
    return row;
  });
}

export interface Table2Row {
  mode: MitigationMode;
  rate: number;
  accuracy: Summary | null;
  accuracyGap: Summary | null;
  excessLossGap: Summary | null;
}

/** Table 2's shape: for each mode and rate, overall accuracy and fairness violation (mean ± sd over seeds) and ξ. */
export function table2Rows(results: Results | null): Table2Row[] {
  return modesPresent(results).flatMap((mode) =>
    measuredRates(results, mode).map((rate) => {
      const runs = runsOf(results, mode).filter((r) => r.rate === rate);
      return {
        mode,
        rate,
        accuracy: summarize(runs.map(pick.accuracy)),
        accuracyGap: summarize(runs.map(pick.accuracyGap)),
        excessLossGap: summarize(runs.map(pick.excessLossGap)),
      };
    }),
  );
}
