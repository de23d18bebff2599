import type { Weights } from '../../../src/engine/model/params';
import type { ParamSpec } from '../../../src/engine/model/spec';
import { createRng } from '../../../src/engine/random';

/** A dense layer's kernel and bias specs. */
export function denseSpecs(layer: string, fanIn: number, fanOut: number): ParamSpec[] {
  const base = { layer, layerKind: 'dense' as const, fanIn, fanOut };
  return [
    { ...base, name: `${layer}/kernel`, shape: [fanIn, fanOut], role: 'kernel' },
    { ...base, name: `${layer}/bias`, shape: [fanOut], role: 'bias' },
  ];
}

export function convSpecs(layer: string, cin: number, cout: number): ParamSpec[] {
  const base = { layer, layerKind: 'conv' as const, fanIn: 9 * cin, fanOut: 9 * cout };
  return [
    { ...base, name: `${layer}/kernel`, shape: [3, 3, cin, cout], role: 'kernel' },
    { ...base, name: `${layer}/bias`, shape: [cout], role: 'bias' },
  ];
}

/** Seeded normal weights (scaled per parameter) for the given specs; biases nonzero too. */
export function randomWeights(specs: ParamSpec[], seed: number, scale: number[] = []): Weights {
  const values = specs.map((p, i) => {
    const rng = createRng(seed, 'fixture', p.name);
    const v = new Float32Array(p.shape.reduce((a, b) => a * b, 1));
    for (let j = 0; j < v.length; j++) v[j] = rng.normal() * (scale[i] ?? 1);
    return v;
  });
  return { specs, values };
}

export function countZeros(v: Float32Array | Uint8Array): number {
  let z = 0;
  for (let j = 0; j < v.length; j++) if (v[j] === 0) z++;
  return z;
}

export function kernelIndices(w: Weights): number[] {
  return w.specs.flatMap((p, i) => (p.role === 'kernel' ? [i] : []));
}
