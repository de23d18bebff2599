import { useMemo } from 'react';
import { shownSweep } from '../../state/select-rate';
import { groupsOf, type GroupInfo } from '../../state/select-runs';
import { useApp } from '../app-context';
import { useStable } from '../use-stable';

/** What every per-group chart shares: the groups shown, the hovered one, the mode and the chart height. */
export function useChartView() {
  const results = useApp((s) => s.results);
  const hiddenGroups = useApp((s) => s.hiddenGroups);
  const hoveredGroup = useApp((s) => s.hoveredGroup);
  const presenter = useApp((s) => s.presenter);
  const hoverGroup = useApp((s) => s.hoverGroup);
  // The same groups across a run's partial Results: the charts' series keep their identity and are not rebuilt.
  const groups = useStable(useMemo(() => groupsOf(results), [results]));
  const shown: GroupInfo[] = useMemo(() => groups.filter((g) => !hiddenGroups.includes(g.group)), [groups, hiddenGroups]);
  // The sweep only: the scatter and training charts do not depend on the selected rate, so they do not redraw with it.
  const mode = useApp(shownSweep);
  return { results, groups, shown, hoveredGroup, hoverGroup, mode, height: presenter ? 360 : 240 };
}

export const rateTicks = [0, 0.2, 0.4, 0.6, 0.8, 1];
export const rateTickFormat = (v: number) => `${Math.round(v * 100)}%`;

/** An accuracy axis's range: the data's, widened to tenths and kept within [0, 1]; one constant, so charts' memos hold. */
export const ACCURACY_DOMAIN: [(v: number) => number, (v: number) => number] = [(v) => Math.max(0, Math.floor(v * 10) / 10), (v) => Math.min(1, Math.ceil(v * 10) / 10)];
