// Every number the page and the CLI report over seeds is a mean ± one sample standard deviation: this is the one place
// it is computed, for the summary tables, the CLI's tables and the charts' bands alike.

/** Mean and sample standard deviation over seeds; NaN mean (n = 0) when nothing was measured. */
export interface MeanStd {
  mean: number;
  std: number;
  n: number;
}

/** Skips missing and non-finite values (λ(H_a) where it was not computed, a diverged run); sd 0 for one value. */
export function meanStd(values: ReadonlyArray<number | null | undefined>): MeanStd {
  const v = values.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
  const n = v.length;
  if (n === 0) return { mean: NaN, std: NaN, n: 0 };
  const mean = v.reduce((s, x) => s + x, 0) / n;
  const std = n > 1 ? Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1)) : 0;
  return { mean, std, n };
}

/** The mean, or null when nothing was measured (a chart leaves a gap, a table cell a dash). */
export const meanOrNull = (s: MeanStd): number | null => (s.n > 0 ? s.mean : null);

/** [mean − sd, mean + sd], the band a chart draws; null with fewer than two seeds (no spread to show). */
export const sdBand = (s: MeanStd): [number, number] | null => (s.n > 1 ? [s.mean - s.std, s.mean + s.std] : null);
