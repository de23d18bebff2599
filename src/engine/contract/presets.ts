import { configSchema, type Config, type ConfigInput } from './config';
import type { ImageSourceId } from './image-sources';
import { presetClaims } from './preset-claims';

/** A named Config that makes one point of the paper in one click (the gallery, the CLI's --preset). */
export interface Preset {
  id: string;
  title: string;
  /** The one-line claim the preset demonstrates (checked against its Results where preset-claims.ts has it). */
  claim: string;
  config: ConfigInput;
  /** Set when the preset runs on data the user brings (never shipped): it runs once those files are given. */
  needs?: ImageSourceId;
  /** Set for the paper's networks: quick on WebGPU, many minutes on WebAssembly (the card says so). */
  needsGpu?: boolean;
}

/**
 * The recipe the paper's networks are trained with (He et al. 2016; Simonyan & Zisserman on CIFAR): SGD with momentum
 * 0.9 and weight decay 5e-4, a cosine schedule, random crop + flip, fine-tuning at a tenth of the rate.
 */
const paperRecipe = (epochs: number): ConfigInput['train'] => ({
  optimizer: 'sgd', learningRate: 0.05, momentum: 0.9, weightDecay: 5e-4, lrSchedule: 'cosine', augment: 'crop-flip', epochs, batchSize: 128,
});

/** Two large easy groups and one small (7%), hard one: the paper's under-represented group, in synthetic form. */
const minorityData = (samples: number): ConfigInput['data'] => ({
  kind: 'synthetic', numClasses: 4, numGroups: 3, groupShares: [1, 1, 0.15], groupDifficulty: [0.2, 0.2, 0.6], samples, imageSize: 16,
});

/** A CNN narrow enough for the multi-run presets to finish in about a minute without a GPU. */
const smallCnn = (): ConfigInput['model'] => ({ convFilters: [6, 12], dense: [48, 24] });

