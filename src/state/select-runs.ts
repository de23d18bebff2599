import { mitigationModes, mitigationVersions, type MitigationMode, type MitigationVersion } from '../engine/contract/config';
import type { Results, RunResult } from '../engine/contract/results';

export interface GroupInfo {
  group: number;
  name: string;
}

/**
 * Names one sweep of a Results: its mitigation mode ('after'), or mode:version ('after:full') when the run compared
 * relaxed and full mitigation (Table 1). A plain mode also stands for all its versions.
 */
export type VariantKey = MitigationMode | `${MitigationMode}:${MitigationVersion}`;

/** One sweep of a Results: a mitigation mode, and its version when the run compared relaxed and full mitigation. */
export interface Variant {
  key: VariantKey;
  mode: MitigationMode;
  version: MitigationVersion | null;
}

/** The mode of a key, and its version when the key names one. */
export function parseVariantKey(key: VariantKey): { mode: MitigationMode; version: MitigationVersion | null } {
  // Matched against the keys the type allows, not split as text: only a mode and version the contract knows come out.
  const mode = mitigationModes.find((m) => key === m || key.startsWith(`${m}:`)) ?? 'none';
  return { mode, version: mitigationVersions.find((v) => key === `${mode}:${v}`) ?? null };
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
    const versions = mitigationVersions.filter((v) => results.runs.some((r) => r.mode === mode && r.version === v));
    if (versions.length < 2) return [{ key: mode, mode, version: versions[0] ?? null }];
    return versions.map((version): Variant => ({ key: `${mode}:${version}`, mode, version }));
  });
}

/** The runs of a sweep: a variant key, or a plain mode (all its versions). */
export function runsOf(results: Results | null, key: VariantKey): RunResult[] {
  if (!results) return [];
  const { mode, version } = parseVariantKey(key);
  return results.runs.filter((r) => r.mode === mode && (version === null || r.version === version));
}

/** The rates measured for a sweep, ascending. */
export function measuredRates(results: Results | null, key: VariantKey): number[] {
  return [...new Set(runsOf(results, key).map((r) => r.rate))].sort((a, b) => a - b);
}

/** The seeds present, ascending. */
export function seedsOf(results: Results | null): number[] {
  return results ? [...new Set(results.runs.map((r) => r.seed))].sort((a, b) => a - b) : [];
}

/** The sweep the per-group charts show: the one asked for if present, else the first present. */
export function effectiveMode(results: Results | null, wanted: VariantKey): VariantKey {
  const variants = variantsOf(results);
  const { mode } = parseVariantKey(wanted);
  return (variants.find((v) => v.key === wanted) ?? variants.find((v) => v.mode === mode) ?? variants[0])?.key ?? wanted;
}
