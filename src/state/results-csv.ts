import { groupMetrics } from '../engine/contract/group-metrics';
import type { Results, RunResult } from '../engine/contract/results';

/** The run's columns, repeated on each of its group rows. */
const RUN_COLUMNS: Array<[string, (r: RunResult) => unknown]> = [
  ['seed', (r) => r.seed],
  ['mode', (r) => r.mode],
  ['version', (r) => r.version],
  ['rate', (r) => r.rate],
  ['sparsity', (r) => r.sparsity],
  ['param_distance', (r) => r.paramDistance],
  ['overall_accuracy', (r) => r.overall.accuracy],
  ['fairness_violation', (r) => r.fairnessViolation],
  ['excess_loss_gap', (r) => r.excessLossGap],
];

const HEADER = [...RUN_COLUMNS.map(([name]) => name), 'group', 'group_name', ...groupMetrics.flatMap((m) => [m.csvColumn, ...m.detailColumns.map((d) => d.column)])];

/**
 * One CSV field. Text that a spreadsheet would run as a formula (a group name from an imported file such as
 * "=HYPERLINK(...)") gets a leading apostrophe, which spreadsheets show as text; numbers are written as they are, so
 * a negative number keeps its minus sign.
 */
const cell = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** One row per (seed, mode, rate, group): the flat table spreadsheets and pandas read; a column per per-group metric. */
export function resultsToCsv(results: Results): string {
  const lines = [HEADER.join(',')];
  for (const r of results.runs) {
    const run = RUN_COLUMNS.map(([, pick]) => pick(r));
    for (const g of r.groups) lines.push([...run, g.group, g.name, ...groupMetrics.flatMap((m) => [m.value(g), ...m.detailColumns.map((d) => d.value(g))])].map(cell).join(','));
  }
  return `${lines.join('\n')}\n`;
}
