import type { KeyboardEvent } from 'react';
import { configRates, MAX_PRUNING_RATE } from '../../engine/contract/config';
import { pct } from '../../engine/contract/number-format';
import { isPlannedRate, nextRate, steppedRate } from '../../state/rate-rules';
import { useApp, useController } from '../app-context';
import { useRateContext } from '../use-rate-context';

const sourceLabel = { measured: 'measured', provisional: 'provisional: pruned, not fine-tuned', pending: 'not measured yet' } as const;

/**
 * The pruning-rate slider. Dragging snaps to measured rates (the charts switch within a frame); between them the
 * worker prunes the dense model without fine-tuning and the point shows as provisional. Arrow keys jump between
 * measured rates (the planned ones before any result); Shift + arrow moves by 1%, never snapped back.
 */
export function RateSlider() {
  const controller = useController();
  const selectedRate = useApp((s) => s.selectedRate);
  const canQuick = useApp((s) => s.canQuickEvaluate);
  const running = useApp((s) => s.run.status === 'starting' || s.run.status === 'running');
  const planned = useApp((s) => isPlannedRate(s.config, s.selectedRate));
  const config = useApp((s) => s.config);
  const { measured: rates, view, provisional } = useRateContext();

  // Both arrow behaviours are handled here: the browser's own 1% step would be snapped straight back to the measured
  // rate it left (chooseRate snaps within 2 points), so Shift + arrow at a measured rate did nothing.
  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    const dir = e.key === 'ArrowRight' || e.key === 'ArrowUp' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowDown' ? -1 : 0;
    if (dir === 0) return;
    e.preventDefault();
    if (e.shiftKey) return controller.chooseRate(steppedRate(selectedRate, dir), 'exact');
    const next = nextRate(rates.length ? rates : configRates(config), selectedRate, dir);
    if (next !== null) controller.chooseRate(next);
  }

  return (
    <div className="rate-slider">
      <label htmlFor="rate-slider">Pruning rate</label>
      <input
        id="rate-slider"
        type="range"
        min={0}
        max={MAX_PRUNING_RATE}
        step={0.01}
        list="measured-rates"
        aria-label="Pruning rate"
        aria-describedby="rate-slider-keys"
        aria-valuetext={`${pct(selectedRate)}${view ? `, ${view.source}` : ''}`}
        value={selectedRate}
        onChange={(e) => controller.chooseRate(Number(e.target.value))}
        onKeyDown={onKeyDown}
      />
      <datalist id="measured-rates">
        {rates.map((r) => <option key={r} value={r} />)}
      </datalist>
      <output htmlFor="rate-slider" className="rate-value">{pct(selectedRate)}</output>
      <span id="rate-slider-keys" className="visually-hidden">
        Arrow keys: next measured rate. Shift and arrow keys: 1% steps.
      </span>
      <p className="rate-view" data-testid="rate-view" data-rate={selectedRate} data-source={view?.source ?? 'none'} aria-live="polite">
        {!view
          ? 'No results yet.'
          : view.source === 'pending'
            ? running && planned
              ? 'Not measured yet: the sweep gets to this rate soon.'
              : canQuick && provisional
                ? 'Computing a provisional point (pruned, not fine-tuned)…'
                : 'Not a measured rate: provisional points need a complete sweep run in this tab (None mode).'
            : `${sourceLabel[view.source]} · overall accuracy ${pct(view.overallAccuracy, 1)} · fairness violation ${pct(view.fairnessViolation, 1)}`}
      </p>
    </div>
  );
}
