import { useApp } from '../app-context';

/** Which tfjs backend the worker runs on, and why it fell back when it did. */
export function BackendBadge() {
  const b = useApp((s) => s.backend);
  const text = b.status === 'ready' ? b.name : b.status === 'probing' ? 'choosing backend…' : b.status === 'error' ? 'no backend' : 'backend: not started';
  const title = b.status === 'error' ? b.error ?? '' : b.fallbackReason ? `Fell back: ${b.fallbackReason}` : 'The tfjs backend the engine worker uses';
  return (
    <span className={`badge backend-${b.status}${b.fallbackReason ? ' fallback' : ''}`} data-testid="backend-badge" data-backend={b.name ?? ''} title={title}>
      {text}
      {b.fallbackReason && ' ⚠'}
    </span>
  );
}
