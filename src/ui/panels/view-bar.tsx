import { useMemo } from 'react';
import { shownSweep } from '../../state/select-rate';
import { variantsOf } from '../../state/select-runs';
import { isStale } from '../../state/select-stale';
import { variantLabel } from '../colors';
import { RateSlider } from '../controls/rate-slider';
import { useApp } from '../app-context';
import { GroupLegend } from './group-legend';

/** View settings above the charts: the rate slider, the group legend, the mode the per-group charts show. */
export function ViewBar() {
  const results = useApp((s) => s.results);
  const mode = useApp(shownSweep);
  const setViewMode = useApp((s) => s.setViewMode);
  const source = useApp((s) => s.source);
  const stale = useApp((s) => isStale(s.config, s.results));
  const variants = useMemo(() => variantsOf(results), [results]);
  return (
    <div className="view-bar">
      <RateSlider />
      <GroupLegend />
      {variants.length > 1 && (
        <label className="mode-select">
          Per-group charts show mitigation{' '}
          <select value={mode} onChange={(e) => setViewMode(variants.find((v) => v.key === e.target.value)?.key ?? mode)}>
            {variants.map((v) => <option key={v.key} value={v.key}>{variantLabel(v)}</option>)}
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
