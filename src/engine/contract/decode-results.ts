import { decodeConfig } from './decode-config';
import { echo, echoKey } from './echo';
import { parseResults, type Results } from './results';

// Results from outside the engine (an imported file, a link's snapshot) are read the way a link is: the config
// they carry is decoded leniently (an unknown key dropped, a value out of range clamped, each reported), because a
// file written by a newer or older build should still show what it measured. Everything else must be Results as
// the schema says (older versions migrated), or the file is refused with one clear line.

export type DecodedResults =
  | { ok: true; results: Results; migratedFrom: number | null; notices: string[] }
  | { ok: false; error: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Untrusted JSON (already parsed) to Results, with the config repaired and what was repaired listed. */
export function decodeResults(input: unknown): DecodedResults {
  if (!isObject(input)) return { ok: false, error: 'not a results file: it is not a JSON object' };
  let notices: string[] = [];
  let candidate = input;
  if (isObject(input.config)) {
    const decoded = decodeConfig(input.config);
    if (decoded.fellBack) return { ok: false, error: `not a results file: its config could not be read (${decoded.notices.join('; ')})` };
    notices = decoded.notices.map((n) => `config: ${n}`);
    candidate = { ...input, config: decoded.config };
  }
  const parsed = parseResults(candidate);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  return { ok: true, results: parsed.results, migratedFrom: parsed.migratedFrom, notices };
}

/** A file's text to Results: JSON first (a clear line when it is not JSON), then decodeResults. */
export function decodeResultsText(text: string): DecodedResults {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `not JSON: ${echoKey(e instanceof Error ? e.message : String(e), 120)}` };
  }
  return decodeResults(json);
}

/** Echoed in a notice title: a file name is the attacker's text too. */
export const fileLabel = (name: string): string => echo(name).slice(1, -1);
