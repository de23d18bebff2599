import type { RunResult } from '../contract/results';
import type { DualRecord } from './dual-ascent';

/** Dual records in the Results shape, tagged with the phase they were recorded in. */
export function trajectoryOf(records: DualRecord[], phase: 'dense' | 'fine-tune'): RunResult['multipliers'] {
  return records.map((r) => ({ phase, step: r.step, lambda: r.lambda.slice(), violation: r.violation.slice() }));
}
