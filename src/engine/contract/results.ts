import { z } from 'zod';
import { configSchema, mitigationModes, mitigationVersions } from './config';
import { echo, echoKey } from './echo';
import { migrateResultsV1 } from './migrate-results';

// Plain JSON with a schema version: what the worker posts, the CLI writes, Export downloads and Import reads back.

/** Version 2 renamed fields to say what they hold (migrate-results.ts reads version 1 files). */
export const RESULTS_SCHEMA_VERSION = 2;

const finite = z.number();
/** A measured number that may be missing (not computed at this rate, or not defined). */
const maybe = z.number().nullable();

export const hessianEstimateSchema = z.object({
  /** Top eigenvalue λ(H_a) of the group's loss Hessian (power iteration). */
  value: finite,
  iterations: z.number().int(),
  /** Whether the relative residual fell to hessian.tolerance before hessian.maxIterations. */
  converged: z.boolean(),
  /**
   * Relative residual ‖Hv − λv‖/|λ| of the reported eigenpair: some eigenvalue of H_a lies within residual·|λ| of
   * the value (not necessarily the top one, see metrics/power-iteration.ts). Null in Results written before it was
   * recorded, for an empty group, and where λ = 0.
   */
  residual: z.number().nullable().default(null),
  /** Samples of the group used (seeded subsample capped at hessian.maxSamplesPerGroup). */
  samples: z.number().int(),
  /**
   * Where the group was subsampled: λ over hessian.sampleDraws seeded subsamples (this value's among them), their
   * min, max and sample sd. Null for a whole group (no other draw exists), with sampleDraws = 1, and in older Results.
   */
  drawSpread: z.object({ min: finite, max: finite, sd: finite, draws: z.number().int() }).nullable().default(null),
});

/** A bootstrap confidence interval (metrics/bootstrap.ts): the central uncertainty.level of the resampled values. */
export const intervalSchema = z.object({ low: finite, high: finite });

/** Per-group bootstrap intervals over the test samples (uncertainty.bootstrap draws); null when off or in older Results. */
export const groupIntervalsSchema = z.object({ accuracy: intervalSchema, loss: intervalSchema, excessLoss: intervalSchema });

/**
 * Test samples whose prediction changed between the dense model and this pruned one (Hooker et al.'s pruning
 * identified exemplars, per seed): rows of the test split, with the dense and pruned predicted classes.
 */
export const flipSchema = z.object({ index: z.number().int(), group: z.number().int(), label: z.number().int(), dense: z.number().int(), pruned: z.number().int() });

export const groupMetricsSchema = z.object({
  group: z.number().int(),
  name: z.string(),
  /** Test-split size of the group (accuracy, loss, excess loss and boundary closeness are measured there). */
  testSize: z.number().int(),
  /** Training-split size |D_a| (Proposition 1 is about the training data). */
  trainSize: z.number().int(),
  accuracy: finite,
  loss: finite,
  /** R(a) = J(θ̄; D_a) - J(θ̂; D_a) on the test split, Eq. (2); 0 for the dense model. */
  excessLoss: finite,
  /** Accuracy minus the dense model's accuracy on this group. */
  accuracyChange: finite,
  /** Mean over the group of Σ_k p_k(1-p_k) (the multi-class form of f(1-f), Theorem 2); larger = closer to the boundary. */
  boundaryCloseness: finite,
  /** Training-split loss and accuracy of the group. */
  trainLoss: finite,
  trainAccuracy: finite,
  /** R(a) measured on the training split, the quantity Theorem 1 bounds. */
  trainExcessLoss: finite,
  /** ||∇_θ J(θ; D_a)|| over the whole training group, exact; pruned coordinates included (their gradient is not 0). */
  gradNorm: finite,
  /** The same gradient's norm over the weights the model keeps (pruned coordinates left out); = gradNorm when dense. */
  gradNormRemaining: maybe.default(null),
  /** λ(H_a), the top eigenvalue of the group loss Hessian on the training split, with its iterations and convergence. */
  hessianMax: hessianEstimateSchema.nullable().default(null),
  /** Theorem 1: ||g_a||·||θ̄-θ̂|| + ½ λ(H_a)·||θ̄-θ̂||², with g_a and H_a at the dense model θ̂. */
  theorem1Bound: maybe.default(null),
  /** Bootstrap intervals of accuracy, loss and R(a) on the test split. */
  intervals: groupIntervalsSchema.nullable().default(null),
});

export const runResultSchema = z.object({
  seed: z.number().int(),
  mode: z.enum(mitigationModes),
  version: z.enum(mitigationVersions).nullable().default(null),
  rate: finite,
  /** Fraction of prunable weights that are exactly zero after pruning and fine-tuning. */
  sparsity: finite,
  /** ||θ̄ - θ̂||: distance between the pruned (fine-tuned) and the dense parameters. */
  paramDistance: finite,
  overall: z.object({ accuracy: finite, loss: finite, gradNorm: maybe.default(null), hessianMax: hessianEstimateSchema.nullable().default(null) }),
  /** Fairness violation as the paper's experiments report it (Section 6.2, Table 2): max - min group accuracy. */
  fairnessViolation: finite,
  /** ξ = max_{a,a'} |R(a) - R(a')|, Eq. (3): the excess-loss gap the theory bounds. */
  excessLossGap: finite,
  /** Bootstrap interval of the fairness violation (all groups resampled together); null when off or in older Results. */
  fairnessViolationInterval: intervalSchema.nullable().default(null),
  groups: z.array(groupMetricsSchema),
  /** Test samples whose prediction differs from the dense model's (same seed); [] for the dense run and older Results. */
  flips: z.array(flipSchema).default([]),
  /** Lagrange multiplier trajectories of a mitigated phase, when any. */
  multipliers: z
    .array(z.object({ phase: z.enum(['dense', 'fine-tune']), step: z.number().int(), lambda: z.array(finite), violation: z.array(finite) }))
    .default([]),
  /** Wall time spent producing this run (pruning, fine-tuning, measuring), ms. */
  wallMs: finite.default(0),
});

