import { configRates, configSeeds, type Config, type MitigationMode } from './config';

/** Which dense model a mode prunes: the plain one (none, after) or the mitigated one (before, both). */
export type DenseVariant = 'plain' | 'mitigated';

export const denseVariantOf = (mode: MitigationMode): DenseVariant => (mode === 'before' || mode === 'both' ? 'mitigated' : 'plain');

/** Whether the pruned model of this mode is fine-tuned with the mitigation (Fair Aft, Fair Both). */
export const mitigatedFineTune = (mode: MitigationMode): boolean => mode === 'after' || mode === 'both';

/** Modes run, deduplicated, in the paper's order. */
export function plannedModes(c: Config): MitigationMode[] {
  return (['none', 'before', 'after', 'both'] as const).filter((m) => c.mitigation.modes.includes(m));
}

export function plannedVariants(c: Config): DenseVariant[] {
  const modes = plannedModes(c);
  return (['plain', 'mitigated'] as const).filter((v) => modes.some((m) => denseVariantOf(m) === v));
}

/** Fine-tuning epochs of a pruned model: a mitigated fine-tune gets at least one epoch, or it would be a no-op. */
export function fineTuneEpochs(c: Config, mode: MitigationMode): number {
  return mitigatedFineTune(mode) ? Math.max(1, c.prune.fineTuneEpochs) : c.prune.fineTuneEpochs;
}

/**
 * Work units of the whole sweep, for the progress fraction: one per training epoch over the train split, one per
 * measurement (a measurement costs about an epoch: forward passes plus the group gradients).
 */
export function sweepUnits(c: Config): { total: number; denseUnits: number; runUnits: (mode: MitigationMode) => number } {
  const rates = configRates(c).filter((r) => r > 0);
  const measure = c.hessian.when === 'off' ? 1 : 3;
  const denseUnits = c.train.epochs + measure;
  const runUnits = (mode: MitigationMode) => fineTuneEpochs(c, mode) + (c.hessian.when === 'all' ? 3 : 1);
  const perSeed = plannedVariants(c).length * denseUnits + plannedModes(c).reduce((s, m) => s + rates.length * runUnits(m), 0);
  return { total: Math.max(1, perSeed * configSeeds(c).length), denseUnits, runUnits };
}
