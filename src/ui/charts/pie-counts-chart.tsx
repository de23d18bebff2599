import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { pct } from '../../engine/contract/number-format';
import type { PieSummary } from '../../engine/contract/pies';
import type { GroupInfo } from '../../state/select-runs';
import { BAR_MARGIN, NUMBER_AXIS } from './chart-margins';
import { ChartFrame } from './chart-frame';
import { groupCells } from './group-cells';
import { useChartView } from './use-chart-view';
import { useStable } from '../use-stable';

/** The tooltip's line: the count and the group's share (a constant: recharts takes a new formatter for a changed setting). */
const countAndShare = (v: unknown, _n: unknown, item: { payload?: unknown }) => `${String(v)} (${pct((item.payload as { share: number }).share || 0, 1)} of the group's test images)`;

/** One bar per shown group: how many of its test images pruning forgot (PIEs), with their share in the tooltip. */
export function PieCountsChart({ pies, rate }: { pies: PieSummary; rate: number }) {
  const { shown, hoveredGroup, hoverGroup, height } = useChartView();
  // Kept while its content stays the same, as the chart below.
  const rows = useStable(useMemo(() => shown.map(({ group, name }: GroupInfo) => ({ group, name, count: pies.groups[group]?.length ?? 0, share: pies.share[group] })), [shown, pies]));
  const seeds = pies.seeds > 1 ? `changed in more than half of ${pies.seeds} seeds` : 'changed';
  // The same element while its inputs are the same: React then skips the whole recharts tree under it.
  const chart = useMemo(
    () => (
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={rows} margin={BAR_MARGIN} onMouseLeave={() => hoverGroup(null)}>
          <CartesianGrid strokeDasharray="3 3" stroke="#ddd" />
          <XAxis dataKey="name" />
          <YAxis allowDecimals={false} {...NUMBER_AXIS} width={48} />
          <Tooltip formatter={countAndShare} />
          <Bar dataKey="count" name="PIEs" isAnimationActive={false}>
            {groupCells(rows, 'count', hoveredGroup, hoverGroup)}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    ),
    [rows, hoveredGroup, hoverGroup, height],
  );
  return (
    <ChartFrame
      wide
      title="PIEs per group"
      caption={`Pruning identified exemplars at ${pct(rate)} (Hooker et al.): test images whose prediction ${seeds} between the dense and the pruned model. Which group's examples does pruning forget? The tooltip gives the share of the group's test images.`}
    >
      {chart}
    </ChartFrame>
  );
}
