import { groupSizes, type DatasetSplit } from '../data/dataset';
import type { Config, MitigationMode, MitigationVersion } from '../contract/config';
import { bootstrapIntervals } from '../metrics/bootstrap';
import { predictionFlips } from '../metrics/flips';
import { deriveSeed } from '../random';
import type { RunResult } from '../contract/results';
import { excessLossGap, fairnessViolation, theorem1Bound } from '../metrics/fairness';
import { stripVector, type ModelMeasurement } from '../metrics/measure-model';

export interface RunResultInput {
  seed: number;
  mode: MitigationMode;
  version: MitigationVersion | null;
  rate: number;
  sparsity: number;
  /** ||θ̄ - θ̂|| between this model and the dense model it was pruned from. */
  paramDistance: number;
  split: DatasetSplit;
  model: ModelMeasurement;
  /** The dense model θ̂ this run is compared with (R(a), accuracy change, Theorem 1's g_a and H_a). */
  dense: ModelMeasurement;
  multipliers?: RunResult['multipliers'];
  wallMs: number;
  /** Bootstrap settings; intervals are left out (null) without them. */
  uncertainty?: Config['uncertainty'];
}

export function buildRunResult(i: RunResultInput): RunResult {
  const { model, dense, split } = i;
  const testSizes = groupSizes(split.test);
  const trainSizes = groupSizes(split.train);
  const boot = i.uncertainty
    ? bootstrapIntervals(
        { loss: model.test.samples.loss, correct: model.test.samples.correct, denseLoss: dense.test.samples.loss, groups: split.test.groups, numGroups: split.test.groupNames.length },
        { draws: i.uncertainty.bootstrap, level: i.uncertainty.level, seed: deriveSeed(i.seed, 'bootstrap', i.mode, i.version ?? '', i.rate) },
      )
    : null;
  const groups = split.test.groupNames.map((name, a) => {
    const denseHessian = dense.hessian?.[a] ?? null;
    return {
      group: a,
      name,
      testSize: testSizes[a],
      trainSize: trainSizes[a],
      accuracy: model.test.accuracy[a],
      loss: model.test.loss[a],
      excessLoss: model.test.loss[a] - dense.test.loss[a], // Eq. (2)
      accuracyChange: model.test.accuracy[a] - dense.test.accuracy[a],
      boundaryCloseness: model.test.boundaryCloseness[a],
      trainLoss: model.train.loss[a],
      trainAccuracy: model.train.accuracy[a],
      trainExcessLoss: model.train.loss[a] - dense.train.loss[a],
      gradNorm: model.gradNorm[a],
      gradNormRemaining: model.gradNormRemaining[a],
      hessianMax: stripVector(model.hessian?.[a] ?? null),
      theorem1Bound: denseHessian ? theorem1Bound(dense.gradNorm[a], denseHessian.value, i.paramDistance) : null,
      intervals: boot?.groups[a] ?? null,
    };
  });
  return {
    seed: i.seed,
    mode: i.mode,
    version: i.version,
    rate: i.rate,
    sparsity: i.sparsity,
    paramDistance: i.paramDistance,
    overall: {
      accuracy: model.test.overallAccuracy,
      loss: model.test.overallLoss,
      gradNorm: model.overallGradNorm,
      hessianMax: stripVector(model.overallHessian),
    },
    fairnessViolation: fairnessViolation(groups.map((g) => g.accuracy)),
    excessLossGap: excessLossGap(groups.map((g) => g.excessLoss)),
    fairnessViolationInterval: boot?.fairnessViolation ?? null,
    groups,
    flips: model === dense ? [] : predictionFlips(dense.test.samples.prediction, model.test.samples.prediction, split.test.labels, split.test.groups),
    multipliers: i.multipliers ?? [],
    wallMs: i.wallMs,
  };
}
