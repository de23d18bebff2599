import type { ParamSpec } from '../engine/model/spec';

const SUFFIX: Record<ParamSpec['role'], string> = {
  kernel: 'weight',
  bias: 'bias',
  'bn-scale': 'weight',
  'bn-shift': 'bias',
  'bn-mean': 'running_mean',
  'bn-var': 'running_var',
};

/**
 * Where a parameter goes in a PyTorch state_dict of the same layout (docs/formats.md): the key, and the permutation
 * that turns our layout into PyTorch's (conv [fh, fw, cin, cout] → [cout, cin, fh, fw], dense [in, out] → [out, in]).
 * ResNet/VGG layer names already are PyTorch module paths (layer2.0.shortcut.0, features.4, fc).
 */
export function torchParam(p: ParamSpec): { key: string; permute: number[] | null } {
  const permute = p.role !== 'kernel' ? null : p.layerKind === 'conv' ? [3, 2, 0, 1] : [1, 0];
  return { key: `${p.layer}.${SUFFIX[p.role]}`, permute };
}

/** Trainable parameters, as PyTorch's sum(p.numel() for p in model.parameters()) counts them (BN buffers excluded). */
export const torchParameterCount = (specs: ParamSpec[]): number =>
  specs.reduce((s, p) => s + (p.role === 'bn-mean' || p.role === 'bn-var' ? 0 : p.shape.reduce((a, b) => a * b, 1)), 0);
