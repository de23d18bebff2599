import type { MeanStd } from '../engine/contract/mean-std';

// How the CLI writes a number in its text tables: fixed decimals so a column's digits line up, '-' for nothing measured.

/** A pruning rate as a column or row label: 0.5 → "50%", 0.125 → "12.5%". */
export const pct = (rate: number) => `${Math.round(rate * 1000) / 10}%`;

/** "0.912" for one seed, "0.912±0.010" for several, "-" for none. */
export function meanStdCell(s: MeanStd, digits = 3): string {
  if (s.n === 0) return '-';
  return s.n > 1 ? `${s.mean.toFixed(digits)}±${s.std.toFixed(digits)}` : s.mean.toFixed(digits);
}

/** A wall time given in ms, as seconds with one decimal. */
export const secondsCell = (s: MeanStd): string => meanStdCell({ mean: s.mean / 1000, std: s.std / 1000, n: s.n }, 1);
