import * as tf from '@tensorflow/tfjs';
import type { DatasetSplit } from '../data/dataset';
import type { Config } from '../contract/config';
import type { HessianEstimate } from '../contract/results';
import { toTensors, type Weights } from '../model/params';
import { maskTensors, type Masks } from '../prune/mask';
import type { ModelSpec } from '../model/spec';
import { evaluateSamples, groupMeans, type SampleOutcomes } from './evaluate';
import { gradNorms } from './grad-norm';
import { runHessianJobs, type HessianContext, type HessianJob, type HessianOffload, type HessianWithVector } from './hessian-jobs';

interface GroupSummary {
  loss: number[];
  accuracy: number[];
  overallLoss: number;
  overallAccuracy: number;
}

/** Everything measured on one model: the inputs of a RunResult and the dense reference of Theorem 1. */
export interface ModelMeasurement {
  /** Test-split means per group, and the per-sample outcomes behind them (bootstrap intervals, flipped predictions). */
  test: GroupSummary & { boundaryCloseness: number[]; samples: SampleOutcomes };
  train: GroupSummary;
  /** ||g_a|| on the training split. */
  gradNorm: number[];
  /** ||g_a ⊙ m||: the same gradients over the weights the pruning masks keep (= gradNorm without masks). */
  gradNormRemaining: number[];
  overallGradNorm: number;
  /** λ(H_a) per group on the training split, and λ(H) overall; null when not computed. */
  hessian: HessianWithVector[] | null;
  overallHessian: HessianWithVector | null;
}

export interface HessianRequest {
  options: Config['hessian'];
  seed: number;
  /** Eigenvectors of the previous rate (per group, then overall), to warm-start power iteration. */
  warmStart: { groups: Float32Array[][]; overall: Float32Array[] } | null;
  /** Cancels between Hessian-vector products (the slowest part of a measurement). */
  signal?: AbortSignal;
  /** A helper worker that takes some of the λ jobs (the page's); absent, all run here. */
  offload?: HessianOffload;
}

/** Measures one model; `masks` are a pruned model's (for the gradient norm over the weights it keeps). */
export async function measureModel(spec: ModelSpec, weights: Weights, split: DatasetSplit, hessian: HessianRequest | null, masks: Masks | null = null): Promise<ModelMeasurement> {
  const params = toTensors(weights);
  const keep = masks ? maskTensors(masks, weights.specs) : null;
  try {
    const numGroups = split.train.groupNames.length;
    const summarize = async (which: 'train' | 'test') => {
      const d = split[which];
      const s = await evaluateSamples(spec, params, d);
      const loss = groupMeans(s.loss, d.groups, numGroups);
      const acc = groupMeans(s.correct, d.groups, numGroups);
      const closeness = groupMeans(s.boundaryCloseness, d.groups, numGroups);
      return {
        loss: loss.perGroup,
        accuracy: acc.perGroup,
        overallLoss: loss.overall,
        overallAccuracy: acc.overall,
        boundaryCloseness: closeness.perGroup,
        samples: s,
      };
    };
    const test = await summarize('test');
    const train = await summarize('train');
    const g = await gradNorms(spec, params, split.train, undefined, keep);
    let groupHessians: HessianWithVector[] | null = null;
    let overallHessian: HessianWithVector | null = null;
    if (hessian) {
      const ctx: HessianContext = { spec, weights, train: split.train, options: hessian.options, seed: hessian.seed };
      const jobs: HessianJob[] = [
        ...Array.from({ length: numGroups }, (_, a) => ({ group: a, warm: hessian.warmStart?.groups[a] ?? null })),
        { group: null, warm: hessian.warmStart?.overall ?? null },
      ];
      const estimates = await runHessianJobs(ctx, jobs, hessian.signal, hessian.offload);
      groupHessians = estimates.slice(0, numGroups);
      overallHessian = estimates[numGroups];
    }
    return {
      test,
      train: { loss: train.loss, accuracy: train.accuracy, overallLoss: train.overallLoss, overallAccuracy: train.overallAccuracy },
      gradNorm: g.perGroup,
      gradNormRemaining: g.perGroupRemaining,
      overallGradNorm: g.overall,
      hessian: groupHessians,
      overallHessian,
    };
  } finally {
    tf.dispose(params);
    if (keep) tf.dispose(keep.filter((m): m is tf.Tensor => m !== null));
  }
}

export function stripVector(h: HessianWithVector | null): HessianEstimate | null {
  return h ? { value: h.value, iterations: h.iterations, converged: h.converged, residual: h.residual, samples: h.samples, drawSpread: h.drawSpread } : null;
}
