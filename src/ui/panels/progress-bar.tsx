import { useApp } from '../app-context';
import type { RunPhase } from '../../engine/contract/events';
import { pct } from '../../engine/contract/number-format';
import { runError, runEtaMs, runFraction, runStatus } from '../../state/run-slice';
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

/** Phase, fraction and the time left (run-slice's runEtaMs: the estimate made before Run, then the progress). */
export function ProgressBar() {
  const run = useApp((s) => s.run);
  const status = useApp(runStatus);
  const error = useApp(runError);
  const fraction = useApp(runFraction);
  const eta = useApp(runEtaMs);
  if (status === 'idle') return null;
  const active = status === 'starting' || status === 'running' || status === 'cancelling';
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
