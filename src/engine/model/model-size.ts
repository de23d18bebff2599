import type { ModelSize } from '../contract/model-size';
import { paramSpecs } from './param-specs';
import { isPrunable, paramCount, type ModelSpec } from './spec';

/** Parameters and prunable entries of a spec, from its parameter layout alone (nothing is built or trained). */
export function modelSize(spec: ModelSpec, pruneBiases: boolean): ModelSize {
  const specs = paramSpecs(spec);
  const prunable = specs.filter((p) => isPrunable(p, pruneBiases)).reduce((s, p) => s + p.shape.reduce((a, b) => a * b, 1), 0);
  return { parameters: paramCount(specs), prunable };
}
