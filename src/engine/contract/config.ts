import { z } from 'zod';
import { imageSourceIds, imageSources } from './image-sources';

// One plain, versioned, validated object: the share link, a preset, the CLI's --config file and what the worker
// receives. Every number has a range; decodeConfig clamps or drops what is out of range and says so.

export const CONFIG_SCHEMA_VERSION = 1;

const int = (min: number, max: number, def: number) => z.number().int().min(min).max(max).default(def);
const num = (min: number, max: number, def: number) => z.number().min(min).max(max).default(def);

export const syntheticDataSchema = z
  .strictObject({
    kind: z.literal('synthetic'),
    numClasses: int(2, 10, 4),
    numGroups: int(2, 8, 3),
    /** Relative share of each group in the data (normalised); missing entries default to 1. */
    groupShares: z.array(z.number().min(0.01).max(100)).max(8).default([1, 1, 0.15]),
    /** Difficulty of each group in [0, 1]: more noise, less contrast, more distortion of the class pattern. */
    groupDifficulty: z.array(z.number().min(0).max(1)).max(8).default([0.2, 0.2, 0.6]),
    /** Total number of samples (train + test) before the split. */
    samples: int(200, 20000, 3000),
    /** Side of the square images. */
    imageSize: int(8, 28, 16),
  });

/**
 * The imbalance controls of a shipped data set whose groups are its 10 classes (MNIST, Fashion-MNIST: the paper's
 * CIFAR-10/SVHN setting). `samples` is drawn first, then the long tail is applied.
 */
const classGroupFields = (maxSamples: number, defaultSamples: number) => ({
  /** Samples drawn from the shipped images (before imbalance). */
  samples: int(500, maxSamples, defaultSamples),
  /**
   * Long-tail imbalance: group (class) a keeps a fraction longTail^(-rank/9) of its samples, rank = a's position in
   * the seeded order; 1 = balanced. keepFractions, when given, overrides it per class.
   */
  longTail: num(1, 100, 10),
  keepFractions: z.array(z.number().min(0.01).max(1)).length(10).optional(),
  /** When true only the training split is made imbalanced; the test split stays balanced. */
  balancedTest: z.boolean().default(true),
});

export const mnistDataSchema = z.strictObject({ kind: z.literal('mnist'), ...classGroupFields(10000, 10000) });

/** Fashion-MNIST's 70,000 clothes; the browser fetches only the 1,000-image chunks that `samples` needs. */
export const fashionMnistDataSchema = z.strictObject({ kind: z.literal('fashion-mnist'), ...classGroupFields(70000, 10000) });

/**
 * Data the user brings (UTKFace, CIFAR-10, SVHN, an image folder: contract/image-sources.ts), decoded on the device.
 * The class label and the group are chosen apart from the source's attributes; the long tail applies to the groups.
 */
export const imagesDataSchema = z
  .strictObject({
    kind: z.literal('images'),
    source: z.enum(imageSourceIds).default('utkface'),
    /** The attribute used as the class label y. */
    label: z.string().max(40).default('ethnicity'),
    /** The attribute used as the group a. */
    group: z.string().max(40).default('ethnicity'),
    /** Side of the square RGB images the files are centre-cropped and resized to. */
    side: int(24, 64, 32),
    /** Samples drawn (stratified by group) from what was read, before imbalance. */
    samples: int(100, 700000, 20000),
    longTail: num(1, 100, 1),
    keepFractions: z.array(z.number().min(0.01).max(1)).max(64).optional(),
    balancedTest: z.boolean().default(true),
    /** CLI only: the folder holding the archives or files (the page asks for them to be dropped instead). */
    dataDir: z.string().max(1000).optional(),
  })
  .superRefine((d, ctx) => {
    const known = imageSources[d.source].attributes;
    for (const key of ['label', 'group'] as const) {
      if (!known.includes(d[key])) ctx.addIssue({ code: 'custom', path: [key], message: `${imageSources[d.source].title} has no attribute "${d[key]}" (it has: ${known.join(', ')})` });
    }
  });

export const dataSchema = z.discriminatedUnion('kind', [syntheticDataSchema, mnistDataSchema, fashionMnistDataSchema, imagesDataSchema]);

export const modelKinds = ['cnn', 'mlp', 'resnet', 'vgg'] as const;

