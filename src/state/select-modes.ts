import type { Results, RunResult } from '../engine/contract/results';
import { measuredRates, runsOf, variantsOf, type Variant } from './select-runs';
import { meanOrNull, meanStd, type MeanStd } from '../engine/contract/mean-std';

export type ModeMetric = 'accuracy' | 'fairnessViolation' | 'excessLossGap';

const pick: Record<ModeMetric, (r: RunResult) => number> = {
  accuracy: (r) => r.overall.accuracy,
  fairnessViolation: (r) => r.fairnessViolation,
  excessLossGap: (r) => r.excessLossGap,
};

/** One row per rate, a key per sweep (variant key) with the mean over seeds (Figs. 8-9: accuracy and fairness violation vs rate). */
export function modeRows(results: Results | null, metric: ModeMetric): Array<{ rate: number } & Record<string, number | null>> {
  const variants = variantsOf(results);
  const rates = [...new Set(variants.flatMap((v) => measuredRates(results, v.key)))].sort((a, b) => a - b);
  return rates.map((rate) => {
    const row: { rate: number } & Record<string, number | null> = { rate };
    for (const v of variants) row[v.key] = meanOrNull(meanStd(runsOf(results, v.key).filter((r) => r.rate === rate).map(pick[metric])));
    return row;
  });
}

export interface Table2Row {
  variant: Variant;
  rate: number;
  accuracy: MeanStd;
  fairnessViolation: MeanStd;
  excessLossGap: MeanStd;
}

/** Table 2's shape: for each mode and rate, overall accuracy and fairness violation (mean ± sd over seeds) and ξ. */
export function table2Rows(results: Results | null): Table2Row[] {
  return variantsOf(results).flatMap((variant) =>
    measuredRates(results, variant.key).map((rate) => {
      const runs = runsOf(results, variant.key).filter((r) => r.rate === rate);
      return {
        variant,
        rate,
        accuracy: meanStd(runs.map(pick.accuracy)),
        fairnessViolation: meanStd(runs.map(pick.fairnessViolation)),
        excessLossGap: meanStd(runs.map(pick.excessLossGap)),
      };
    }),
  );
}
