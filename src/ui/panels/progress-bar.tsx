import { useApp } from '../app-context';
import type { RunPhase } from '../../engine/contract/events';
import { pct } from '../../engine/contract/number-format';
import { runError, runFraction, runStatus } from '../../state/run-slice';
import { duration } from '../duration';

/** Every phase the engine reports has a label: a new RunPhase is a type error here until it gets one. */
const PHASES: Record<RunPhase, string> = {
  data: 'building data',
  'train-dense': 'training dense model',
  prune: 'pruning',
  'fine-tune': 'fine-tuning',
  measure: 'measuring',
  hessian: 'Hessian eigenvalues',
  done: 'done',
};

/** Phase, fraction and a simple ETA (elapsed time scaled by what is left; shown once a few percent are done). */
export function ProgressBar() {
  const run = useApp((s) => s.run);
  const status = useApp(runStatus);
  const error = useApp(runError);
  const fraction = useApp(runFraction);
  if (status === 'idle') return null;
  const active = status === 'starting' || status === 'running' || status === 'cancelling';
  const elapsed = (run.updatedAt ?? 0) - (run.startedAt ?? 0);
  const eta = active && fraction > 0.03 ? (elapsed * (1 - fraction)) / fraction : null;
  const label = active ? `${run.phase ? PHASES[run.phase] : 'starting'} · ${pct(fraction)}${eta !== null ? ` · about ${duration(eta)} left` : ''}` : `${status}${error ? `: ${error}` : ''}`;
  return (
    <div className={`progress ${status}`} data-status={status}>
      <progress aria-label="Run progress" max={1} value={fraction} />
      <span className="progress-label" role="status">
        {label}
      </span>
      {active && <span className="progress-message muted">{run.message}</span>}
    </div>
  );
}