export const modelSchema = z.strictObject({
  kind: z.enum(modelKinds).default('cnn'),
  convFilters: z.tuple([z.number().int().min(1).max(64), z.number().int().min(1).max(128)]).default([8, 16]),
  dense: z.tuple([z.number().int().min(2).max(512), z.number().int().min(2).max(512)]).default([64, 32]),
  /** Hidden widths for the MLP. */
  hidden: z.array(z.number().int().min(2).max(1024)).min(1).max(4).default([128, 64]),
  activation: z.enum(['relu', 'softplus', 'tanh']).default('relu'),
  /** ResNet layout: CIFAR ResNet-8/14/20 (widths 16-32-64) or ResNet-18 (64-128-256-512). */
  resnetLayout: z.enum(['resnet8', 'resnet14', 'resnet20', 'resnet18']).default('resnet8'),
  vggLayout: z.enum(['vgg11', 'vgg19']).default('vgg11'),
  /** ResNet/VGG channels are round(width · multiplier): 0.25 keeps a ResNet-18 trainable in a browser. */
  widthMultiplier: num(1 / 16, 1, 0.25),
  /** ResNet/VGG: BatchNorm after every convolution, or none (convolutions then get biases). */
  normalization: z.enum(['batch', 'none']).default('batch'),
});

/** Learning-rate schedules over a training phase's epochs (engine/train/lr-schedule.ts says what each does). */
export const lrSchedules = ['constant', 'cosine', 'step'] as const;
export type LrSchedule = (typeof lrSchedules)[number];
/** Training-time augmentation of images (engine/data/augment.ts): random crop with padding and horizontal flip. */
export const augmentations = ['none', 'crop-flip'] as const;
export type Augmentation = (typeof augmentations)[number];

export const trainSchema = z.strictObject({
  optimizer: z.enum(['adam', 'sgd']).default('adam'),
  learningRate: num(1e-5, 1, 0.003),
  /** SGD momentum (ignored by Adam). */
  momentum: num(0, 0.99, 0.9),
  epochs: int(1, 200, 8),
  batchSize: int(1, 1024, 64),
  /** L2 weight decay λ: λ·θ joins every trained parameter's gradient, as PyTorch's weight_decay (SGD and Adam). */
  weightDecay: num(0, 0.1, 0),
  /** Stepped per epoch of each phase (dense training, fine-tuning), from that phase's learning rate. */
  lrSchedule: z.enum(lrSchedules).default('constant'),
  /** Seeded random crop (padding side/8) and horizontal flip of each training batch; measurements see the raw images. */
  augment: z.enum(augmentations).default('none'),
});

export const pruneMethods = ['global-magnitude', 'layer-magnitude', 'structured-l1', 'structured-l2', 'random'] as const;

/**
 * The highest pruning rate a config, a link or the slider may ask for: at 1 every prunable weight is gone and the
 * model predicts from biases alone, which says nothing about groups.
 */
export const MAX_PRUNING_RATE = 0.99;

/**
 * Whether two rates are the same rate. Rates come from configs and the slider's 0.01 steps, so anything closer than
 * float noise is the same point.
 */
export const sameRate = (a: number, b: number): boolean => Math.abs(a - b) < 1e-9;

export const pruneSchema = z.strictObject({
  method: z.enum(pruneMethods).default('global-magnitude'),
  /** Pruning rates P (fraction of prunable weights removed); 0, the dense model, is always measured. */
  rates: z.array(z.number().min(0).max(MAX_PRUNING_RATE)).min(1).max(20).default([0.3, 0.5, 0.7, 0.9]),
  fineTuneEpochs: int(0, 50, 1),
  /**
   * one-shot: prune the dense model θ̂, then fine-tune from it. rewind (lottery-ticket rewinding, Frankle et al.):
   * prune by θ̂'s magnitudes, reset the surviving weights to their values after rewindEpoch epochs of dense training,
   * then retrain for fineTuneEpochs (at least 1) at the training learning rate. gradual (TF-MOT PolynomialDecay):
   * start at initialSparsity and raise the sparsity before every fine-tuning epoch along s_f + (s_i − s_f)(1 − t/T)³,
   * reaching the rate exactly before the last epoch (T = fineTuneEpochs − 1, at least 2 epochs).
   */
  schedule: z.enum(['one-shot', 'rewind', 'gradual']).default('one-shot'),
  /** Gradual pruning: the sparsity of the first fine-tuning epoch (capped at the rate). */
  initialSparsity: num(0, MAX_PRUNING_RATE, 0),
  /** Rewinding: the dense-training epoch whose weights the survivors are reset to (0 = the initialisation). */
  rewindEpoch: int(0, 200, 1),
  /** Fine-tuning learning rate as a fraction of the training learning rate. */
  fineTuneLrScale: num(0.01, 1, 0.3),
  /** Also count biases and BatchNorm scale/shift as prunable weights (BatchNorm running statistics never are). */
  pruneBiases: z.boolean().default(false),
});

