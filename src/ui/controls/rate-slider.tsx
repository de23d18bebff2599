import type { KeyboardEvent } from 'react';
import { MAX_PRUNING_RATE, sameRate } from '../../engine/contract/config';
import { pct } from '../../engine/contract/number-format';
import { isPlannedRate } from '../../state/rate-rules';
import { useApp, useController } from '../app-context';
import { useRateContext } from '../use-rate-context';

const sourceLabel = { measured: 'measured', provisional: 'provisional: pruned, not fine-tuned', pending: 'not measured yet' } as const;

/**
 * The pruning-rate slider. Dragging snaps to measured rates (the charts switch within a frame); between them the
 * worker prunes the dense model without fine-tuning and the point shows as provisional. Arrow keys jump between
 * measured rates; Shift + arrow moves by 1%.
 */
export function RateSlider() {
  const controller = useController();
  const selectedRate = useApp((s) => s.selectedRate);
  const canQuick = useApp((s) => s.canQuickEvaluate);
  const running = useApp((s) => s.run.status === 'starting' || s.run.status === 'running');
  const planned = useApp((s) => isPlannedRate(s.config, s.selectedRate));
  const { measured: rates, view, provisional } = useRateContext();

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    const dir = e.key === 'ArrowRight' || e.key === 'ArrowUp' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowDown' ? -1 : 0;
    if (dir === 0 || e.shiftKey || rates.length === 0) return;
    e.preventDefault();
    const next = dir > 0 ? rates.find((r) => r > selectedRate && !sameRate(r, selectedRate)) : [...rates].reverse().find((r) => r < selectedRate && !sameRate(r, selectedRate));
    if (next !== undefined) controller.chooseRate(next);
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
              : canQuick && provisional
                ? 'Computing a provisional point (pruned, not fine-tuned)…'
                : 'Not a measured rate: provisional points need a complete sweep run in this tab (None mode).'
            : `${sourceLabel[view.source]} · overall accuracy ${pct(view.overallAccuracy, 1)} · fairness violation ${pct(view.fairnessViolation, 1)}`}
      </p>
    </div>
  );
}
