import type { Config, MitigationVersion } from '../contract/config';
import { hessianWorkSamples } from '../contract/hessian-sampling';
import type { Calibration, RunEstimate } from '../contract/run-estimate';
import { pieceModes, planPieces } from './sweep-pieces';
import { fineTuneEpochs, mitigatedFineTune, type DenseVariant } from './sweep-plan';

/**
 * Hessian-vector products expected per λ(H_a), by method: power iteration's residual rule stopped after 5-25 products
 * on start-here's dense models (3 seeds, /tmp runs of 2026-12) and up to 99 on synthetic-minority's group B; Lanczos
 * after 5-6 on start-here's, 5-7 on synthetic-minority's and 4-8 on mnist-imbalanced's (7 for λ(H) in both), 5.5-6.3
 * a sample on average (`npm run experiment -- --preset <id>`, the runs' hessianMax.iterations). Typical values, not
 * hessian.maxIterations (an upper bound nobody waits for).
 */
export const TYPICAL_HESSIAN_ITERATIONS = { power: 15, lanczos: 6 } as const;

/**
 * The sweep's time from a calibration: the work the run does (sweep-pieces' plan: dense models, then per mode and
 * rate a fine-tune and a measurement) in samples of each kind, times the calibrated seconds per sample. It leaves out
 * what is small beside training (building the data, pruning, the bootstrap) and guesses the Hessian's iterations.
 */
export function estimateRun(config: Config, cal: Calibration): RunEstimate {
  const n = cal.trainSizes.reduce((s, x) => s + x, 0);
  // λ(H_a) per group plus λ(H) overall, each on the group (or the draws of a capped subsample).
  const hessianSamples = [...cal.trainSizes, n].reduce((s, size) => s + hessianWorkSamples(size, config.hessian), 0);
  const iterations = Math.min(config.hessian.maxIterations, TYPICAL_HESSIAN_ITERATIONS[config.hessian.method]);
  const hessianTime = (cal.hvpSample ?? 0) * iterations * hessianSamples;
  const stepCost = (version: MitigationVersion | null) => (version ? (cal.mitigatedSample[version] ?? cal.trainSample) : cal.trainSample);
  const parts = { training: 0, measuring: 0, hessian: 0 };
  const measure = (withHessian: boolean) => {
    parts.measuring += (n + cal.testSize) * cal.forwardSample + n * cal.gradSample;
    if (withHessian) parts.hessian += hessianTime;
  };
  for (const piece of planPieces(config)) {
    const variant: DenseVariant = piece.variant;
    // Dense training: every epoch a step per sample and the epoch record's forward pass over the training split.
    parts.training += config.train.epochs * n * (stepCost(variant === 'plain' ? null : variant) + cal.forwardSample);
    measure(config.hessian.when !== 'off');
    for (const { mode, version } of pieceModes(config, piece)) {
      for (let k = 0; k < piece.rates.length; k++) {
        parts.training += fineTuneEpochs(config, mode) * n * stepCost(mitigatedFineTune(mode) ? version : null);
        measure(config.hessian.when === 'all');
      }
    }
  }
  return { backend: cal.backend, seconds: parts.training + parts.measuring + parts.hessian, parts };
}
