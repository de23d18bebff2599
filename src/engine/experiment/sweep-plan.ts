import { mitigationVersions, type Config, type MitigationMode, type MitigationVersion } from '../contract/config';

/** Which dense model a run prunes: the plain one, or the one trained with that version of the mitigation. */
export type DenseVariant = 'plain' | MitigationVersion;

/** One mode of the sweep with the mitigation version it uses (null for 'none'). */
export interface PlannedMode {
  mode: MitigationMode;
  version: MitigationVersion | null;
}

/** The versions a config runs: all of them when comparing (Table 1 and ceag beside it), else the configured one. */
export function configVersions(c: Config): MitigationVersion[] {
  return c.mitigation.compareVersions ? [...mitigationVersions] : [c.mitigation.version];
}

/** The plain dense model (none, after) or the mitigated one of the run's version (before, both). */
export const denseVariantOf = (p: PlannedMode): DenseVariant =>
  (p.mode === 'before' || p.mode === 'both') && p.version ? p.version : 'plain';

/** Whether the pruned model of this mode is fine-tuned with the mitigation (Fair Aft, Fair Both). */
export const mitigatedFineTune = (mode: MitigationMode): boolean => mode === 'after' || mode === 'both';

/** Modes run, deduplicated, in the paper's order, each mitigated mode once per version. */
export function plannedModes(c: Config): PlannedMode[] {
  const modes = (['none', 'before', 'after', 'both'] as const).filter((m) => c.mitigation.modes.includes(m));
  return modes.flatMap((mode): PlannedMode[] => (mode === 'none' ? [{ mode, version: null }] : configVersions(c).map((version) => ({ mode, version }))));
}

/** Dense models trained per seed: each is shared by every mode (and rate) that prunes it. */
export function plannedVariants(c: Config): DenseVariant[] {
  const needed = new Set(plannedModes(c).map(denseVariantOf));
  return (['plain', ...mitigationVersions] as const).filter((v) => needed.has(v));
}

/** Fine-tuning epochs of a pruned model: a mitigated fine-tune gets at least one epoch, or it would be a no-op. */
export function fineTuneEpochs(c: Config, mode: MitigationMode): number {
  return mitigatedFineTune(mode) ? Math.max(1, c.prune.fineTuneEpochs) : c.prune.fineTuneEpochs;
}

/**
 * Work units of a sweep's blocks, for the progress fraction: one per training epoch over the train split, one per
 * measurement (a measurement costs about an epoch: forward passes plus the group gradients). sweep-progress.ts sums
 * them over the pieces a run measures.
 */
export function sweepUnits(c: Config): { denseUnits: number; runUnits: (mode: MitigationMode) => number } {
  const measure = c.hessian.when === 'off' ? 1 : 3;
  const denseUnits = c.train.epochs + measure;
  const runUnits = (mode: MitigationMode) => fineTuneEpochs(c, mode) + (c.hessian.when === 'all' ? 3 : 1);
  return { denseUnits, runUnits };
}
