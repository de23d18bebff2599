// How far a data source has got while it loads (Fashion-MNIST's chunks now; decoded files of user data later):
// the engine reports it, the page draws a bar with an ETA, the CLI may print it.

export interface DataProgress {
  /** What is loading, e.g. "Fashion-MNIST". */
  source: string;
  /** What `done` and `total` count. */
  unit: 'chunks' | 'files' | 'images';
  done: number;
  total: number;
  /** Bytes read so far and in all (null when not known up front). */
  bytes: number;
  totalBytes: number | null;
  /** Since loading began. */
  elapsedMs: number;
}

/** Fraction done in [0, 1], by bytes when their total is known (chunks differ in size), else by count. */
export function progressFraction(p: DataProgress): number {
  const f = p.totalBytes ? p.bytes / p.totalBytes : p.total > 0 ? p.done / p.total : 1;
  return Math.min(1, Math.max(0, f));
}

/** Time left at the rate so far; null before anything is done (no rate yet) and 0 when finished. */
export function etaMs(p: DataProgress): number | null {
  const f = progressFraction(p);
  if (f >= 1) return 0;
  if (f <= 0 || p.elapsedMs <= 0) return null;
  return (p.elapsedMs * (1 - f)) / f;
}

const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;

/** One line for a progress bar or the CLI: "Fashion-MNIST: 3 of 10 chunks (2.4 of 7.9 MB), about 4 s left". */
export function describeDataProgress(p: DataProgress): string {
  const size = p.totalBytes !== null ? ` (${mb(p.bytes)} of ${mb(p.totalBytes)})` : p.bytes > 0 ? ` (${mb(p.bytes)})` : '';
  const eta = etaMs(p);
  const left = eta === null ? '' : eta === 0 ? ', done' : `, about ${Math.max(1, Math.round(eta / 1000))} s left`;
  return `${p.source}: ${p.done} of ${p.total} ${p.unit}${size}${left}`;
}
