import { configSchema } from '../../src/engine/contract/config';
import { flatten } from '../../src/engine/contract/object-path';
import { presetConfig, presets } from '../../src/engine/contract/presets';
import { createRng, type Rng } from '../../src/engine/random';
import { decodeShareLink, encodeShareLink } from '../../src/state/share-link';

// Seeded mutations of real share links, as an attacker or a mangling chat tool would make them: unknown keys, huge
// values, unicode, markup payloads, '#' and '&' inside values, duplicate keys, bad flags. Each link says whether a
// mutation that must be reported was applied (the page must then show a notice).

export interface FuzzLink {
  hash: string;
  /** A mutation was applied that the decoder must report (unknown key, duplicate, '#', bad flag, out of range). */
  mustReport: boolean;
}

const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload="window.__pwned=1">',
  'javascript:window.__pwned=1',
  '{{constructor.constructor("window.__pwned=1")()}}',
  '\u202egnp.exe',
  '👩‍👩‍👧‍👦'.repeat(50),
  'null',
  '__proto__',
  '%E0%A4%A',
  '',
];

const bases = (): string[] => [
  ...presets.map((p) => encodeShareLink({ config: presetConfig(p), rate: 0.7 })),
  ...presets.map((p) => `v=1&preset=${p.id}`),
  encodeShareLink({ config: configSchema.parse({ data: { kind: 'mnist', longTail: 20 }, train: { epochs: 4 }, mitigation: { modes: ['none', 'both'] } }), presenter: true }),
];

const split = (p: string): [string, string] => {
  const i = p.indexOf('=');
  return i < 0 ? [p, ''] : [p.slice(0, i), p.slice(i + 1)];
};

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.int(xs.length)];

function randomText(rng: Rng): string {
  const kind = rng.int(6);
  if (kind === 0) return 'x'.repeat(1 + rng.int(100_000));
  if (kind === 1) return String(rng.next() < 0.5 ? -1 : 1) + '9'.repeat(rng.int(400));
  if (kind === 2) return pick(rng, ['NaN', 'Infinity', '-0', '1e400', '0x10', '1,2,,3', 'true', ' 3 ']);
  if (kind === 3) return Array.from({ length: 1 + rng.int(40) }, () => String.fromCodePoint(rng.int(0x2ffff))).join('');
  return pick(rng, PAYLOADS);
}

/** Lone surrogates replaced by U+FFFD (what a browser does to a URL; encodeURIComponent throws on them). */
const wellFormed = (text: string) => text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

/** Percent-encodes most of the time; sometimes leaves the text raw, as a hand-edited link has it. */
const encodeMaybe = (rng: Rng, text: string) => (rng.next() < 0.7 ? encodeURIComponent(wellFormed(text)) : wellFormed(text));

const DROP_KEY = 8;

function mutate(rng: Rng, op: number, pairs: Array<[string, string]>, configKeys: string[]): boolean {
  const at = pairs.length ? rng.int(pairs.length) : 0;
  switch (op) {
    case 0: // an unknown key
      pairs.splice(at, 0, [pick(rng, ['bogus', 'data.nope', 'train.epochs.x', randomText(rng).slice(0, 200) || 'k']), encodeMaybe(rng, randomText(rng))]);
      return true;
    case 1: // a known setting with a bad, huge or hostile value
      pairs.push([pick(rng, configKeys), encodeMaybe(rng, randomText(rng))]);
      return false; // a few texts are valid values (e.g. 'true' for a boolean)
    case 2: // a duplicate key
      if (!pairs.length) return false;
      pairs.push([pairs[at][0], pairs[at][1]]);
      return true;
    case 3: // a '#' inside a value
      if (!pairs.length) return false;
      pairs[at] = [pairs[at][0], `${pairs[at][1]}#${encodeMaybe(rng, randomText(rng).slice(0, 50))}`];
      return true;
    case 4: // a raw '&' inside a value splits it into a key of its own
      if (!pairs.length) return false;
      pairs[at] = [pairs[at][0], `${pairs[at][1]}&${randomText(rng).slice(0, 30)}`];
      return false;
    case 5: // an unreadable autorun or presenter flag (never one that runs)
      pairs.push([pick(rng, ['autorun', 'presenter']), pick(rng, ['yes', '2', 'on', '<script>', '1 ', 'TRUE'])]);
      return true;
    case 6: // a number out of range on a numeric setting
      pairs.push([pick(rng, ['train.epochs', 'seeds', 'data.samples', 'train.learningRate', 'prune.fineTuneEpochs']), pick(rng, ['-5', '1e9', '100000000'])]);
      return true;
    case 7: // too many rates
      pairs.push(['prune.rates', Array.from({ length: 21 + rng.int(40) }, (_, i) => ((i % 99) + 1) / 100).join(',')]);
      return true;
    default: // a key dropped
      if (pairs.length) pairs.splice(at, 1);
      return false;
  }
}

/** `count` links, the same ones for the same seed. */
export function fuzzLinks(count: number, seed: number): FuzzLink[] {
  const rng = createRng(seed, 'link-fuzz');
  const configKeys = flatten(configSchema.parse({}) as unknown as Record<string, unknown>).map(([k]) => k).filter((k) => k !== 'schemaVersion');
  const all = bases();
  const out: FuzzLink[] = [];
  while (out.length < count) {
    const pairs = pick(rng, all).split('&').map(split);
    // Keys are dropped first, so no later drop can undo a mutation that must be reported.
    const ops = Array.from({ length: 1 + rng.int(4) }, () => rng.int(DROP_KEY + 1)).sort((a, b) => (b === DROP_KEY ? 1 : 0) - (a === DROP_KEY ? 1 : 0));
    let mustReport = false;
    for (const op of ops) mustReport = mutate(rng, op, pairs, configKeys) || mustReport;
    const hash = wellFormed(pairs.map(([k, v]) => `${k}=${v}`).join('&'));
    // Never a link that runs a sweep: the fuzz is about reading links, and a thousand runs would take hours.
    if (decodeShareLink(hash).autorun) continue;
    out.push({ hash, mustReport });
  }
  return out;
}
