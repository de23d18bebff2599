import { describe, expect, it } from 'vitest';
import { configSchema, defaultConfig } from '../../src/engine/contract/config';
import { presetConfig, presets } from '../../src/engine/contract/presets';
import { decodeShareLink, encodeShareLink, formatLeaf, linkFor, parseLeaf } from '../../src/state/share-link';

describe('share link', () => {
  it('writes only the version for the default config', () => {
    expect(encodeShareLink({ config: defaultConfig() })).toBe('v=1');
  });

  it('writes only the settings that differ from the defaults', () => {
    const c = defaultConfig();
    const changed = { ...c, train: { ...c.train, epochs: 3 }, prune: { ...c.prune, rates: [0.2, 0.6] }, seeds: 2 };
    const hash = encodeShareLink({ config: changed });
    const keys = hash.split('&').map((p) => p.split('=')[0]);
    expect(keys.sort()).toEqual(['prune.rates', 'seeds', 'train.epochs', 'v']);
    expect(hash).toContain('prune.rates=0.2,0.6');
  });

  it.each(presets.map((p) => [p.id, p] as const))('round-trips preset %s exactly', (_id, preset) => {
    const config = presetConfig(preset);
    const decoded = decodeShareLink(`#${encodeShareLink({ config, presenter: true, rate: 0.7, autorun: true })}`);
    expect(decoded.notices).toEqual([]);
    expect(decoded.config).toEqual(config);
    expect(decoded).toMatchObject({ presenter: true, rate: 0.7, autorun: true });
  });

  it('round-trips a config of another data kind and every field type (arrays, booleans, enums)', () => {
    const config = configSchema.parse({
      data: { kind: 'mnist', samples: 2000, longTail: 5, balancedTest: false, keepFractions: [1, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.1] },
      model: { kind: 'mlp', hidden: [32, 16, 8], activation: 'softplus' },
      mitigation: { modes: ['none', 'after', 'both'], version: 'full' },
      hessian: { when: 'all', warmStart: false },
      backend: 'wasm',
      train: { learningRate: 0.00001 },
    });
    const hash = encodeShareLink({ config });
    expect(hash).toContain('backend=wasm');
    expect(decodeShareLink(hash).config).toEqual(config);
  });

  it('compares a Fashion-MNIST config with its own kind\'s defaults (70,000 samples is in range there)', () => {
    const config = configSchema.parse({ data: { kind: 'fashion-mnist', samples: 70000 } });
    expect(encodeShareLink({ config })).toBe('v=1&data.kind=fashion-mnist&data.samples=70000');
    expect(decodeShareLink('#v=1&data.kind=fashion-mnist&data.samples=70000').config).toEqual(config);
  });

  it('accepts a preset as the base and overrides on top of it', () => {
    const d = decodeShareLink('#v=1&preset=start-here&train.epochs=2&autorun=1');
    const base = presetConfig(presets.find((p) => p.id === 'start-here')!);
    expect(d.notices).toEqual([]);
    expect(d.autorun).toBe(true);
    expect(d.config).toEqual({ ...base, train: { ...base.train, epochs: 2 } });
  });

  it('loads the closest valid config from a malformed link and lists what it dropped', () => {
    const d = decodeShareLink('#v=9&train.epochs=1000&data.samples=lots&bogus=1&prune.rates=0.3,x&mitigation.modes=none,sideways&rate=2&preset=nope');
    const text = d.notices.join('\n');
    expect(d.config.train.epochs).toBe(200); // clamped to the schema's maximum
    expect(d.config.data).toEqual(defaultConfig().data); // the unreadable value fell back to the default
    expect(d.config.prune.rates).toEqual([0.3]);
    expect(d.config.mitigation.modes).toEqual(['none']);
    expect(d.rate).toBeNull();
    for (const what of ['version', 'train.epochs', 'data.samples', 'bogus', 'prune.rates', 'mitigation.modes', 'rate', 'preset']) expect(text).toContain(what);
    expect(() => configSchema.parse(d.config)).not.toThrow();
  });

  it('never lets a link reach the object prototype', () => {
    const d = decodeShareLink('#__proto__.polluted=1&model.constructor.x=2');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(d.notices.length).toBeGreaterThan(0);
    expect(d.config).toEqual(defaultConfig());
  });

  it('reads a whole URL and keeps flags off by default', () => {
    const d = decodeShareLink('https://example.org/app/?x=1#v=1&seed=7');
    expect(d.config.seed).toBe(7);
    expect(d).toMatchObject({ autorun: false, presenter: false, rate: null, notices: [] });
  });

  it('reads link text as the kind of value the template holds, and writes it back', () => {
    expect(parseLeaf('0.3,0.5', [0.1])).toEqual([0.3, 0.5]);
    expect(parseLeaf('', [0.1])).toEqual([]);
    expect(parseLeaf('1', true)).toBe(true);
    expect(parseLeaf('yes', true)).toBe('yes');
    expect(parseLeaf('12', 'x')).toBe('12');
    expect(parseLeaf('abc', 3)).toBe('abc');
    expect(formatLeaf([0.3, 0.5])).toBe('0.3,0.5');
  });

  it('builds the page address for a state, keeping the query and never writing autorun', () => {
    const page = { origin: 'https://example.org', pathname: '/play/', search: '?lang=en' };
    const c = defaultConfig();
    expect(linkFor({ config: c, presenter: false, selectedRate: 0 }, page)).toBe('https://example.org/play/?lang=en#v=1');
    const url = linkFor({ config: { ...c, seeds: 3 }, presenter: true, selectedRate: 0.5 }, page);
    expect(url).toBe('https://example.org/play/?lang=en#v=1&seeds=3&rate=0.5&presenter=1');
    expect(decodeShareLink(url)).toMatchObject({ presenter: true, rate: 0.5, autorun: false });
  });

  describe('reports every item it drops or changes', () => {
    it('keeps reading past a "#" inside the hash (location.hash holds it) and says so', () => {
      const d = decodeShareLink('v=1&seed=3#x&train.epochs=4');
      expect(d.config.train.epochs).toBe(4); // before: everything up to the "#" was silently thrown away
      expect(d.notices.join('\n')).toMatch(/seed: a second "#" inside the link/);
    });

    it('names a key given twice and uses its last value, for settings and flags alike', () => {
      const d = decodeShareLink('#v=1&train.epochs=3&train.epochs=5&rate=0.5&rate=0.7');
      expect(d.config.train.epochs).toBe(5);
      expect(d.rate).toBe(0.7);
      expect(d.notices).toEqual(['train.epochs: given 2 times, the last value "5" used', 'rate: given 2 times, the last value "0.7" used']);
    });

    it('names a key swallowed by a later one that sets its parent (found by the link fuzz)', () => {
      const d = decodeShareLink('#v=1&train.epochs.x=1&train.epochs=4');
      expect(d.config.train.epochs).toBe(4);
      expect(d.notices).toEqual(['train.epochs.x: not a setting (train.epochs is one value), ignored']);
    });

    it('reports unreadable autorun and presenter values instead of reading them as off in silence', () => {
      const d = decodeShareLink('#v=1&autorun=yes&presenter=2');
      expect(d).toMatchObject({ autorun: false, presenter: false });
      expect(d.notices).toEqual(['autorun: "yes" is not 1 or 0, ignored (read as off)', 'presenter: "2" is not 1 or 0, ignored (read as off)']);
      expect(decodeShareLink('#autorun=true&presenter=0').notices).toEqual([]);
    });

    it('says how many rates a link gave when it keeps only the first 20', () => {
      const rates = Array.from({ length: 50 }, (_, i) => (i + 1) / 100).join(',');
      const d = decodeShareLink(`#v=1&prune.rates=${rates}`);
      expect(d.config.prune.rates).toHaveLength(20);
      expect(d.notices).toEqual(['prune.rates: 50 entries, more than the 20 allowed: kept the first 20']);
    });

    it('echoes a bad value or key cut short, with invisible characters shown as escapes', () => {
      const huge = 'x'.repeat(100_000);
      const d = decodeShareLink(`#v=1&train.optimizer=${huge}&${huge}=1&preset=${huge}&rate=${huge}&model.activation=a%E2%80%AEb`);
      expect(d.notices.length).toBe(5);
      for (const line of d.notices) expect(line.length).toBeLessThan(200);
      expect(d.notices.join('\n')).toContain('…');
      expect(d.notices.join('\n')).toContain('"a\\u202eb"');
      expect(d.notices.join('\n')).not.toContain('\u202e');
    });
  });
});
