/** A plain-text table with right-aligned columns (first column left-aligned). */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const fmt = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [fmt(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt)].join('\n');
}

export const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;

export const std = (v: number[]) => {
  if (v.length < 2) return 0;
  const m = mean(v);
  return Math.sqrt(v.reduce((s, x) => s + (x - m) ** 2, 0) / (v.length - 1));
};

/** "0.912" for one seed, "0.912±0.010" for several. */
export function meanStd(v: number[], digits = 3): string {
  if (!v.length) return '-';
  return v.length > 1 ? `${mean(v).toFixed(digits)}±${std(v).toFixed(digits)}` : mean(v).toFixed(digits);
}
