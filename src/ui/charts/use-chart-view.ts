import { useMemo } from 'react';
import { shownSweep } from '../../state/select-rate';
import { groupsOf, type GroupInfo } from '../../state/select-runs';
import { useApp } from '../app-context';

/** What every per-group chart shares: the groups shown, the hovered one, the mode and the chart height. */
export function useChartView() {
  const results = useApp((s) => s.results);
  const hiddenGroups = useApp((s) => s.hiddenGroups);
  const hoveredGroup = useApp((s) => s.hoveredGroup);
  const presenter = useApp((s) => s.presenter);
  const hoverGroup = useApp((s) => s.hoverGroup);
  const groups = useMemo(() => groupsOf(results), [results]);
  const shown: GroupInfo[] = useMemo(() => groups.filter((g) => !hiddenGroups.includes(g.group)), [groups, hiddenGroups]);
  // The sweep only: the scatter and training charts do not depend on the selected rate, so they do not redraw with it.
  const mode = useApp(shownSweep);
  return { results, groups, shown, hoveredGroup, hoverGroup, mode, height: presenter ? 360 : 240 };
}

export const rateTicks = [0, 0.2, 0.4, 0.6, 0.8, 1];
export const rateTickFormat = (v: number) => `${Math.round(v * 100)}%`;
