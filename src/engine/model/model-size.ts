import { paramSpecs } from './param-specs';
import { isPrunable, paramCount, type ModelSpec } from './spec';

/** A model's size before training: what the page shows next to the architecture controls. */
export interface ModelSize {
  /** Trainable parameters, counted as PyTorch's sum(p.numel() for p in model.parameters()). */
  parameters: number;
  /** The entries a pruning rate is a fraction of (kernels, plus biases and BatchNorm γ/β when pruneBiases). */
  prunable: number;
}

export function modelSize(spec: ModelSpec, pruneBiases: boolean): ModelSize {
  const specs = paramSpecs(spec);
  const prunable = specs.filter((p) => isPrunable(p, pruneBiases)).reduce((s, p) => s + p.shape.reduce((a, b) => a * b, 1), 0);
  return { parameters: paramCount(specs), prunable };
}
