import { readFileSync } from 'node:fs';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeResultsText } from '../../src/engine/contract/decode-results';
import type { Results } from '../../src/engine/contract/results';
import { createRng } from '../../src/engine/random';
import { decodeSnapshot, encodeSnapshot, SNAPSHOT_MAX_CHARS } from '../../src/state/results-snapshot';
import { decodeShareLink, encodeShareLink } from '../../src/state/share-link';

const fixture = (() => {
  const d = decodeResultsText(readFileSync(new URL('../fixtures/results-v1.json', import.meta.url), 'utf8'));
  if (!d.ok) throw new Error(d.error);
  return d.results;
})();

const base64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

/** The fixture with `n` random flips per run: what a large test split makes of a sweep. */
function withFlips(n: number): Results {
  const rng = createRng(7, 'flips');
  const int = (k: number) => rng.int(k);
  return { ...fixture, runs: fixture.runs.map((r) => ({ ...r, flips: Array.from({ length: n }, () => ({ index: int(1e5), group: int(3), label: int(3), dense: int(3), pruned: int(3) })) })) };
}

describe('a Results snapshot in a share link', () => {
  it('round-trips a sweep exactly, well under the cap', () => {
    const encoded = encodeSnapshot(fixture);
    if (!encoded.ok) throw new Error('did not fit');
    expect(encoded.leftOut).toEqual([]);
    expect(encoded.text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(encoded.text.length).toBeLessThan(SNAPSHOT_MAX_CHARS / 2);
    const back = decodeSnapshot(encoded.text);
    expect(back.ok && back.results).toEqual(fixture);
  });

  it('leaves out the flipped samples first when the whole does not fit, and says so', () => {
    const big = withFlips(2000);
    const encoded = encodeSnapshot(big);
    if (!encoded.ok) throw new Error('did not fit');
    expect(encoded.leftOut).toEqual(['the flipped test samples of each run']);
    const back = decodeSnapshot(encoded.text);
    if (!back.ok) throw new Error(back.error);
    expect(back.results.runs.every((r) => r.flips.length === 0)).toBe(true);
    expect(back.results.runs.map((r) => r.groups)).toEqual(big.runs.map((r) => r.groups));
  });

  it('reports how big results are that do not fit even trimmed', () => {
    const huge: Results = { ...fixture, dataset: { ...fixture.dataset, classNames: Array.from({ length: 8_000 }, (_, i) => `class ${i} ${createRng(i).next().toString(36)}`) } };
    const encoded = encodeSnapshot(huge);
    expect(encoded.ok).toBe(false);
    if (!encoded.ok) expect(encoded.chars).toBeGreaterThan(SNAPSHOT_MAX_CHARS);
  });

  it('refuses what is not a snapshot: too long, not base64url, not compressed, a bomb, not Results', () => {
    const cases: Array<[string, RegExp]> = [
      ['A'.repeat(SNAPSHOT_MAX_CHARS + 1), /more than the 32000/],
      ['<script>alert(1)</script>', /not base64url/],
      [base64url(strToU8('plain text, not deflated')), /not compressed|not JSON/],
      [base64url(deflateSync(new Uint8Array(10_000_000).fill(32), { level: 9 })), /inflates past 4 MB/],
      [base64url(deflateSync(strToU8('{"hello": 1}'))), /not a results file/],
    ];
    for (const [text, message] of cases) {
      const d = decodeSnapshot(text);
      expect(d.ok).toBe(false);
      if (!d.ok) expect(d.error).toMatch(message);
    }
  });

  it("reads the snapshot's config like any import: an unknown key dropped and named", () => {
    const text = base64url(deflateSync(strToU8(JSON.stringify({ ...fixture, config: { ...fixture.config, bogus: 1 } }))));
    const d = decodeShareLink(`#v=1&results=${text}`);
    expect(d.snapshot?.runs).toEqual(fixture.runs);
    expect(d.notices).toEqual(['results: config: ignored unknown setting bogus']);
  });

  it('travels as the last key of a link, and a bad one is named and ignored', () => {
    const encoded = encodeSnapshot(fixture);
    if (!encoded.ok) throw new Error('did not fit');
    const hash = encodeShareLink({ config: fixture.config, rate: 0.5, snapshot: encoded.text });
    expect(hash.endsWith(`&results=${encoded.text}`)).toBe(true);
    const d = decodeShareLink(hash);
    expect(d.notices).toEqual([]);
    expect(d.snapshot).toEqual(fixture);
    expect(d.rate).toBe(0.5);
    const bad = decodeShareLink('#v=1&results=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
    expect(bad.snapshot).toBeNull();
    expect(bad.notices).toEqual(['results: the link\'s results could not be read (not base64url text), ignored']);
  });
});
