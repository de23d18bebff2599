// Architectures are plain data; a model is its spec plus an ordered list of named parameters.

export type Activation = 'relu' | 'softplus' | 'tanh';

export interface CnnSpec {
  kind: 'cnn';
  inputShape: [number, number, number];
  numClasses: number;
  /** Filters of the two 3x3 convolutions (each followed by the activation and a 2x2 average pool). */
  convFilters: [number, number];
  /** Widths of the two hidden dense layers; a third dense layer maps to the classes. */
  dense: [number, number];
  activation: Activation;
}

export interface MlpSpec {
  kind: 'mlp';
  inputShape: [number, number, number];
  numClasses: number;
  /** Widths of the hidden layers. */
  hidden: number[];
  activation: Activation;
}

/** 'batch': BatchNorm after every convolution (batch statistics in training, running ones in evaluation). */
export type Normalization = 'batch' | 'none';

export const resnetLayouts = ['resnet8', 'resnet14', 'resnet20', 'resnet18'] as const;
export type ResNetLayout = (typeof resnetLayouts)[number];

/** BasicBlock ResNet for small images: 3×3 stem, stages of blocks, global average pool, one dense layer. */
export interface ResNetSpec {
  kind: 'resnet';
  inputShape: [number, number, number];
  numClasses: number;
  layout: ResNetLayout;
  /** Channels of every stage are round(width · multiplier), at least 1. */
  widthMultiplier: number;
  normalization: Normalization;
  activation: Activation;
}

export const vggLayouts = ['vgg11', 'vgg19'] as const;
export type VggLayout = (typeof vggLayouts)[number];

/** VGG for 32×32 images: 3×3 convolutions, 2×2 max pools between stages, global average pool, one dense layer. */
export interface VggSpec {
  kind: 'vgg';
  inputShape: [number, number, number];
  numClasses: number;
  layout: VggLayout;
  widthMultiplier: number;
  normalization: Normalization;
  activation: Activation;
}

export type ModelSpec = CnnSpec | MlpSpec | ResNetSpec | VggSpec;

/**
 * What a parameter is. Kernels are prunable weights; biases and BatchNorm scale/shift are pruned only when asked;
 * BatchNorm running statistics ('bn-mean', 'bn-var') are state, not trainable: the optimizer never sees them, their
 * gradient is 0 (evaluation mode uses them as constants), and they are never pruned or counted as parameters.
 */
export type ParamRole = 'kernel' | 'bias' | 'bn-scale' | 'bn-shift' | 'bn-mean' | 'bn-var';

/** One named parameter tensor. */
export interface ParamSpec {
  name: string;
  shape: number[];
  role: ParamRole;
  /** Layer the parameter belongs to, e.g. "conv1", "layer2.0.bn1". */
  layer: string;
  /** 'conv' kernels are [fh, fw, cin, cout] (filters along the last axis); 'dense' kernels are [in, out]. */
  layerKind: 'conv' | 'dense' | 'bn';
  fanIn: number;
  fanOut: number;
  /** For BatchNorm parameters: the layer whose output channels they normalise (structured pruning removes both). */
  channelsOf?: string;
}

/** Whether the optimizer trains a parameter (BatchNorm running statistics are not trained). */
export const isTrainable = (p: ParamSpec): boolean => p.role !== 'bn-mean' && p.role !== 'bn-var';

/** Trainable parameters, as PyTorch's sum(p.numel() for p in model.parameters()) counts them (no BN buffers). */
export function paramCount(specs: ParamSpec[]): number {
  return specs.reduce((s, p) => s + (isTrainable(p) ? p.shape.reduce((a, b) => a * b, 1) : 0), 0);
}

/**
 * Whether a parameter counts as a prunable weight: kernels always; biases, and BatchNorm's scale γ and shift β (the
 * per-channel affine weights), only when pruneBiases; BatchNorm's running statistics never (they are state).
 */
export function isPrunable(p: ParamSpec, pruneBiases: boolean): boolean {
  if (p.role === 'kernel') return true;
  return pruneBiases && (p.role === 'bias' || p.role === 'bn-scale' || p.role === 'bn-shift');
}
