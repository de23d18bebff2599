import type { MitigationMode } from '../engine/contract/config';
import { modeLabels } from '../engine/contract/mode-labels';
import type { Results } from '../engine/contract/results';
import { table1, table2 } from '../engine/contract/summary-tables';
import { meanStdCell, pct, secondsCell } from './format-cells';
import { textTable } from './text-table';

/** Table 2 (modes × rates: accuracy and fairness violation, mean ± std over seeds) as text; '' without pruned runs. */
export function formatTable2(results: Results): string {
  const t = table2(results);
  if (t.rates.length === 0 || t.rows.length === 0) return '';
  const versions = new Set(t.rows.filter((r) => r.version).map((r) => r.version));
  const name = (mode: MitigationMode, version: string | null) => `${modeLabels[mode].paper}${versions.size > 1 && version ? ` (${version})` : ''}`;
  const header = ['method', ...t.rates.map((r) => `acc ${pct(r)}`), ...t.rates.map((r) => `viol ${pct(r)}`)];
  const rows = t.rows.map((r) => [name(r.mode, r.version), ...r.accuracy.map((s) => meanStdCell(s)), ...r.fairnessViolation.map((s) => meanStdCell(s))]);
  const seeds = Math.max(0, ...t.rows.flatMap((r) => r.accuracy.map((s) => s.n)));
  const version = versions.size === 1 ? ` (${[...versions][0]} mitigation)` : '';
  return [
    `Table 2: overall test accuracy and fairness violation (max - min group accuracy), mean±std over ${seeds} seed${seeds === 1 ? '' : 's'}${version}`,
    textTable(header, rows),
  ].join('\n');
}

/** Table 1 (full vs relaxed: group-wise and overall accuracy, wall time) as text; '' without mitigated runs. */
export function formatTable1(results: Results): string {
  const t = table1(results);
  if (t.rows.length === 0) return '';
  const header = ['mode rate', 'version', ...t.groupNames, 'overall', 'violation', 'wall s'];
  const rows = t.rows.map((r) => [`${r.mode} ${pct(r.rate)}`, r.version, ...r.groupAccuracy.map((s) => meanStdCell(s)), meanStdCell(r.overall), meanStdCell(r.fairnessViolation), secondsCell(r.wallMs)]);
  const note = t.compared ? '' : ' (one version only: run with --mitigation relaxed,full to compare)';
  return [`Table 1: full (Eq. 7) vs relaxed (Eq. 8) mitigation, group-wise test accuracy${note}`, textTable(header, rows)].join('\n');
}

/** Both mitigation tables, separated by blank lines; '' when no mode mitigates (the fairness table says it all). */
export function formatMitigationTables(results: Results): string {
  if (!results.runs.some((r) => r.mode !== 'none')) return '';
  const parts = [formatTable2(results), formatTable1(results)].filter(Boolean);
  return parts.length ? `\n${parts.join('\n\n')}\n` : '';
}
