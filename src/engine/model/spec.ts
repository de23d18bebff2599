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

export type ModelSpec = CnnSpec | MlpSpec;

/** One named parameter tensor. Kernels are prunable weights; biases are pruned only when asked. */
export interface ParamSpec {
  name: string;
  shape: number[];
  role: 'kernel' | 'bias';
  /** Layer the parameter belongs to, e.g. "conv1". */
  layer: string;
  /** 'conv' kernels are [fh, fw, cin, cout] (filters along the last axis); 'dense' kernels are [in, out]. */
  layerKind: 'conv' | 'dense';
  fanIn: number;
  fanOut: number;
}

export function paramCount(specs: ParamSpec[]): number {
  return specs.reduce((s, p) => s + p.shape.reduce((a, b) => a * b, 1), 0);
}
