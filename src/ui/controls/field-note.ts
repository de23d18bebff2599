import { echo } from '../../engine/contract/echo';

/**
 * What a field says after a commit when the setting did not end up as typed: text that does not read as a value is
 * dropped (the setting keeps its value), a number is rounded to a whole one or clamped into the setting's range by
 * the store. Null when the setting is what was typed. `typed` is the text, `read` how it reads (null: unreadable),
 * `stored` the setting as the field shows it after the store validated it.
 */
export function fieldNote(typed: string, read: string | null, stored: string, what: string): string | null {
  if (read === null) return `${echo(typed.trim())} is not ${what}: kept ${stored}.`;
  if (read === stored) return null;
  return `${echo(typed.trim())} became ${stored} (the setting's range and step).`;
}

/** How a typed number reads before rounding or clamping ("1e2" → "100"); null when it is not a finite number. */
export function readNumber(t: string): string | null {
  const v = Number(t.trim());
  return t.trim() !== '' && Number.isFinite(v) ? String(v) : null;
}

/** How a typed list of numbers reads ("0.3 0.5,0.7" → "0.3, 0.5, 0.7"); null when an entry is not a number. */
export function readNumberList(t: string): string | null {
  const xs = t.split(/[,\s]+/).filter(Boolean).map(Number);
  return xs.length > 0 && xs.every(Number.isFinite) ? xs.join(', ') : null;
}
