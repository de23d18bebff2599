import { configSchema, MAX_PRUNING_RATE, type Config } from '../engine/contract/config';
import { decodeConfig } from '../engine/contract/decode-config';
import { echo, echoKey } from '../engine/contract/echo';
import { findPreset } from '../engine/contract/presets';
import { deepEqual, flatten, getPath, setPath } from '../engine/contract/object-path';
import type { Results } from '../engine/contract/results';
import { decodeSnapshot } from './results-snapshot';

// The share link: `#v=1&data.kind=mnist&train.epochs=4&prune.rates=0.3,0.5&autorun=1`. One `path=value` pair per
// config setting that differs from its default (so links stay short and survive new defaults being added), a
// version, and a few page flags. Decoding never fails: it returns the closest valid config and what it dropped.

export const LINK_VERSION = 1;

/** Page flags that are not part of the Config. */
export interface LinkFlags {
  /** Run as soon as the page opens. */
  autorun: boolean;
  /** Classroom view: controls hidden, charts enlarged. */
  presenter: boolean;
  /** The selected pruning rate, when not the default. */
  rate: number | null;
}

export interface LinkState extends LinkFlags {
  config: Config;
}

export interface DecodedLink extends LinkState {
  /** What was dropped, clamped or not understood; empty for a clean link. */
  notices: string[];
  /** The Results the link carried (`results=`, results-snapshot.ts), read like an imported file; null if none. */
  snapshot: Results | null;
}

const FLAG_KEYS = new Set(['v', 'autorun', 'presenter', 'rate', 'preset', 'results']);

/** The defaults a config is compared with: those of its own data kind (each kind has its own settings). */
function defaultsFor(kind: string): Config {
  const own = configSchema.safeParse({ data: { kind } });
  return own.success ? own.data : configSchema.parse({ data: { kind: 'synthetic' } });
}

// Leaves as link text. Arrays are written comma-separated; the type a text is read as comes from a template (the
// default config), so "0.3,0.5" becomes [0.3, 0.5] and "true" a boolean only where the config has one.

export type Leaf = number | string | boolean | Array<number | string>;

/** Shortest text that reads back to the same value. */
export function formatLeaf(v: unknown): string {
  if (Array.isArray(v)) return v.map((x) => formatLeaf(x)).join(',');
  return String(v);
}

const numeric = (t: string) => t.trim() !== '' && Number.isFinite(Number(t));
const scalar = (t: string): number | string => (numeric(t) ? Number(t) : t);

/**
 * Reads a text as the kind of value the template holds there. Texts that do not fit stay strings, so the config
 * decoder reports them instead of this function guessing.
 */
export function parseLeaf(text: string, template: unknown): Leaf {
  if (Array.isArray(template)) return text === '' ? [] : text.split(',').map(scalar);
  if (typeof template === 'number') return numeric(text) ? Number(text) : text;
  if (typeof template === 'boolean') {
    if (text === 'true' || text === '1') return true;
    if (text === 'false' || text === '0') return false;
    return text;
  }
  if (typeof template === 'string') return text;
  // No template (an optional or unknown setting): guess from the text.
  if (text.includes(',')) return text.split(',').map(scalar);
  if (text === 'true' || text === 'false') return text === 'true';
  return scalar(text);
}

const encodeValue = (v: string) => encodeURIComponent(v).replace(/%2C/gi, ',');

/**
 * The hash (without '#') for a state: only non-default settings, in a stable order; a Results snapshot
 * (results-snapshot.ts, base64url: no escaping needed) last.
 */
export function encodeShareLink(s: Partial<LinkFlags> & { config: Config; snapshot?: string }): string {
  const defaults = defaultsFor(s.config.data.kind);
  const parts = [`v=${LINK_VERSION}`];
  for (const [path, value] of flatten(s.config as unknown as Record<string, unknown>)) {
    if (path === 'schemaVersion' || value === undefined) continue;
    const isKind = path === 'data.kind';
    if (!isKind && deepEqual(value, getPath(defaults, path))) continue;
    if (isKind && value === defaultsFor('synthetic').data.kind) continue;
    parts.push(`${path}=${encodeValue(formatLeaf(value))}`);
  }
  if (s.rate !== null && s.rate !== undefined) parts.push(`rate=${s.rate}`);
  if (s.presenter) parts.push('presenter=1');
  if (s.autorun) parts.push('autorun=1');
  if (s.snapshot) parts.push(`results=${s.snapshot}`);
  return parts.join('&');
}

/** What of the page's state a link carries (and, on request, its Results: `snapshot`). */
export interface LinkedState {
  config: Config;
  presenter: boolean;
  selectedRate: number;
}

/**
 * The page's address with the link for a state: `page` is the browser's location (origin, path and query are
 * kept). Autorun is never written: reopening a copied link should not run twice.
 */
