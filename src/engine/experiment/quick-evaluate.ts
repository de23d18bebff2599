import type { RunResult } from '../contract/results';
import { measureAtRate } from './measure-rate';
import type { ExperimentSession } from './sweep-context';

/**
 * A provisional point for the slider: the sweep's per-rate step on the plain dense model of a seed, at a rate that
 * was not measured, without fine-tuning and without the Hessian (it must come back fast).
 */
export async function quickEvaluate(session: ExperimentSession, rate: number, seed: number): Promise<RunResult> {
  const dense = session.dense.get(seed) ?? session.dense.values().next().value;
  if (!dense) throw new Error('no dense model in this session: run the experiment (mode "None") first');
  const { run } = await measureAtRate(session, dense, { seed, mode: 'none', version: null, rate }, { fineTune: false, hessian: null });
  return run;
}
