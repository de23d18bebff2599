// Notices echo what a link or a file held, and that text is the attacker's: a 100 KB value once made the page a
// million pixels wide. Every echoed value goes through here: cut to a readable length, invisible and direction-
// changing characters shown as escapes (so "\u202e" cannot reverse the words after it), quoted when it is text.

/** How many characters of a value a notice shows. */
export const ECHO_MAX = 60;

// C0/C1 controls, zero-width and bidirectional marks, line and paragraph separators.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g;

const escapeHidden = (t: string) => t.replace(HIDDEN, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** The first `max` characters of a text, with an ellipsis when cut (never between the halves of a surrogate pair). */
export function clip(text: string, max = ECHO_MAX): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** A key or setting name as a notice shows it: clipped, hidden characters escaped, not quoted. */
export const echoKey = (key: string, max = ECHO_MAX): string => clip(escapeHidden(key), max);

/** A value as a notice shows it: text quoted, anything else as JSON; clipped and with hidden characters escaped. */
export function echo(value: unknown, max = ECHO_MAX): string {
  if (typeof value === 'string') return `"${clip(escapeHidden(value), max)}"`;
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return clip(escapeHidden(text), max);
}
