import { useMemo } from 'react';
import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { CorrelationId } from '../../engine/contract/results';
import { groupShape } from '../group-mark';
import { groupColor, groupMarker } from '../group-style';
import { num } from '../../engine/contract/number-format';
import { AXIS_MARGIN, NUMBER_AXIS } from './chart-margins';
import { ChartFrame } from './chart-frame';
import { NO_RESULTS } from './empty-text';
import { useChartView } from './use-chart-view';
import { useStable } from '../use-stable';

// Constants, not functions made anew each render: recharts takes a new formatter for a changed axis setting.
const tick = (v: number) => num(v, 3);
const tip = (v: unknown) => num(Number(v));

interface Props {
  /** Correlation id in Results.correlations. */
  id: CorrelationId;
  title: string;
  caption: string;
}

/** One of the paper's scatter views: a point per (group, rate, seed), coloured by group, with Spearman's rho. */
export function CorrelationChart({ id, title, caption }: Props) {
  const { results, shown, hoveredGroup, hoverGroup, height } = useChartView();
  // Kept while its points stay the same (the dense models' scatters through a sweep): the chart is then not redrawn.
  const corr = useStable(useMemo(() => results?.correlations.find((c) => c.id === id) ?? null, [results, id]));
  const byGroup = useMemo(() => shown.map((g) => ({ ...g, points: corr ? corr.points.filter((p) => p.group === g.group) : [] })), [corr, shown]);
  const empty = !results ? NO_RESULTS : !corr || corr.points.length === 0 ? 'No points yet (λ(H_a) needs the Hessian turned on).' : null;
  const rho = corr?.rho;
  // A rank correlation over 3 groups can only take a handful of values: say what it rests on.
  const basis = corr && corr.points.length ? ` over ${corr.points.length} points, ${new Set(corr.points.map((p) => p.group)).size} groups` : '';
  // The same element while its inputs are the same: React then skips the whole recharts tree under it.
  const chart = useMemo(
    () => (
      <ResponsiveContainer width="100%" height={height}>
        <ScatterChart margin={AXIS_MARGIN} onMouseLeave={() => hoverGroup(null)}>
          <CartesianGrid strokeDasharray="3 3" stroke="#ddd" />
          <XAxis dataKey="x" type="number" name={corr?.x} domain={['auto', 'auto']} tickFormatter={tick} {...NUMBER_AXIS} label={{ value: corr?.x ?? '', position: 'insideBottom', offset: -10 }} />
          <YAxis dataKey="y" type="number" name={corr?.y} domain={['auto', 'auto']} tickFormatter={tick} {...NUMBER_AXIS} width={56} label={{ value: corr?.y ?? '', angle: -90, position: 'insideLeft', style: { textAnchor: 'middle' } }} />
          <Tooltip formatter={tip} />
          {byGroup.map((g) => (
            <Scatter
              key={g.group}
              className={`series series-g${g.group}`}
              name={g.name}
              data={g.points}
              fill={groupColor(g.group)}
              shape={groupShape(g.group, hoveredGroup)}
              isAnimationActive={false}
              onMouseEnter={() => hoverGroup(g.group)}
            />
          ))}
        </ScatterChart>
      </ResponsiveContainer>
    ),
    [byGroup, corr?.x, corr?.y, hoveredGroup, hoverGroup, height],
  );
  return (
    <ChartFrame title={title} caption={caption} empty={empty} legend={shown.map((g) => ({ label: g.name, color: groupColor(g.group), marker: groupMarker(g.group) }))} tools={<span className="rho" title="Spearman's rank correlation over all points">ρ = {rho === null || rho === undefined ? '–' : rho.toFixed(2)}{basis}</span>}>
      {chart}
    </ChartFrame>
  );
}
