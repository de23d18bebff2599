import { useApp } from '../app-context';

/** Which tfjs backend the worker runs on, and why it fell back when it did. */
export function BackendBadge() {
  const b = useApp((s) => s.backend);
  const preferred = useApp((s) => s.config.backend);
  // With 'auto' a fallback is the normal path (no GPU); only an explicit choice that could not be honoured is flagged.
  const warn = !!b.fallbackReason && preferred !== 'auto' && preferred !== b.name;
  const threads = b.threads !== null ? ` · ${b.threads} thread${b.threads === 1 ? '' : 's'}${b.hessianHelper ? ' + λ helper' : ''}` : '';
  const text = b.status === 'ready' ? `${b.name}${threads}` : b.status === 'probing' ? 'choosing backend…' : b.status === 'error' ? 'no backend' : 'backend: not started';
  const title = b.status === 'error' ? b.error ?? '' : b.fallbackReason ? `${b.name}, after: ${b.fallbackReason}` : `The tfjs backend the engine worker uses${b.hessianHelper ? '; a helper worker on one more thread computes part of λ(H_a)' : ''}`;
  return (
    <span className={`badge backend-${b.status}${warn ? ' fallback' : ''}`} data-testid="backend-badge" data-backend={b.name ?? ''} data-threads={b.threads ?? ''} data-hessian-helper={b.hessianHelper ? 'yes' : 'no'} title={title}>
      {text}
      {warn && ' ⚠'}
    </span>
  );
}
