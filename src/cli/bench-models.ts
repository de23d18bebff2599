import type { Dataset } from '../engine/data/dataset';
import type { ModelSpec } from '../engine/model/spec';
import type { OptimizerSettings } from '../engine/train/optimizer';
import { createRng } from '../engine/random';

// The models every speed bench measures (Node and headless Chromium alike), with the optimizer and the data shape
// each one is timed on. Plain data: the browser bench's worker imports it too.

export interface BenchModel {
  label: string;
  spec: ModelSpec;
  optimizer: OptimizerSettings;
}

const adam: OptimizerSettings = { optimizer: 'adam', learningRate: 1e-3, momentum: 0.9 };
const sgd: OptimizerSettings = { optimizer: 'sgd', learningRate: 0.01, momentum: 0.9 };
const digits = { inputShape: [28, 28, 1] as [number, number, number], numClasses: 10, activation: 'relu' as const };
const rgb = { inputShape: [32, 32, 3] as [number, number, number], numClasses: 10, normalization: 'batch' as const, activation: 'relu' as const };

/** The CNNs of issue 11's PyTorch comparison (Adam, 28×28×1): scripts/torch_training.py builds the same two. */
export const cnnBenchModels: BenchModel[] = [
  { label: 'default CNN (conv 8-16, dense 64-32)', spec: { kind: 'cnn', ...digits, convFilters: [8, 16], dense: [64, 32] }, optimizer: adam },
  { label: '~100k CNN (conv 16-32, dense 64-32)', spec: { kind: 'cnn', ...digits, convFilters: [16, 32], dense: [64, 32] }, optimizer: adam },
];

/** The paper's architectures at the widths a browser run would use (SGD with momentum, BatchNorm, 32×32×3). */
export const archBenchModels: BenchModel[] = [
  { label: 'ResNet-8 ×1', spec: { kind: 'resnet', layout: 'resnet8', widthMultiplier: 1, ...rgb }, optimizer: sgd },
  { label: 'ResNet-20 ×1', spec: { kind: 'resnet', layout: 'resnet20', widthMultiplier: 1, ...rgb }, optimizer: sgd },
  { label: 'ResNet-18 ×0.25', spec: { kind: 'resnet', layout: 'resnet18', widthMultiplier: 0.25, ...rgb }, optimizer: sgd },
  { label: 'VGG-11 ×0.25', spec: { kind: 'vgg', layout: 'vgg11', widthMultiplier: 0.25, ...rgb }, optimizer: sgd },
  { label: 'VGG-19 ×0.25', spec: { kind: 'vgg', layout: 'vgg19', widthMultiplier: 0.25, ...rgb }, optimizer: sgd },
];

/** n random images of a model's input shape, 10 classes, 2 groups: throughput does not depend on the pixels. */
export function randomBenchData(spec: ModelSpec, n: number): Dataset {
  const rng = createRng(1, 'bench', spec.kind);
  const [h, w, c] = spec.inputShape;
  return {
    name: 'bench',
    imageShape: [h, w, c],
    images: Float32Array.from({ length: n * h * w * c }, () => rng.next()),
    labels: Int32Array.from({ length: n }, () => rng.int(spec.numClasses)),
    groups: Int32Array.from({ length: n }, () => rng.int(2)),
    classNames: Array.from({ length: spec.numClasses }, (_, i) => String(i)),
    groupNames: ['0', '1'],
  };
}
