import type { ImageCollection } from '../engine/data/sources/image-collection';

/** What a user-data loader read, for stderr: counts, time, and the skipped files with their reasons (the first 10). */
export function formatLoadReport(c: ImageCollection, dir: string): string {
  const { report } = c;
  const lines = [`read ${report.read} ${c.source} images (${c.side}×${c.side} RGB) from ${dir} in ${(report.ms / 1000).toFixed(1)} s; skipped ${report.skipped.length} files`];
  for (const s of report.skipped.slice(0, 10)) lines.push(`  skipped ${s.path}: ${s.reason}`);
  if (report.skipped.length > 10) lines.push(`  ... and ${report.skipped.length - 10} more`);
  lines.push(`  images per ${Object.keys(c.attributes).slice(0, 2).join(' × ')}: ${Object.entries(report.counts).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  return `${lines.join('\n')}\n`;
}