export function linkFor(s: LinkedState, page: Pick<Location, 'origin' | 'pathname' | 'search'>, snapshot?: string): string {
  const hash = encodeShareLink({ config: s.config, presenter: s.presenter, rate: s.selectedRate === 0 ? null : s.selectedRate, snapshot });
  return `${page.origin}${page.pathname}${page.search}#${hash}`;
}

/**
 * The hash text of a link: a hash as `location.hash` gives it (with or without its leading '#'), or a whole URL. A
 * '#' further on is part of the hash (browsers keep it there), so it stays in the text and is reported, never used
 * to cut the link short.
 */
function hashOf(input: string): string {
  if (input.startsWith('#')) return input.slice(1);
  if (/^[a-z][a-z0-9+.-]*:/i.test(input) && input.includes('#')) return input.slice(input.indexOf('#') + 1);
  return input;
}

/** Reads a page flag (autorun, presenter): 1/true and 0/false; anything else is reported and read as off. */
function readFlag(name: string, text: string | undefined, notices: string[]): boolean {
  if (text === undefined) return false;
  if (text === '1' || text === 'true') return true;
  if (text !== '0' && text !== 'false') notices.push(`${name}: ${echo(text)} is not 1 or 0, ignored (read as off)`);
  return false;
}

/** Reads a hash (with or without '#', or a whole URL) into the closest valid state. */
export function decodeShareLink(input: string): DecodedLink {
  const params = [...new URLSearchParams(hashOf(input))];
  const notices: string[] = [];

  // Every key once, its last value winning (a link edited by hand often appends the new value): said when it happens.
  const last = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const [key, text] of params) {
    last.set(key, text);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (key.includes('#') || text.includes('#')) notices.push(`${echoKey(key)}: a second "#" inside the link, read as part of ${key.includes('#') ? 'the name' : `the value ${echo(text)}`}`);
  }
  for (const [key, n] of counts) if (n > 1) notices.push(`${echoKey(key)}: given ${n} times, the last value ${echo(last.get(key))} used`);
  const get = (key: string) => last.get(key);

  const version = get('v');
  if (version !== undefined && version !== String(LINK_VERSION)) notices.push(`link version ${echo(version)} is not known; read as version ${LINK_VERSION}`);

  let raw: Record<string, unknown> = {};
  const presetId = get('preset');
  if (presetId !== undefined) {
    const preset = findPreset(presetId);
    if (preset) raw = structuredClone(preset.config) as Record<string, unknown>;
    else notices.push(`unknown preset ${echo(presetId)} ignored`);
  }
  // The data kind first: it decides which settings (and which defaults) the other data.* keys belong to.
  const kind = get('data.kind') ?? (getPath(raw, 'data.kind') as string | undefined) ?? 'synthetic';
  if (get('data.kind') !== undefined && getPath(raw, 'data.kind') !== kind) raw.data = { kind };
  const template = defaultsFor(kind);

  const written: string[] = [];
  for (const [path, text] of last) {
    if (FLAG_KEYS.has(path) || path === 'data.kind') continue;
    // `train.epochs.x=1&train.epochs=4`: the second key replaces the object the first one made; say so.
    for (const under of written.filter((w) => w.startsWith(`${path}.`))) notices.push(`${echoKey(under)}: not a setting (${echoKey(path)} is one value), ignored`);
    if (!setPath(raw, path, parseLeaf(text, getPath(template, path)))) notices.push(`${echoKey(path)}: not a setting, ignored`);
    else written.push(path);
  }
  // Data settings without a kind belong to the kind read above (the schema needs the discriminator).
  if (raw.data !== undefined && typeof raw.data === 'object' && raw.data !== null && !Array.isArray(raw.data)) setPath(raw, 'data.kind', kind);

  const decoded = decodeConfig(raw);
  notices.push(...decoded.notices);

  let rate: number | null = null;
  const rateText = get('rate');
  if (rateText !== undefined) {
    const r = Number(rateText);
    if (rateText.trim() !== '' && Number.isFinite(r) && r >= 0 && r <= MAX_PRUNING_RATE) rate = r;
    else notices.push(`rate: ${echo(rateText)} is not a pruning rate in [0, ${MAX_PRUNING_RATE}], ignored`);
  }
  const autorun = readFlag('autorun', get('autorun'), notices);
  const presenter = readFlag('presenter', get('presenter'), notices);

  let snapshot: Results | null = null;
  const snapshotText = get('results');
  if (snapshotText !== undefined) {
    const read = decodeSnapshot(snapshotText);
    if (read.ok) {
      snapshot = read.results;
      notices.push(...read.notices.map((n) => `results: ${n}`));
    } else notices.push(`results: the link's results could not be read (${read.error}), ignored`);
  }
  return { config: decoded.config, notices, autorun, presenter, rate, snapshot };
}
