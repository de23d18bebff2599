import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { pct } from '../../engine/contract/number-format';
import type { PieSummary } from '../../engine/contract/pies';
import type { GroupInfo } from '../../state/select-runs';
import { dimmed, groupColor } from '../group-style';
import { BAR_MARGIN } from './chart-margins';
import { ChartFrame } from './chart-frame';
import { useChartView } from './use-chart-view';

/** One bar per shown group: how many of its test images pruning forgot (PIEs), with their share in the tooltip. */
export function PieCountsChart({ pies, rate }: { pies: PieSummary; rate: number }) {
  const { shown, hoveredGroup, hoverGroup, height } = useChartView();
  const rows = useMemo(() => shown.map(({ group, name }: GroupInfo) => ({ group, name, count: pies.groups[group]?.length ?? 0, share: pies.share[group] })), [shown, pies]);
  const seeds = pies.seeds > 1 ? `changed in more than half of ${pies.seeds} seeds` : 'changed';
  return (
    <ChartFrame
      wide
      title="PIEs per group"
      caption={`Pruning identified exemplars at ${pct(rate)} (Hooker et al.): test images whose prediction ${seeds} between the dense and the pruned model. Which group's examples does pruning forget? The tooltip gives the share of the group's test images.`}
    >
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={rows} margin={BAR_MARGIN} onMouseLeave={() => hoverGroup(null)}>
          <CartesianGrid strokeDasharray="3 3" stroke="#ddd" />
          <XAxis dataKey="name" />
          <YAxis allowDecimals={false} width={48} />
          <Tooltip formatter={(v, _n, item) => `${String(v)} (${pct((item.payload as { share: number }).share || 0, 1)} of the group's test images)`} />
          <Bar dataKey="count" name="PIEs" isAnimationActive={false}>
            {rows.map((r) => (
              <Cell key={r.group} fill={groupColor(r.group)} fillOpacity={dimmed(r.group, hoveredGroup)} onMouseEnter={() => hoverGroup(r.group)} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
