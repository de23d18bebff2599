import { mitigationModes, type MitigationMode } from '../engine/contract/config';
import type { Results, RunResult } from '../engine/contract/results';

export interface GroupInfo {
  group: number;
  name: string;
}

/**
 * One sweep of a Results: a mitigation mode, and its version when the run compared relaxed and full mitigation.
 * Keys: 'none', 'after' (one version present) or 'after:full' (both present).
 */
export interface Variant {
  key: string;
  mode: MitigationMode;
  version: 'relaxed' | 'full' | null;
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

/** The sweeps present, in the paper's mode order, relaxed before full. */
export function variantsOf(results: Results | null): Variant[] {
  if (!results) return [];
  return modesPresent(results).flatMap((mode) => {
    const versions = (['relaxed', 'full'] as const).filter((v) => results.runs.some((r) => r.mode === mode && r.version === v));
    if (versions.length < 2) return [{ key: mode, mode, version: versions[0] ?? null }];
    return versions.map((version) => ({ key: `${mode}:${version}`, mode, version }));
  });
}

/** The runs of a sweep: a variant key, or a plain mode (all its versions). */
export function runsOf(results: Results | null, key: string): RunResult[] {
  if (!results) return [];
  const [mode, version] = key.split(':');
  return results.runs.filter((r) => r.mode === mode && (version === undefined || r.version === version));
}

/** The rates measured for a sweep, ascending. */
export function measuredRates(results: Results | null, key: string): number[] {
  return [...new Set(runsOf(results, key).map((r) => r.rate))].sort((a, b) => a - b);
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

/** The sweep the per-group charts show: the one asked for if present, else the first present. */
export function effectiveMode(results: Results | null, wanted: string): string {
  const keys = variantsOf(results).map((v) => v.key);
  return keys.includes(wanted) ? wanted : (keys.find((k) => k.startsWith(`${wanted}:`)) ?? keys[0] ?? wanted);
}
