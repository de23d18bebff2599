import { describe, expect, it } from 'vitest';
import { configRates, configSchema, configSeeds, defaultConfig } from '../../../src/engine/contract/config';
import { decodeConfig, parseConfigStrict } from '../../../src/engine/contract/decode-config';
import { presetConfig, presets } from '../../../src/engine/contract/presets';

describe('config schema', () => {
  it('fills every default from an empty object', () => {
    const c = defaultConfig();
    expect(c.schemaVersion).toBe(1);
    expect(c.data.kind).toBe('synthetic');
    expect(c.model.convFilters).toEqual([8, 16]);
    expect(c.mitigation.modes).toEqual(['none']);
    expect(configRates(c)).toEqual([0, 0.3, 0.5, 0.7, 0.9]);
  });

  it('lists seeds and sorted, deduplicated rates with the dense model first', () => {
    const c = configSchema.parse({ seed: 7, seeds: 3, prune: { rates: [0.9, 0.5, 0.5, 0] } });
    expect(configSeeds(c)).toEqual([7, 8, 9]);
    expect(configRates(c)).toEqual([0, 0.5, 0.9]);
  });

  it('accepts every preset', () => {
    for (const p of presets) expect(() => presetConfig(p), p.id).not.toThrow();
    expect(presets.map((p) => p.id)).toEqual(expect.arrayContaining(['start-here', 'synthetic-minority', 'mnist-imbalanced']));
  });
});

describe('decodeConfig (lenient, for links and imports)', () => {
  it('returns a valid input unchanged with no notices', () => {
    const input = { train: { epochs: 3, learningRate: 0.01 }, prune: { rates: [0.5] } };
    const { config, notices } = decodeConfig(input);
    expect(notices).toEqual([]);
    expect(config.train.epochs).toBe(3);
    expect(config.prune.rates).toEqual([0.5]);
  });

  it('clamps numbers out of range to the nearest bound and says so', () => {
    const { config, notices } = decodeConfig({ train: { epochs: 100000, learningRate: -1 }, seeds: 0 });
    expect(config.train.epochs).toBe(200);
    expect(config.train.learningRate).toBe(1e-5);
    expect(config.seeds).toBe(1);
    expect(notices).toHaveLength(3);
    expect(notices.join('\n')).toMatch(/train\.epochs: 100000 is out of range, clamped to 200/);
  });

  it('drops unknown keys and values of the wrong kind, keeping the rest', () => {
    const { config, notices } = decodeConfig({ bogus: 1, train: { epochs: 'many', batchSize: 16, extra: true }, model: { activation: 'sigmoidish' } });
    expect(config.train.epochs).toBe(8);
    expect(config.train.batchSize).toBe(16);
    expect(config.model.activation).toBe('relu');
    expect(notices.some((n) => n.includes('bogus'))).toBe(true);
    expect(notices.some((n) => n.includes('train.extra'))).toBe(true);
    expect(notices.some((n) => n.includes('train.epochs'))).toBe(true);
    expect(notices.some((n) => n.includes('model.activation'))).toBe(true);
  });

  it('drops bad entries of arrays and cuts over-long ones', () => {
    const { config, notices } = decodeConfig({ prune: { rates: [0.3, 'x', 2, 0.5] } });
    expect(config.prune.rates).toEqual([0.3, 0.99, 0.5]);
    expect(notices).toHaveLength(2);
    const many = decodeConfig({ prune: { rates: Array.from({ length: 30 }, (_, i) => i / 40) } });
    expect(many.config.prune.rates).toHaveLength(20);
  });

  it('falls back to the defaults for something that is not an object', () => {
    for (const input of [null, 42, 'x', [1, 2]]) {
      const { config, notices } = decodeConfig(input);
      expect(config).toEqual(defaultConfig());
      expect(notices.length).toBe(1);
    }
  });

  it('switches data kinds by the discriminator and rejects an unknown kind', () => {
    expect(decodeConfig({ data: { kind: 'mnist', longTail: 5 } }).config.data).toMatchObject({ kind: 'mnist', longTail: 5 });
    const { config, notices } = decodeConfig({ data: { kind: 'imagenet' } });
    expect(config.data.kind).toBe('synthetic');
    expect(notices.length).toBeGreaterThan(0);
  });
});

describe('parseConfigStrict (for files the user wrote)', () => {
  it('rejects the first problem with its path', () => {
    const r = parseConfigStrict({ train: { epochs: 0 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^train\.epochs: /);
    expect(parseConfigStrict({ train: { epochs: 2 } }).ok).toBe(true);
  });
});
