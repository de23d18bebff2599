import { useMemo, type KeyboardEvent } from 'react';
import { measuredRates, effectiveMode } from '../../state/select-runs';
import { rateView } from '../../state/select-rate-view';
import { pct } from '../../engine/contract/number-format';
import { useApp, useController } from '../app-context';

const sourceLabel = { measured: 'measured', provisional: 'provisional: pruned, not fine-tuned', pending: 'not measured yet' } as const;

/**
 * The pruning-rate slider. Dragging snaps to measured rates (the charts switch within a frame); between them the
 * worker prunes the dense model without fine-tuning and the point shows as provisional. Arrow keys jump between
 * measured rates; Shift + arrow moves by 1%.
 */
export function RateSlider() {
  const controller = useController();
  const results = useApp((s) => s.results);
  const selectedRate = useApp((s) => s.selectedRate);
  const provisional = useApp((s) => s.provisional);
  const wantedMode = useApp((s) => s.viewMode);
  const canQuick = useApp((s) => s.canQuickEvaluate);
  const running = useApp((s) => s.run.status === 'starting' || s.run.status === 'running');
  const planned = useApp((s) => s.config.prune.rates.some((r) => Math.abs(r - s.selectedRate) < 1e-9));
  const mode = effectiveMode(results, wantedMode);
  const rates = useMemo(() => measuredRates(results, mode), [results, mode]);
  const view = useMemo(() => rateView(results, mode, selectedRate, provisional), [results, mode, selectedRate, provisional]);

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    const dir = e.key === 'ArrowRight' || e.key === 'ArrowUp' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowDown' ? -1 : 0;
    if (dir === 0 || e.shiftKey || rates.length === 0) return;
    e.preventDefault();
    const next = dir > 0 ? rates.find((r) => r > selectedRate + 1e-9) : [...rates].reverse().find((r) => r < selectedRate - 1e-9);
    if (next !== undefined) controller.chooseRate(next);
  }

  return (
    <div className="rate-slider">
      <label htmlFor="rate-slider">Pruning rate</label>
      <input
        id="rate-slider"
        type="range"
        min={0}
        max={0.99}
        step={0.01}
        list="measured-rates"
        aria-label="Pruning rate"
        aria-valuetext={`${pct(selectedRate)}${view ? `, ${view.source}` : ''}`}
        value={selectedRate}
        onChange={(e) => controller.chooseRate(Number(e.target.value))}
        onKeyDown={onKeyDown}
      />
      <datalist id="measured-rates">
        {rates.map((r) => <option key={r} value={r} />)}
      </datalist>
      <output htmlFor="rate-slider" className="rate-value">{pct(selectedRate)}</output>
      <p className="rate-view" data-testid="rate-view" data-rate={selectedRate} data-source={view?.source ?? 'none'} aria-live="polite">
        {!view
          ? 'No results yet.'
          : view.source === 'pending'
            ? running && planned
              ? 'Not measured yet: the sweep gets to this rate soon.'
              : canQuick && mode === 'none'
                ? 'Computing a provisional point (pruned, not fine-tuned)…'
                : 'Not a measured rate: provisional points need a complete sweep run in this tab (None mode).'
            : `${sourceLabel[view.source]} · overall accuracy ${pct(view.overallAccuracy, 1)} · fairness violation ${pct(view.fairnessViolation, 1)}`}
      </p>
    </div>
  );
}
