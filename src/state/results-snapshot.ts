import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { decodeResultsText, type DecodedResults } from '../engine/contract/decode-results';
import type { Results } from '../engine/contract/results';

// A share link may carry the Results it was copied with, so a classroom link opens onto finished charts instead of
// empty ones: the Results as JSON, DEFLATE-compressed (fflate), in base64url, as the link's `results=` value. It is
// read like an imported file (decode-results.ts: the same schema, migration and lenient config), never trusted more.

/** Most characters a snapshot may take in a link: links past ~64 KB are cut by chat tools and some browsers. */
export const SNAPSHOT_MAX_CHARS = 32_000;

/** Most bytes a snapshot may inflate to: far above any real one, so a crafted link cannot make the page parse megabytes. */
const INFLATED_MAX_BYTES = 4_000_000;

/**
 * What may be left out to fit, in this order, and what the page then lacks. Each is a detail the main charts do not
 * draw: the flipped test samples (one entry per changed prediction), the Lagrange multiplier trajectories and the
 * training curves.
 */
const TRIMS: Array<{ what: string; trim: (r: Results) => Results }> = [
  { what: 'the flipped test samples of each run', trim: (r) => ({ ...r, runs: r.runs.map((run) => ({ ...run, flips: [] })) }) },
  { what: 'the Lagrange multiplier trajectories', trim: (r) => ({ ...r, runs: r.runs.map((run) => ({ ...run, multipliers: [] })) }) },
  { what: 'the training curves', trim: (r) => ({ ...r, training: [] }) },
];

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

const pack = (r: Results) => toBase64Url(deflateSync(strToU8(JSON.stringify(r)), { level: 9 }));

export type EncodedSnapshot = { ok: true; text: string; leftOut: string[] } | { ok: false; chars: number };

/** The snapshot text for a link: the whole Results if they fit, else with details left out (named); or how big it was. */
export function encodeSnapshot(results: Results): EncodedSnapshot {
  let r = results;
  let text = pack(r);
  const leftOut: string[] = [];
  for (const t of TRIMS) {
    if (text.length <= SNAPSHOT_MAX_CHARS) break;
    r = t.trim(r);
    leftOut.push(t.what);
    text = pack(r);
  }
  return text.length <= SNAPSHOT_MAX_CHARS ? { ok: true, text, leftOut } : { ok: false, chars: text.length };
}

/** Reads a link's snapshot back into Results, with the same checks as an imported file. */
export function decodeSnapshot(text: string): DecodedResults {
  if (text.length > SNAPSHOT_MAX_CHARS) return { ok: false, error: `${text.length} characters, more than the ${SNAPSHOT_MAX_CHARS} a link's results may take` };
  const bytes = fromBase64Url(text);
  if (!bytes) return { ok: false, error: 'not base64url text' };
  let inflated: Uint8Array;
  try {
    // One byte more than allowed: a full buffer means the data went on past the limit (fflate stops at its end).
    inflated = inflateSync(bytes, { out: new Uint8Array(INFLATED_MAX_BYTES + 1) });
  } catch (e) {
    return { ok: false, error: `not compressed results (${e instanceof Error ? e.message : String(e)})` };
  }
  if (inflated.length > INFLATED_MAX_BYTES) return { ok: false, error: `it inflates past ${INFLATED_MAX_BYTES / 1e6} MB` };
  return decodeResultsText(strFromU8(inflated));
}
