import { useMemo } from 'react';
import { effectiveMode, modesPresent } from '../../state/select-runs';
import { isStale } from '../../state/select-stale';
import { MODE_LABELS } from '../colors';
import { RateSlider } from '../controls/rate-slider';
import { useApp } from '../app-context';
import { GroupLegend } from './group-legend';

/** View settings above the charts: the rate slider, the group legend, the mode the per-group charts show. */
export function ViewBar() {
  const results = useApp((s) => s.results);
  const viewMode = useApp((s) => s.viewMode);
  const setViewMode = useApp((s) => s.setViewMode);
  const source = useApp((s) => s.source);
  const stale = useApp((s) => isStale(s.config, s.results));
  const modes = useMemo(() => modesPresent(results), [results]);
  return (
    <div className="view-bar">
      <RateSlider />
      <GroupLegend />
      {modes.length > 1 && (
        <label className="mode-select">
          Per-group charts show mode{' '}
          <select value={effectiveMode(results, viewMode)} onChange={(e) => setViewMode(e.target.value as typeof viewMode)}>
            {modes.map((m) => <option key={m} value={m}>{MODE_LABELS[m]}</option>)}
          </select>
        </label>
      )}
      {stale && (
        <p className="stale" role="status">
          {source === 'import' ? 'These are imported results; the settings have changed since.' : 'The settings changed since these results were computed.'} Press Run to update them.
        </p>
      )}
    </div>
  );
}
