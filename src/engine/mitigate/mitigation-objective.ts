// PLACEHOLDER written by the lead so the runner can be tested before the mitigation lands.
// The mitigation helper replaces this whole file with the real implementation.
import type { Dataset } from '../data/dataset';
import type { Config } from '../experiment/config';
import type { RunResult } from '../experiment/results';
import type { ModelSpec } from '../model/spec';
import type { BatchObjective } from '../train/train-loop';

export interface MitigationObjective extends BatchObjective {
  trajectory(phase: 'dense' | 'fine-tune'): RunResult['multipliers'];
  dispose(): void;
}

export function createMitigationObjective(_o: { settings: Config['mitigation']; spec: ModelSpec; data: Dataset; seed: number }): MitigationObjective {
  throw new Error('mitigation is not implemented yet');
}