export const epochRecordSchema = z.object({
  epoch: z.number().int(),
  loss: finite,
  accuracy: finite,
  groups: z.array(z.object({ loss: finite, accuracy: finite })),
});

/**
 * Which dense model a training curve belongs to: the plain one, the mitigated one (modes before and both), or, when
 * the versions are compared (Table 1), the mitigated model of each version.
 */
export const trainingCurvePhases = ['dense', 'dense-mitigated', 'dense-mitigated-relaxed', 'dense-mitigated-full', 'dense-mitigated-ceag'] as const;
export type TrainingPhase = (typeof trainingCurvePhases)[number];

export const trainingCurveSchema = z.object({
  seed: z.number().int(),
  phase: z.enum(trainingCurvePhases),
  epochs: z.array(epochRecordSchema),
});

/**
 * The correlations a sweep reports (experiment/correlations.ts), by id: what the scatter charts ask for. The schema
 * keeps reading any string, so a file written by a build with other correlations still imports.
 */
export type CorrelationId = 'size-gradnorm' | 'accuracy-gradnorm' | 'hessian-boundary' | 'hessian-accuracy' | 'hessian-gradnorm';

export const correlationSchema = z.object({
  id: z.string(),
  label: z.string(),
  x: z.string(),
  y: z.string(),
  rho: maybe,
  points: z.array(z.object({ x: finite, y: finite, group: z.number().int(), rate: finite, seed: z.number().int() })),
});

/**
 * Where a partial Results file sits in a sharded sweep (experiment/sweep-pieces.ts): its shard, the pieces it holds
 * and the whole plan's pieces, by id, so a merge can tell a missing or duplicated share from a complete set.
 */
export const shardSchema = z.object({
  index: z.number().int().min(0),
  count: z.number().int().min(1),
  pieces: z.array(z.string()),
  plan: z.array(z.string()),
  /** The shard that runs each piece of the plan (a grid deals its configs' pieces out together). */
  owners: z.array(z.number().int().min(0)).optional(),
});

export const resultsSchema = z.object({
  schemaVersion: z.literal(RESULTS_SCHEMA_VERSION),
  config: configSchema,
  backend: z.object({ name: z.string(), fallbackReason: z.string().nullable().default(null) }),
  createdAt: z.string(),
  durationMs: finite,
  dataset: z.object({
    name: z.string(),
    classNames: z.array(z.string()),
    groupNames: z.array(z.string()),
    trainSizes: z.array(z.number().int()),
    testSizes: z.array(z.number().int()),
  }),
  runs: z.array(runResultSchema),
  training: z.array(trainingCurveSchema).default([]),
  correlations: z.array(correlationSchema).default([]),
  /** Set when the run stopped early (cancelled, diverged); runs holds what finished. */
  status: z.enum(['complete', 'cancelled', 'failed']).default('complete'),
  error: z.string().nullable().default(null),
  /** Present on one shard's partial Results (--shard i/n); absent on a whole or merged sweep. */
  shard: shardSchema.optional(),
});

export type Interval = z.infer<typeof intervalSchema>;
export type GroupIntervals = z.infer<typeof groupIntervalsSchema>;
export type Flip = z.infer<typeof flipSchema>;
export type HessianEstimate = z.infer<typeof hessianEstimateSchema>;
export type GroupMetrics = z.infer<typeof groupMetricsSchema>;
export type RunResult = z.infer<typeof runResultSchema>;
export type EpochRecord = z.infer<typeof epochRecordSchema>;
export type TrainingCurve = z.infer<typeof trainingCurveSchema>;
export type Correlation = z.infer<typeof correlationSchema>;
export type Results = z.infer<typeof resultsSchema>;
export type ShardInfo = z.infer<typeof shardSchema>;

/** What parseResults gives back: the Results, and the schema version of the file when it was migrated on read. */
export type ParsedResults = { ok: true; results: Results; migratedFrom: number | null } | { ok: false; error: string };

/**
 * Reads a Results file from untrusted JSON; a clear message when it is not one we can read. Version 1 files are
 * migrated to the current names first (migrate-results.ts), values untouched.
 */
export function parseResults(input: unknown): ParsedResults {
  const version = input && typeof input === 'object' && 'schemaVersion' in input ? (input as { schemaVersion: unknown }).schemaVersion : undefined;
  if (version !== undefined && version !== 1 && version !== RESULTS_SCHEMA_VERSION) {
    return { ok: false, error: `results schema version ${echo(version)} is not supported (this build reads versions 1 to ${RESULTS_SCHEMA_VERSION})` };
  }
  const migratedFrom = version === 1 ? 1 : null;
  const r = resultsSchema.safeParse(version === 1 ? migrateResultsV1(input as Record<string, unknown>) : input);
  if (r.success) return { ok: true, results: r.data, migratedFrom };
  const issue = r.error.issues[0];
  return { ok: false, error: `not a results ${migratedFrom ? `(version ${migratedFrom}) ` : ''}file: ${echoKey(issue.path.map(String).join('.')) || '(root)'}: ${echoKey(issue.message, 200)}` };
}
