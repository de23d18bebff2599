/** Mean and a band over seeds: mean ± one standard deviation (sample sd; zero width with one seed). */
export interface Summary {
  mean: number;
  lo: number;
  hi: number;
  n: number;
}

export function summarize(values: Array<number | null | undefined>): Summary | null {
  const xs = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (xs.length === 0) return null;
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const sd = xs.length > 1 ? Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1)) : 0;
  return { mean, lo: mean - sd, hi: mean + sd, n: xs.length };
}
