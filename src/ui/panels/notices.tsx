import { useApp } from '../app-context';

/**
 * Lines a notice draws; the rest are counted in one last line. A link can name thousands of unknown keys: listing
 * them all would only grow the page, and the count still says that every one was dropped.
 */
export const MAX_NOTICE_LINES = 200;

/** Lists past which a notice's list scrolls (its height is capped in styles.css), and so must take keyboard focus. */
const SCROLLS_PAST = 3;

/** Notices the user must see: what a link dropped, a failed run, a crashed engine, an unreadable file. */
export function Notices() {
  const notices = useApp((s) => s.notices);
  const dismiss = useApp((s) => s.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((n) => {
        const shown = n.lines.slice(0, MAX_NOTICE_LINES);
        const more = n.lines.length - shown.length;
        return (
          <div key={n.id} className={`notice ${n.tone}`} role={n.tone === 'info' ? 'status' : 'alert'}>
            <strong>{n.title}</strong>
            {n.lines.length > 0 && (
              <ul tabIndex={n.lines.length > SCROLLS_PAST ? 0 : undefined} aria-label={n.lines.length > SCROLLS_PAST ? `${n.lines.length} details` : undefined}>
                {shown.map((l, i) => <li key={i}>{l}</li>)}
                {more > 0 && <li>… and {more} more</li>}
              </ul>
            )}
            <button type="button" className="small" onClick={() => dismiss(n.id)} aria-label={`Dismiss: ${n.title}`}>
              ×
            </button>
          </div>
        );
      })}
    </div>
  );
}
