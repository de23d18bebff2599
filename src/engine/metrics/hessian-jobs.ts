import type { Config } from '../contract/config';
import { errorMessage, throwIfAborted } from '../contract/events';
import { hessianWorkSamples, isSubsampled } from '../contract/hessian-sampling';
import { meanStd } from '../contract/mean-std';
import type { Dataset } from '../data/dataset';
import type { Weights } from '../model/params';
import type { ModelSpec } from '../model/spec';
import type { HessianEstimate } from '../contract/results';
import { hessianGroupSize, topHessianEigen } from './hessian';

// The λ estimates of one measured model (each group's λ(H_a), then the overall λ(H)) as independent jobs: each is a
// function of the model, the training split and its own start vector only, so they may run in any order and on any
// worker with the same backend, and give the same numbers bit for bit. In the page a helper worker takes some of them
// (worker/hessian-helper-*.ts) while the engine computes the others: on two cores λ(H_a) then takes about half the time.

export interface HessianWithVector extends HessianEstimate {
  vector: Float32Array[];
  /** The training samples it was computed on (rows of the training split). */
  indices: Int32Array;
}

/** What every λ job of a measured model shares: the model, its weights, the training split and the settings. */
export interface HessianContext {
  spec: ModelSpec;
  weights: Weights;
  train: Dataset;
  options: Config['hessian'];
  seed: number;
}

/** One λ: group a's H_a (null: the overall H), warm-started from `warm` when the settings allow. */
export interface HessianJob {
  group: number | null;
  warm: Float32Array[] | null;
}

/** Another worker that computes λ jobs; it rejects when it cannot (the job then runs here), and honours `signal`. */
export interface HessianOffload {
  /** Whether it takes jobs now (a helper still starting does not: the measurement then runs all of them here). */
  available(): boolean;
  run(ctx: HessianContext, job: HessianJob, signal?: AbortSignal): Promise<HessianWithVector>;
}

/** One job here: λ on the group (or its seeded subsample), and past a cap the spread over further sample draws. */
export async function runHessianJob(ctx: HessianContext, job: HessianJob, signal?: AbortSignal): Promise<HessianWithVector> {
  const { options } = ctx;
  const once = (warm: Float32Array[] | null, draw: number) =>
    topHessianEigen(ctx.spec, ctx.weights, ctx.train, {
      group: job.group,
      tolerance: options.tolerance,
      maxIterations: options.maxIterations,
      maxSamples: options.maxSamplesPerGroup,
      seed: ctx.seed,
      draw,
      warmStart: options.warmStart ? warm : null,
      signal,
      method: options.method,
    });
  const first = await once(job.warm, 0);
  const draws = options.sampleDraws;
  if (draws < 2 || !isSubsampled(first, hessianGroupSize(ctx.train, job.group))) return { ...first, drawSpread: null };
  // A subsampled group: the same λ on further seeded subsamples, warm-started from the first draw's eigenvector.
  const values = [first.value];
  for (let d = 1; d < draws; d++) values.push((await once(first.vector, d)).value);
  return { ...first, drawSpread: drawSpread(values) };
}

/** Min, max and sample sd of λ over the sample draws. */
export function drawSpread(values: number[]): NonNullable<HessianEstimate['drawSpread']> {
  return { min: Math.min(...values), max: Math.max(...values), sd: meanStd(values).std, draws: values.length };
}

/**
 * Runs the jobs, here and on `offload` when given: both take the next job from one queue, largest first, so the two
 * finish close together. Results come back in the jobs' order whoever computed them. A job the offload fails (its
 * worker lost, say) runs here, and the offload takes no more; a cancelled run rejects with CancelledError.
 */
export async function runHessianJobs(ctx: HessianContext, jobs: HessianJob[], signal?: AbortSignal, offload?: HessianOffload): Promise<HessianWithVector[]> {
  const results: Array<HessianWithVector | undefined> = new Array(jobs.length);
  const cost = jobs.map((job) => hessianWorkSamples(hessianGroupSize(ctx.train, job.group), ctx.options));
  const queue = jobs.map((_, k) => k).sort((a, b) => cost[b] - cost[a] || a - b);
  // Stops the offloaded job too when the run is cancelled or a job here fails.
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  signal?.addEventListener('abort', onAbort);
  const here = async () => {
    try {
      for (let k = queue.shift(); k !== undefined; k = queue.shift()) results[k] = await runHessianJob(ctx, jobs[k], signal);
    } catch (e) {
      stop.abort();
      throw e;
    }
  };
  const there = async () => {
    if (!offload?.available()) return;
    for (let k = queue.shift(); k !== undefined; k = queue.shift()) {
      try {
        results[k] = await offload.run(ctx, jobs[k], stop.signal);
      } catch (e) {
        // Stopped (a cancel, or a failure here) or failed: either way the job goes back and the offload takes no more.
        if (!stop.signal.aborted) console.warn(`λ(H_a) helper failed, computing here instead: ${errorMessage(e)}`);
        queue.unshift(k);
        return;
      }
    }
  };
  const settled = await Promise.allSettled([here(), there()]);
  signal?.removeEventListener('abort', onAbort);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  throwIfAborted(signal);
  // What the offload handed back after `here` had emptied the queue.
  for (let k = queue.shift(); k !== undefined; k = queue.shift()) results[k] = await runHessianJob(ctx, jobs[k], signal);
  return results as HessianWithVector[];
}
