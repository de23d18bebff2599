import type { ParamSpec } from './spec';

// Parameter specs of one layer each. Names follow `${layer}/${kind}`; docs/formats.md maps them to PyTorch's.

export function denseParams(layer: string, fanIn: number, fanOut: number): ParamSpec[] {
  return [
    { name: `${layer}/kernel`, shape: [fanIn, fanOut], role: 'kernel', layer, layerKind: 'dense', fanIn, fanOut },
    { name: `${layer}/bias`, shape: [fanOut], role: 'bias', layer, layerKind: 'dense', fanIn, fanOut },
  ];
}

/** A k×k convolution's kernel [k, k, cin, cout], and its bias when `bias` (none before a BatchNorm, as in PyTorch). */
export function convParams(layer: string, k: number, cin: number, cout: number, bias = true): ParamSpec[] {
  const [fanIn, fanOut] = [k * k * cin, k * k * cout];
  const kernel: ParamSpec = { name: `${layer}/kernel`, shape: [k, k, cin, cout], role: 'kernel', layer, layerKind: 'conv', fanIn, fanOut };
  return bias ? [kernel, { name: `${layer}/bias`, shape: [cout], role: 'bias', layer, layerKind: 'conv', fanIn, fanOut }] : [kernel];
}

/** BatchNorm over `channels` channels of `channelsOf`'s output: scale γ, shift β, running mean and variance. */
export function bnParams(layer: string, channels: number, channelsOf: string): ParamSpec[] {
  const p = (suffix: string, role: ParamSpec['role']): ParamSpec => ({
    name: `${layer}/${suffix}`,
    shape: [channels],
    role,
    layer,
    layerKind: 'bn',
    fanIn: channels,
    fanOut: channels,
    channelsOf,
  });
  return [p('gamma', 'bn-scale'), p('beta', 'bn-shift'), p('moving_mean', 'bn-mean'), p('moving_variance', 'bn-var')];
}

/** Channels of a stage at a width multiplier: round(c · multiplier), at least 1. */
export const scaledWidth = (channels: number, multiplier: number): number => Math.max(1, Math.round(channels * multiplier));