export const mitigationModes = ['none', 'before', 'after', 'both'] as const;
export type MitigationMode = (typeof mitigationModes)[number];

/**
 * The paper's two versions of the mitigation, relaxed (Eq. 8) and full (Eq. 7), and a later one: ceag, the
 * constrained excess accuracy gap of Hashemizadeh et al. ("Balancing Act", 2024), per group ≤ overall + ε.
 */
export const mitigationVersions = ['relaxed', 'full', 'ceag'] as const;
export type MitigationVersion = (typeof mitigationVersions)[number];

export const mitigationSchema = z.strictObject({
  modes: z.array(z.enum(mitigationModes)).min(1).max(4).default(['none']),
  version: z.enum(mitigationVersions).default('relaxed'),
  /** Dual step size for the multipliers λ_a. */
  dualStep: num(0, 100, 0.5),
  /** Steps between dual updates. */
  dualEvery: int(1, 1000, 10),
  /** Steps before the first dual update. */
  warmup: int(0, 10000, 20),
  /**
   * Cap on every λ_a, a departure from Fioretto et al. (no cap). The relaxed Lagrangian J + Σ_a λ_a|J_a − J| weights a
   * below-mean group b's loss by p_b − λ_b(1 − p_b) − p_b·Σ_{a above} λ_a + …, negative well below λ = 1 for a large
   * group, so the cap does not stop the majority's loss being raised; it bounds how hard. Uncapped, the
   * mitigation-modes preset loses 11 points of accuracy and levels the majority down (docs/reproduction.md).
   */
  lambdaCap: num(0, 1000, 1),
  /** Full version: evaluate the gradient-norm / Hessian constraints every k steps... */
  fullEvery: int(1, 1000, 5),
  /** ...on at most this many samples per group. */
  fullSamples: int(4, 1024, 32),
  /** Full version: power-iteration steps per evaluation to refresh the eigenvectors v_a, v (warm-started). */
  fullPowerIterations: int(1, 100, 3),
  /**
   * Full version: whether the targets ||g|| and λ(H) of Eq. 7 move with θ in the primal step ('moving', as Eq. 7 and
   * the Lagrangian read) or are held at their value for the step ('held'). Moving, the penalty λ_a·|‖g_a‖ − ‖g‖| also
   * rewards a larger ‖g‖, i.e. leaving the population optimum, where ‖g‖ ≈ 0 (docs/reproduction.md, full vs relaxed).
   */
  fullTarget: z.enum(['moving', 'held']).default('moving'),
  /**
   * ceag: tolerance ε of each group's excess accuracy gap, (dense − pruned accuracy of the group) − (the same
   * overall) ≤ ε, on the training batches.
   */
  gapTolerance: num(0, 1, 0.02),
  /** Run every mitigated mode with every version, relaxed, full and ceag (Table 1); `version` is then ignored. */
  compareVersions: z.boolean().default(false),
});