export const presets: Preset[] = [
  {
    id: 'start-here',
    title: 'Start here: the Matthew effect in a minute',
    claim: presetClaims['start-here'].text,
    config: {
      data: minorityData(2000),
      model: smallCnn(),
      train: { epochs: 6 },
      prune: { rates: [0.5, 0.7, 0.8, 0.9, 0.95], fineTuneEpochs: 1 },
      // The whole groups: 8 s → 18 s in Node on 2 cores with power iteration, 4.9 s in all with Lanczos (issue 11);
      // capped at 128, λ(H_a) of group A spread 2.9-9.4 over 3 sample draws (issue 15), too wide for the curvature term
      // of Theorem 1.
      hessian: { when: 'dense', maxIterations: 30 },
    },
  },
  {
    id: 'synthetic-minority',
    title: 'One small, hard group',
    claim: presetClaims['synthetic-minority'].text,
    config: {
      data: minorityData(3000),
      train: { epochs: 8 },
      prune: { rates: [0.3, 0.5, 0.7, 0.9], fineTuneEpochs: 1 },
      hessian: { when: 'dense' },
    },
  },
  {
    id: 'mnist-imbalanced',
    title: 'MNIST digits with a long tail',
    claim: presetClaims['mnist-imbalanced'].text,
    config: {
      data: { kind: 'mnist', samples: 10000, longTail: 20, balancedTest: true },
      train: { epochs: 4 },
      prune: { rates: [0.3, 0.5, 0.7, 0.9], fineTuneEpochs: 1 },
      // The whole groups (the default cap covers them): 29 s → 58 s in Node on 2 cores, for λ(H_a) that is the group's.
      hessian: { when: 'dense' },
    },
  },
  {
    id: 'fashion-classes',
    title: 'Fashion-MNIST: classes as groups, long tail',
    claim: presetClaims['fashion-classes'].text,
    config: {
      // 6 of the 70 chunks (4.7 MB) are fetched; the test (test/engine/experiment/fashion-classes.test.ts) runs it smaller.
      data: { kind: 'fashion-mnist', samples: 6000, longTail: 10, balancedTest: true },
      train: { epochs: 8 },
      prune: { rates: [0.5, 0.7, 0.9], fineTuneEpochs: 1 },
      hessian: { when: 'off' },
      seeds: 3,
    },
  },
  {
    id: 'utkface-ethnicity',
    title: 'UTKFace: faces grouped by ethnicity (Fig. 1, 4)',
    claim: 'Ethnicity as label and group: the smallest groups (Others, 7%) start with the largest gradient norms and lose the most accuracy as the pruning rate grows.',
    needs: 'utkface',
    config: {
      data: { kind: 'images', source: 'utkface', label: 'ethnicity', group: 'ethnicity', side: 32, samples: 24000 },
      model: { convFilters: [16, 32], dense: [128, 64] },
      train: { epochs: 10 },
      prune: { rates: [0.3, 0.5, 0.7, 0.9], fineTuneEpochs: 1 },
      hessian: { when: 'dense', maxSamplesPerGroup: 1024 },
      seeds: 3,
    },
  },
  {
    id: 'utkface-table2',
    title: 'UTKFace: label ethnicity, group age (Table 2)',
    claim: "The paper's Table 2: classify ethnicity, measure fairness across 9 age bins, under the four mitigation modes at 30/50/70/90% pruning.",
    needs: 'utkface',
    config: {
      data: { kind: 'images', source: 'utkface', label: 'ethnicity', group: 'age', side: 32, samples: 24000 },
      model: { convFilters: [16, 32], dense: [128, 64] },
      train: { epochs: 10 },
      prune: { rates: [0.3, 0.5, 0.7, 0.9], fineTuneEpochs: 2 },
      mitigation: { modes: ['none', 'before', 'after', 'both'], version: 'relaxed' },
      hessian: { when: 'off' },
      seeds: 3,
    },
  },
  {
    id: 'cifar10-classes',
    title: 'CIFAR-10: classes as groups, long tail (Fig. 9)',
    claim: 'Object classes as groups, some made rare: the rare, less accurate classes lose the most accuracy when pruned hard.',
    needs: 'cifar10',
    config: {
      data: { kind: 'images', source: 'cifar10', label: 'class', group: 'class', side: 32, samples: 20000, longTail: 10 },
      model: { convFilters: [16, 32], dense: [128, 64] },
      train: { epochs: 10 },
      prune: { rates: [0.3, 0.5, 0.7, 0.9], fineTuneEpochs: 1 },
      hessian: { when: 'off' },
      seeds: 3,
    },
  },
  {
    id: 'svhn-classes',
    title: 'SVHN: digit classes as groups, long tail (Fig. 9)',
    claim: 'House-number digits as groups, some made rare: the rare, less accurate digits lose the most accuracy when pruned hard.',
    needs: 'svhn',
    config: {
      data: { kind: 'images', source: 'svhn', label: 'class', group: 'class', side: 32, samples: 20000, longTail: 10 },
      model: { convFilters: [16, 32], dense: [128, 64] },
      train: { epochs: 8 },
      prune: { rates: [0.3, 0.5, 0.7, 0.9], fineTuneEpochs: 1 },
      hessian: { when: 'off' },
      seeds: 3,
    },
  },
  {
    id: 'utkface-resnet18',
    title: 'UTKFace on a ResNet-18 (Fig. 1-7 network)',
    claim: "The paper's own network at a quarter of its width (701k parameters): ethnicity as label and group; the smallest groups lose the most accuracy at high pruning rates.",
    needs: 'utkface',
    needsGpu: true,
    config: {
      data: { kind: 'images', source: 'utkface', label: 'ethnicity', group: 'ethnicity', side: 32, samples: 24000 },
      model: { kind: 'resnet', resnetLayout: 'resnet18', widthMultiplier: 0.25, normalization: 'batch' },
      train: paperRecipe(15),
      prune: { rates: [0.3, 0.5, 0.7, 0.9], fineTuneEpochs: 2, fineTuneLrScale: 0.1 },
      hessian: { when: 'off' },
      seeds: 1,
    },
  },
  {
    id: 'cifar10-vgg11',
    title: 'CIFAR-10 on a VGG-11 (Fig. 8-9 network)',
    claim: 'A VGG-11 at a quarter of its width (580k parameters) on a long-tailed CIFAR-10: the rare classes lose the most accuracy at high pruning rates.',
    needs: 'cifar10',
    needsGpu: true,
    config: {
      data: { kind: 'images', source: 'cifar10', label: 'class', group: 'class', side: 32, samples: 30000, longTail: 10 },
      model: { kind: 'vgg', vggLayout: 'vgg11', widthMultiplier: 0.25, normalization: 'batch' },
      train: paperRecipe(15),
      prune: { rates: [0.3, 0.5, 0.7, 0.9], fineTuneEpochs: 2, fineTuneLrScale: 0.1 },
      hessian: { when: 'off' },
      seeds: 1,
    },
  },
  {
    id: 'mitigation-modes',
    title: 'Fair pruning: mitigate before, after, or both?',
    claim: presetClaims['mitigation-modes'].text,
    config: {
      data: minorityData(6000),
      model: smallCnn(),
      train: { epochs: 6 },
      prune: { rates: [0.3, 0.5, 0.7, 0.9], fineTuneEpochs: 2 },
      mitigation: { modes: ['none', 'before', 'after', 'both'], version: 'relaxed', dualStep: 0.5, dualEvery: 10, warmup: 20, lambdaCap: 1 },
      hessian: { when: 'off' },
      seeds: 3,
    },
  },
  {
    id: 'full-vs-relaxed',
    title: 'Full (Eq. 7) vs relaxed (Eq. 8) mitigation',
    claim: presetClaims['full-vs-relaxed'].text,
    config: {
      data: minorityData(3000),
      model: smallCnn(),
      train: { epochs: 6 },
      prune: { rates: [0.5, 0.9], fineTuneEpochs: 2 },
      mitigation: { modes: ['none', 'after'], compareVersions: true, dualStep: 0.5, dualEvery: 10, warmup: 20, lambdaCap: 1, fullEvery: 5, fullSamples: 32 },
      hessian: { when: 'off' },
      seeds: 3,
    },
  },
];

export function findPreset(id: string): Preset | undefined {
  return presets.find((p) => p.id === id);
}

export function presetConfig(p: Preset): Config {
  return configSchema.parse(p.config);
}
