import type { Dataset } from '../data/dataset';
import type { Config, MitigationVersion } from '../contract/config';
import { createCeagObjective, type AccuracyReference } from './ceag-objective';
import type { ModelSpec } from '../model/spec';
import { createFullObjective } from './full-objective';
import type { MitigationObjective } from './mitigation-objective';
import { createRelaxedObjective } from './relaxed-objective';

export interface MitigationObjectiveOptions {
  settings: Config['mitigation'];
  spec: ModelSpec;
  /** The training split (the constraints are on training losses / gradients / Hessians). */
  data: Dataset;
  seed: number;
  /** Overrides settings.version (the runner's version comparison, Table 1). */
  version?: MitigationVersion;
  /** ceag: the dense model's training accuracies the excess gaps are measured from (null while training it). */
  reference?: AccuracyReference | null;
}

/** Relaxed (Eq. 8), full (Eq. 7) or ceag mitigation; multipliers start at 0 for every new objective. */
export function createMitigationObjective(o: MitigationObjectiveOptions): MitigationObjective {
  const version = o.version ?? o.settings.version;
  if (version === 'ceag') return createCeagObjective(o.settings, o.data.groupNames.length, o.reference ?? null);
  return version === 'full'
    ? createFullObjective(o.settings, o.spec, o.data, o.seed)
    : createRelaxedObjective(o.settings, o.data.groupNames.length);
}
