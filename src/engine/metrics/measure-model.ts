import * as tf from '@tensorflow/tfjs';
import type { DatasetSplit } from '../data/dataset';
import type { Config } from '../contract/config';
import type { HessianEstimate } from '../contract/results';
import { toTensors, type Weights } from '../model/params';
import { maskTensors, type Masks } from '../prune/mask';
import type { ModelSpec } from '../model/spec';
import { evaluateSamples, groupMeans, type SampleOutcomes } from './evaluate';
import { gradNorms } from './grad-norm';
import { hessianGroupSize, topHessianEigen } from './hessian';
import { meanStd } from '../contract/mean-std';
import { isSubsampled } from '../contract/hessian-sampling';

interface GroupSummary {
  loss: number[];
  accuracy: number[];
  overallLoss: number;
  overallAccuracy: number;
}

export interface HessianWithVector extends HessianEstimate {
  vector: Float32Array[];
  /** The training samples it was computed on (rows of the training split). */
  indices: Int32Array;
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
      const once = (group: number | null, warm: Float32Array[] | null, draw: number) =>
        topHessianEigen(spec, weights, split.train, {
          group,
          tolerance: hessian.options.tolerance,
          maxIterations: hessian.options.maxIterations,
          maxSamples: hessian.options.maxSamplesPerGroup,
          seed: hessian.seed,
          draw,
          warmStart: hessian.options.warmStart ? warm : null,
          signal: hessian.signal,
          method: hessian.options.method,
        });
      const eig = async (group: number | null, warm: Float32Array[] | null): Promise<HessianWithVector> => {
        const first = await once(group, warm, 0);
        const draws = hessian.options.sampleDraws;
        if (draws < 2 || !isSubsampled(first, hessianGroupSize(split.train, group))) return { ...first, drawSpread: null };
        // A subsampled group: the same λ on further seeded subsamples, warm-started from the first draw's eigenvector.
        const values = [first.value];
        for (let d = 1; d < draws; d++) values.push((await once(group, first.vector, d)).value);
        return { ...first, drawSpread: drawSpread(values) };
      };
      groupHessians = [];
      for (let a = 0; a < numGroups; a++) groupHessians.push(await eig(a, hessian.warmStart?.groups[a] ?? null));
      overallHessian = await eig(null, hessian.warmStart?.overall ?? null);
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

/** Min, max and sample sd of λ over the sample draws. */
export function drawSpread(values: number[]): NonNullable<HessianEstimate['drawSpread']> {
  return { min: Math.min(...values), max: Math.max(...values), sd: meanStd(values).std, draws: values.length };
}

export function stripVector(h: HessianWithVector | null): HessianEstimate | null {
  return h ? { value: h.value, iterations: h.iterations, converged: h.converged, residual: h.residual, samples: h.samples, drawSpread: h.drawSpread } : null;
}
