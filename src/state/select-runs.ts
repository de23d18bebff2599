import { mitigationModes, type MitigationMode } from '../engine/experiment/config';
import type { Results, RunResult } from '../engine/experiment/results';

export interface GroupInfo {
  group: number;
  name: string;
}

/** The groups of a Results, by index (the colour of a group is fixed by its index). */
export function groupsOf(results: Results | null): GroupInfo[] {
  if (!results) return [];
  const names = results.dataset.groupNames.length ? results.dataset.groupNames : (results.runs[0]?.groups.map((g) => g.name) ?? []);
  return names.map((name, group) => ({ group, name }));
}

/** Modes that have at least one run, in the paper's order. */
export function modesPresent(results: Results | null): MitigationMode[] {
  if (!results) return [];
  return mitigationModes.filter((m) => results.runs.some((r) => r.mode === m));
}

export const runsOf = (results: Results | null, mode: MitigationMode): RunResult[] => (results ? results.runs.filter((r) => r.mode === mode) : []);

/** The rates measured for a mode, ascending. */
export function measuredRates(results: Results | null, mode: MitigationMode): number[] {
  return [...new Set(runsOf(results, mode).map((r) => r.rate))].sort((a, b) => a - b);
}

/** The seeds present, ascending. */
export function seedsOf(results: Results | null): number[] {
  return results ? [...new Set(results.runs.map((r) => r.seed))].sort((a, b) => a - b) : [];
}

/** The measured rate within `tolerance` of value, else null (the slider snaps to it). */
export function snapRate(rates: number[], value: number, tolerance = 0.02): number | null {
  let best: number | null = null;
  for (const r of rates) if (Math.abs(r - value) <= tolerance + 1e-9 && (best === null || Math.abs(r - value) < Math.abs(best - value))) best = r;
  return best;
}

/** The mode the per-group charts show: the one asked for if it has runs, else the first present. */
export function effectiveMode(results: Results | null, wanted: MitigationMode): MitigationMode {
  const present = modesPresent(results);
  return present.includes(wanted) ? wanted : (present[0] ?? wanted);
}
