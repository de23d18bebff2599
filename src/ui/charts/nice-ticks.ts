/** About `count` round tick values that cover [lo, hi] (steps of 1, 2 or 5 × 10^k), always including 0 when in range. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  const span = hi - lo;
  if (!(span > 0) || !Number.isFinite(span)) return [lo];
  const raw = span / Math.max(1, count - 1);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const ticks: number[] = [];
  // From the last tick at or below lo to the first at or above hi, so the data always fits inside.
  for (let i = Math.floor(lo / step + 1e-9); ; i++) {
    ticks.push(Number((i * step).toPrecision(12)));
    if (i * step >= hi - step * 1e-9) break;
  }
  return ticks;
}
