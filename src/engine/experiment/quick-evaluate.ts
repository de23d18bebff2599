import { measureModel } from '../metrics/measure-model';
import { buildRunResult } from './run-result';
import { weightDistance } from '../model/params';
import { weightSparsity } from '../prune/mask';
import { pruneWeights } from '../prune/prune';
import { deriveSeed } from '../random';
import type { RunResult } from '../contract/results';
import type { ExperimentSession } from './run-experiment';

/**
 * A provisional point for the slider: prunes the plain dense model of a seed at a rate that was not measured, without
 * fine-tuning, and measures it (no Hessian: it must come back fast).
 */
export async function quickEvaluate(session: ExperimentSession, rate: number, seed: number): Promise<RunResult> {
  const dense = session.dense.get(seed) ?? session.dense.values().next().value;
  if (!dense) throw new Error('no dense model in this session: run the experiment (mode "None") first');
  const t0 = Date.now();
  const { config, spec, split } = session;
  const pruned = pruneWeights(dense.weights, rate, config.prune.method, { pruneBiases: config.prune.pruneBiases, seed: deriveSeed(seed, 'prune') });
  const measurement = await measureModel(spec, pruned.weights, split, null);
  return buildRunResult({
    seed,
    mode: 'none',
    version: null,
    rate,
    sparsity: weightSparsity(pruned.weights, pruned.weights.specs, config.prune.pruneBiases),
    paramDistance: weightDistance(pruned.weights, dense.weights),
    split,
    model: measurement,
    dense: dense.measurement,
    wallMs: Date.now() - t0,
  });
}