export const hessianSchema = z.strictObject({
  /** When to compute λ(H_a): never, on the dense model only, or at every rate. */
  when: z.enum(['off', 'dense', 'all']).default('dense'),
  /**
   * How λ(H_a) is found from Hessian-vector products. 'lanczos' (default): Lanczos with full reorthogonalisation,
   * stopped by its residual bound; on start-here's dense model it needed 5-6 products per λ where power iteration
   * needed 8-24, the values agreeing within 1e-5 (issue 11). 'power': power iteration, the algorithm PyHessian uses
   * (the PyTorch comparisons in `npm run bench` run it on both sides).
   */
  method: z.enum(['lanczos', 'power']).default('lanczos'),
  /**
   * Either method stops when the relative residual ‖Hv − λv‖/|λ| ≤ tolerance: λ is then within 0.1% of SOME
   * eigenvalue of H_a (metrics/power-iteration.ts says why not necessarily the top one). On the presets' dense models
   * it was within 0.002% of the top eigenvalue (Lanczos to 1e-7 as the reference), the error being about
   * residual²/gap; 5 to 99 products were needed (99: synthetic-minority's group B, top eigenvalues close together),
   * hence 200 at most. The old default, 50, ended that group 2.2% off and not converged.
   */
  tolerance: num(1e-6, 0.5, 1e-3),
  maxIterations: int(1, 500, 200),
  /**
   * Cap on the samples λ(H_a) is computed on (a seeded subsample of the group past it). The default, the maximum,
   * covers every group of the shipped data sets, so λ(H_a) is the whole group's unless a config caps it: on at most
   * 256 samples it differed from the whole group's by 15-61% on the large synthetic groups and 0.6-11% on MNIST
   * (issue 15). A capped value is labelled subsampled wherever it is shown.
   */
  maxSamplesPerGroup: int(8, 10000, 10000),
  /**
   * Draws of the subsample where the cap subsamples a group: λ(H_a) is also computed on sampleDraws − 1 further
   * seeded subsamples, and Results give their spread (hessianMax.drawSpread). No extra draws for a whole group.
   */
  sampleDraws: int(1, 10, 3),
  warmStart: z.boolean().default(true),
});

export const uncertaintySchema = z.strictObject({
  /**
   * Bootstrap draws over the test samples for the per-group intervals (accuracy, loss, R(a), fairness violation);
   * 0 turns them off. 200 draws put the 95% interval's ends within about ±0.01 of their limit on a group of 100.
   */
  bootstrap: int(0, 5000, 200),
  /** Central coverage of the intervals. */
  level: num(0.5, 0.999, 0.95),
});

export const backendNames = ['auto', 'webgpu', 'wasm', 'webgl', 'cpu'] as const;
export type BackendName = (typeof backendNames)[number];

export const configSchema = z.strictObject({
  schemaVersion: z.literal(CONFIG_SCHEMA_VERSION).default(CONFIG_SCHEMA_VERSION),
  data: dataSchema.default(() => syntheticDataSchema.parse({ kind: 'synthetic' })),
  /** Fraction of the samples held out as the test split (seeded, stratified by group). */
  testFraction: num(0.1, 0.5, 0.25),
  model: modelSchema.default(() => modelSchema.parse({})),
  train: trainSchema.default(() => trainSchema.parse({})),
  prune: pruneSchema.default(() => pruneSchema.parse({})),
  mitigation: mitigationSchema.default(() => mitigationSchema.parse({})),
  hessian: hessianSchema.default(() => hessianSchema.parse({})),
  uncertainty: uncertaintySchema.default(() => uncertaintySchema.parse({})),
  /** First seed; runs use seed, seed+1, ..., seed+seeds-1. */
  seed: int(1, 2 ** 31 - 1, 1),
  seeds: int(1, 10, 1),
  backend: z.enum(backendNames).default('auto'),
});

export type Config = z.infer<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
export type SyntheticDataConfig = z.infer<typeof syntheticDataSchema>;
export type MnistDataConfig = z.infer<typeof mnistDataSchema>;
export type FashionMnistDataConfig = z.infer<typeof fashionMnistDataSchema>;
/** The shipped data sets whose groups are their classes. */
export type ClassGroupDataConfig = MnistDataConfig | FashionMnistDataConfig;
export type ImagesDataConfig = z.infer<typeof imagesDataSchema>;

export function defaultConfig(): Config {
  return configSchema.parse({});
}

/** The seeds a config runs, in order. */
export function configSeeds(c: Config): number[] {
  return Array.from({ length: c.seeds }, (_, i) => c.seed + i);
}

/** The rates the sweep prunes at: the configured rates above 0, sorted and deduplicated. */
export function prunedRates(c: Config): number[] {
  return [...new Set(c.prune.rates.filter((r) => r > 0))].sort((a, b) => a - b);
}

/** The measured rates as the page lists them: 0 (the dense model, always measured) first, then the pruned rates. */
export function configRates(c: Config): number[] {
  return [0, ...prunedRates(c)];
}
