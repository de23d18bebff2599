import { describe, expect, it } from 'vitest';
import { configSchema } from '../../../src/engine/contract/config';
import { findPreset, presetConfig } from '../../../src/engine/contract/presets';
import { describeModel } from '../../../src/engine/experiment/model-spec';

// The size the page shows before Run, from a config and the data summary's shape alone. Oracle: counts by formula.
const shape = (side: number, channels: number, classes: number) => ({
  imageShape: [side, side, channels] as [number, number, number],
  classNames: Array.from({ length: classes }, (_, i) => `c${i}`),
});

describe('describeModel', () => {
  it('the CNN on 28×28×1, 10 classes: every kernel and bias, kernels prunable', () => {
    const config = configSchema.parse({ model: { kind: 'cnn', convFilters: [8, 16], dense: [64, 32] } });
    const kernels = 9 * 1 * 8 + 9 * 8 * 16 + 7 * 7 * 16 * 64 + 64 * 32 + 32 * 10;
    const biases = 8 + 16 + 64 + 32 + 10;
    expect(describeModel(config, shape(28, 1, 10))).toEqual({ parameters: kernels + biases, prunable: kernels });
    expect(describeModel({ ...config, prune: { ...config.prune, pruneBiases: true } }, shape(28, 1, 10))).toEqual({ parameters: kernels + biases, prunable: kernels + biases });
  });

  it('a ResNet-18 at width 1 on 32×32×3 with 10 classes has PyTorch\'s 11,173,962 parameters', () => {
    const config = configSchema.parse({ model: { kind: 'resnet', resnetLayout: 'resnet18', widthMultiplier: 1 } });
    const size = describeModel(config, shape(32, 3, 10));
    expect(size.parameters).toBe(11173962);
    // BatchNorm γ/β (2 per channel of every convolution) and the classifier's bias are not prunable by default.
    const bnChannels = 64 + 4 * 64 + 4 * 128 + 128 + 4 * 256 + 256 + 4 * 512 + 512;
    expect(size.prunable).toBe(11173962 - 2 * bnChannels - 10);
  });
});

describe('the GPU presets state their model sizes truly', () => {
  it.each([
    ['utkface-resnet18', 5, 701],
    ['cifar10-vgg11', 10, 580],
  ] as const)('%s: %ik parameters on 32×32×3 with its %i classes', (id, classes, thousands) => {
    const preset = findPreset(id);
    expect(preset?.needsGpu).toBe(true);
    const size = describeModel(presetConfig(preset!), shape(32, 3, classes));
    expect(Math.round(size.parameters / 1000)).toBe(thousands);
    expect(preset!.claim).toContain(`${thousands}k parameters`);
  });
});
