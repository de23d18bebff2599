import { describeEstimate, estimateWarns, ESTIMATE_WARN_SECONDS, roughDuration } from '../../engine/contract/run-estimate';
import { useApp } from '../app-context';

/**
 * The run's estimated time beside Run ("about 3 minutes on wasm"), from a short calibration of this config's model on
 * this backend; past a few minutes it warns, so an absurd run is not started by accident.
 */
export function RunEstimateNote() {
  const estimate = useApp((s) => s.estimate);
  if (estimate.status === 'none' || estimate.status === 'error') return null;
  if (estimate.status === 'estimating') {
    return (
      <span className="run-estimate muted" data-testid="run-estimate" data-status="estimating">
        estimating the run's time…
      </span>
    );
  }
  const e = estimate.value;
  const warn = estimateWarns(e);
  const { training, measuring, hessian } = e.parts;
  const title = `Estimated from a few timed steps of this model on ${e.backend}: training ${roughDuration(training)}, measuring ${roughDuration(measuring)}, λ(H_a) ${roughDuration(hessian)}. Fewer seeds, rates, epochs or samples make it shorter.`;
  return (
    <span className={`run-estimate${warn ? ' warn' : ' muted'}`} data-testid="run-estimate" data-status="ready" data-seconds={Math.round(e.seconds)} title={title}>
      {warn ? `⚠ a long run: ${describeEstimate(e)} (over ${Math.round(ESTIMATE_WARN_SECONDS / 60)} minutes)` : describeEstimate(e)}
    </span>
  );
}
