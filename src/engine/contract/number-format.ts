// How a measured number is written for people: the page's charts and tables, and the metric table's formatters.
// A missing or non-finite value is an en dash, never "NaN".

const missing = (v: number | null | undefined): v is null | undefined => v === null || v === undefined || !Number.isFinite(v);

/** A fraction as a percentage: 0.912 → "91%" (digits = 0) or "91.2%". */
export const pct = (v: number | null | undefined, digits = 0) => (missing(v) ? '–' : `${(v * 100).toFixed(digits)}%`);

/** Signed percentage points, for accuracy changes: -0.034 → "-3.4 pp". */
export const pp = (v: number | null | undefined, digits = 1) => (missing(v) ? '–' : `${v > 0 ? '+' : ''}${(v * 100).toFixed(digits)} pp`);

/** A number to `digits` significant digits, switching to exponent form when it is tiny or huge. */
export function num(v: number | null | undefined, digits = 3): string {
  if (missing(v)) return '–';
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e5)) return v.toExponential(2);
  return Number(v.toPrecision(digits)).toString();
}
