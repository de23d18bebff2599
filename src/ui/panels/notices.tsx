import { useApp } from '../app-context';

/** Notices the user must see: what a link dropped, a failed run, a crashed engine, an unreadable file. */
export function Notices() {
  const notices = useApp((s) => s.notices);
  const dismiss = useApp((s) => s.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((n) => (
        <div key={n.id} className={`notice ${n.tone}`} role={n.tone === 'info' ? 'status' : 'alert'}>
          <strong>{n.title}</strong>
          {n.lines.length > 0 && (
            <ul>
              {n.lines.map((l, i) => <li key={i}>{l}</li>)}
            </ul>
          )}
          <button type="button" className="small" onClick={() => dismiss(n.id)} aria-label={`Dismiss: ${n.title}`}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
