import { meanOrNull, type MeanStd } from '../engine/contract/mean-std';
import type { Results } from '../engine/contract/results';
import { table2 } from '../engine/contract/summary-tables';
import { measuredRates, variantsOf, type Variant } from './select-runs';

export type ModeMetric = 'accuracy' | 'fairnessViolation' | 'excessLossGap';

/**
 * One row per rate, a key per sweep (variant key) with the mean over seeds (Figs. 8-9: accuracy and fairness
 * violation vs rate): Table 2's cells rearranged, null where a sweep did not measure that rate.
 */
export function modeRows(results: Results | null, metric: ModeMetric): Array<{ rate: number } & Record<string, number | null>> {
  const variants = variantsOf(results);
  const cells = table2Rows(results);
  const rates = [...new Set(cells.map((c) => c.rate))].sort((a, b) => a - b);
  return rates.map((rate) => {
    const row: { rate: number } & Record<string, number | null> = { rate };
    for (const v of variants) row[v.key] = null;
    for (const c of cells) if (c.rate === rate) row[c.variant.key] = meanOrNull(c[metric]);
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
  wallMs: MeanStd;
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
      measured.includes(rate) ? [{ variant, rate, accuracy: row.accuracy[i], fairnessViolation: row.fairnessViolation[i], excessLossGap: row.excessLossGap[i], wallMs: row.wallMs[i] }] : [],
    );
  });
}
