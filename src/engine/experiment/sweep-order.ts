import { sameRate, type Config } from '../contract/config';
import { trainingCurvePhases, type RunResult, type TrainingCurve } from '../contract/results';
import { plannedModes } from './sweep-plan';

/**
 * The serial sweep's order: by seed, then mode in the paper's order (each mitigated mode once per version), then rate.
 * Pieces of a sweep may run in any order or on other machines; sorting by this makes their union the same file.
 */
export function sortRuns(config: Config, runs: RunResult[]): RunResult[] {
  const modes = plannedModes(config);
  const modeIndex = (r: RunResult) => modes.findIndex((p) => p.mode === r.mode && p.version === r.version);
  return [...runs].sort((a, b) => a.seed - b.seed || modeIndex(a) - modeIndex(b) || (sameRate(a.rate, b.rate) ? 0 : a.rate - b.rate));
}

/** Training curves by seed, then dense variant (plain, relaxed, full: the order trainingCurvePhases lists them). */
export function sortTraining(curves: TrainingCurve[]): TrainingCurve[] {
  const phaseIndex = (c: TrainingCurve) => trainingCurvePhases.indexOf(c.phase);
  return [...curves].sort((a, b) => a.seed - b.seed || phaseIndex(a) - phaseIndex(b));
}
