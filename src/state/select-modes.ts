import { meanOrNull, meanStd, type MeanStd } from '../engine/contract/mean-std';
import type { Results, RunResult } from '../engine/contract/results';
import { table2 } from '../engine/contract/summary-tables';
import { measuredRates, runsOf, variantsOf, type Variant } from './select-runs';

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

/** One row of the page's Table 2: a sweep at one measured rate (the contract's Table 2, one cell per row, dense included). */
export interface Table2RateRow {
  variant: Variant;
  rate: number;
  accuracy: MeanStd;
  fairnessViolation: MeanStd;
  excessLossGap: MeanStd;
}

/** Table 2's shape: for each mode and rate, overall accuracy and fairness violation (mean ± sd over seeds) and ξ. */
export function table2Rows(results: Results | null): Table2RateRow[] {
  if (!results) return [];
  const t = table2(results, { withDense: true });
  const variants = variantsOf(results);
  return t.rows.flatMap((row) => {
    const variant = variants.find((v) => v.mode === row.mode && v.version === row.version);
    if (!variant) return [];
    const measured = measuredRates(results, variant.key);
    return t.rates.flatMap((rate, i) =>
      measured.includes(rate) ? [{ variant, rate, accuracy: row.accuracy[i], fairnessViolation: row.fairnessViolation[i], excessLossGap: row.excessLossGap[i] }] : [],
    );
  });
}
