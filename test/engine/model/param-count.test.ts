import { describe, expect, it } from 'vitest';
import { paramSpecs } from '../../../src/engine/model/param-specs';
import { paramCount, type ResNetLayout, type VggLayout } from '../../../src/engine/model/spec';

// Held-out oracle: PyTorch's counts, by formula here (not by our code) and pinned to what
// sum(p.numel() for p in model.parameters()) printed for the same layouts built in PyTorch 1.13 (kuangliu-style CIFAR
// ResNet with projection shortcuts, CIFAR VGG with a single Linear classifier); BatchNorm buffers are not parameters.

const w = (c: number, m: number) => Math.max(1, Math.round(c * m));
const bnCount = (c: number) => 2 * c;

function resnetFormula(widths: number[], blocks: number, m: number, cin: number, classes: number, bn: boolean): number {
  const conv = (k: number, a: number, b: number) => k * k * a * b + (bn ? bnCount(b) : b);
  const ws = widths.map((c) => w(c, m));
  let total = conv(3, cin, ws[0]);
  let c = ws[0];
  ws.forEach((co, s) => {
    for (let b = 0; b < blocks; b++) {
      const stride = s > 0 && b === 0 ? 2 : 1;
      total += conv(3, c, co) + conv(3, co, co) + (stride !== 1 || c !== co ? conv(1, c, co) : 0);
      c = co;
    }
  });
  return total + c * classes + classes;
}

const VGG: Record<VggLayout, Array<number | 'M'>> = {
  vgg11: [64, 'M', 128, 'M', 256, 256, 'M', 512, 512, 'M', 512, 512, 'M'],
  vgg19: [64, 64, 'M', 128, 128, 'M', 256, 256, 256, 256, 'M', 512, 512, 512, 512, 'M', 512, 512, 512, 512, 'M'],
};
function vggFormula(layout: VggLayout, m: number, cin: number, classes: number, bn: boolean): number {
  let total = 0;
  let c = cin;
  for (const x of VGG[layout]) {
    if (x === 'M') continue;
    const co = w(x, m);
    total += 9 * c * co + co + (bn ? bnCount(co) : 0);
    c = co;
  }
  return total + c * classes + classes;
}

const RESNET: Record<ResNetLayout, [number[], number]> = {
  resnet8: [[16, 32, 64], 1],
  resnet14: [[16, 32, 64], 2],
  resnet20: [[16, 32, 64], 3],
  resnet18: [[64, 128, 256, 512], 2],
};

/** What PyTorch printed (32×32×3 input, 10 classes, BatchNorm). */
const PYTORCH: Record<string, number> = {
  'resnet8@1': 78042,
  'resnet14@1': 175258,
  'resnet20@1': 272474,
  'resnet18@1': 11173962,
  'vgg11@1': 9231114,
  'vgg19@1': 20040522,
  'resnet8@0.25': 5214,
  'resnet18@0.25': 701466,
  'vgg11@0.25': 579786,
  'vgg19@0.25': 1256922,
  'resnet18@0.5': 2797610,
};

const ours = (spec: Parameters<typeof paramSpecs>[0]) => paramCount(paramSpecs(spec));

describe('parameter counts equal PyTorch for the same layout', () => {
  it.each(Object.keys(RESNET) as ResNetLayout[])('%s at widths 1, 0.5, 0.25', (layout) => {
    for (const m of [1, 0.5, 0.25]) {
      const spec = { kind: 'resnet', inputShape: [32, 32, 3], numClasses: 10, layout, widthMultiplier: m, normalization: 'batch', activation: 'relu' } as const;
      const [widths, blocks] = RESNET[layout];
      expect(ours({ ...spec, inputShape: [32, 32, 3] })).toBe(resnetFormula(widths, blocks, m, 3, 10, true));
      const pinned = PYTORCH[`${layout}@${m}`];
      if (pinned !== undefined) expect(ours({ ...spec, inputShape: [32, 32, 3] })).toBe(pinned);
    }
  });

  it.each(['vgg11', 'vgg19'] as const)('%s at widths 1, 0.5, 0.25', (layout) => {
    for (const m of [1, 0.5, 0.25]) {
      const spec = { kind: 'vgg', inputShape: [32, 32, 3], numClasses: 10, layout, widthMultiplier: m, normalization: 'batch', activation: 'relu' } as const;
      expect(ours({ ...spec, inputShape: [32, 32, 3] })).toBe(vggFormula(layout, m, 3, 10, true));
      const pinned = PYTORCH[`${layout}@${m}`];
      if (pinned !== undefined) expect(ours({ ...spec, inputShape: [32, 32, 3] })).toBe(pinned);
    }
  });

  it('without normalisation: convolutions get biases, no BatchNorm (PyTorch: ResNet-8 77,706; VGG-11 ×0.25 on 28×28×1 578,122)', () => {
    expect(ours({ kind: 'resnet', inputShape: [32, 32, 3], numClasses: 10, layout: 'resnet8', widthMultiplier: 1, normalization: 'none', activation: 'relu' })).toBe(77706);
    expect(resnetFormula([16, 32, 64], 1, 1, 3, 10, false)).toBe(77706);
    expect(ours({ kind: 'vgg', inputShape: [28, 28, 1], numClasses: 10, layout: 'vgg11', widthMultiplier: 0.25, normalization: 'none', activation: 'relu' })).toBe(578122);
  });

  it('running statistics are specs (saved, restored) but not parameters', () => {
    const specs = paramSpecs({ kind: 'resnet', inputShape: [8, 8, 1], numClasses: 3, layout: 'resnet8', widthMultiplier: 0.25, normalization: 'batch', activation: 'relu' });
    const stats = specs.filter((p) => p.role === 'bn-mean' || p.role === 'bn-var');
    expect(stats.length).toBeGreaterThan(0);
    const all = specs.reduce((s, p) => s + p.shape.reduce((a, b) => a * b, 1), 0);
    expect(paramCount(specs)).toBe(all - stats.reduce((s, p) => s + p.shape[0], 0));
  });
});
