import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RateViewRow } from '../../state/select-rate-view';
import { dimmed, groupColor } from '../group-style';
import { num, pct, pp } from '../../engine/contract/number-format';
import { useApp } from '../app-context';
import { useRateContext } from '../use-rate-context';
import { BAR_MARGIN, NUMBER_AXIS } from './chart-margins';
import { ChartFrame } from './chart-frame';
import { groupCells } from './group-cells';
import { NO_RESULTS } from './empty-text';
import { niceTicks } from './nice-ticks';
import { useChartView } from './use-chart-view';
import { useStable } from '../use-stable';

// Constants, not functions made anew each render: recharts takes a new formatter for a changed axis setting.
const ppTick = (v: number) => pp(v, 1);
const ppTip = (v: unknown) => pp(Number(v));
const numTick = (v: number) => num(v, 2);
const numTip = (v: unknown) => num(Number(v));

const sourceText = { measured: 'measured', provisional: 'provisional: pruned without fine-tuning', pending: 'not measured yet' } as const;

/**
 * Axes for R(a) (left) and the bound (right) with their zeros at the same height: the right axis is the left one
 * scaled by k, so a group's two bars compare by height order while their scales differ by orders of magnitude.
 */
function alignedAxes(rows: RateViewRow[]): { loss: number[]; bound: number[] } {
  const losses = rows.map((r) => r.excessLoss ?? 0);
  const lo = Math.min(0, ...losses);
  const hi = Math.max(0, ...losses);
  const loss = niceTicks(lo, hi > 0 ? hi : Math.max(Math.abs(lo), 1e-9));
  const top = loss[loss.length - 1];
  const k = Math.max(0, ...rows.map((r) => r.theorem1Bound ?? 0)) / top || 1;
  return { loss, bound: loss.map((t) => t * k) };
}

/** Fig. 1's bars at the selected rate: each group's accuracy change, and its excess loss R(a) beside Theorem 1's bound. */
export function RateBarsCharts() {
  const { results, shown, hoveredGroup, hoverGroup, height } = useChartView();
  const selectedRate = useApp((s) => s.selectedRate);
  const { view, provisional } = useRateContext();
  // Kept while its content stays the same (a partial Results at another rate): the bars are then not redrawn.
  const rows = useStable(useMemo(() => (view ? view.rows.filter((r) => shown.some((g) => g.group === r.group)) : []), [view, shown]));
  const hasBound = rows.some((r) => r.theorem1Bound !== null);
  const axes = useMemo(() => alignedAxes(rows), [rows]);
  const canQuick = useApp((s) => s.canQuickEvaluate);
  const running = useApp((s) => s.run.status === 'starting' || s.run.status === 'running');
  const empty = !results
    ? NO_RESULTS
    : view?.source === 'pending'
      ? `No point at ${pct(selectedRate)} yet${running ? ': the sweep has not reached it.' : canQuick && provisional ? ': computing a provisional point…' : ': move the slider to a measured rate.'}`
      : null;
  const label = view ? ` at ${pct(view.rate)} (${sourceText[view.source]})` : '';
  // Each chart the same element while its inputs are the same: React then skips the whole recharts tree under it.
  const changeChart = useMemo(
    () => (
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={rows} margin={BAR_MARGIN} onMouseLeave={() => hoverGroup(null)}>
          <CartesianGrid strokeDasharray="3 3" stroke="#ddd" />
          <XAxis dataKey="name" />
          <YAxis tickFormatter={ppTick} {...NUMBER_AXIS} width={70} />
          <ReferenceLine y={0} stroke="#444" />
          <Tooltip formatter={ppTip} />
          <Bar dataKey="accuracyChange" name="accuracy change" isAnimationActive={false}>
            {groupCells(rows, 'accuracyChange', hoveredGroup, hoverGroup)}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    ),
    [rows, hoveredGroup, hoverGroup, height],
  );
  const lossChart = useMemo(
    () => (
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={rows} margin={BAR_MARGIN} onMouseLeave={() => hoverGroup(null)}>
          <CartesianGrid strokeDasharray="3 3" stroke="#ddd" />
          <XAxis dataKey="name" />
          <YAxis yAxisId="loss" domain={[axes.loss[0], axes.loss[axes.loss.length - 1]]} ticks={axes.loss} tickFormatter={numTick} {...NUMBER_AXIS} width={56} label={{ value: 'R(a)', angle: -90, position: 'insideLeft', style: { textAnchor: 'middle' } }} />
          {hasBound && <YAxis yAxisId="bound" domain={[axes.bound[0], axes.bound[axes.bound.length - 1]]} ticks={axes.bound} orientation="right" tickFormatter={numTick} {...NUMBER_AXIS} width={56} label={{ value: 'bound', angle: 90, position: 'insideRight', style: { textAnchor: 'middle' } }} />}
          <ReferenceLine yAxisId="loss" y={0} stroke="#444" />
          <Tooltip formatter={numTip} />
          <Bar yAxisId="loss" dataKey="excessLoss" name="excess loss R(a)" isAnimationActive={false}>
            {groupCells(rows, 'excessLoss', hoveredGroup, hoverGroup)}
          </Bar>
          {hasBound && (
            <Bar yAxisId="bound" dataKey="theorem1Bound" name="Theorem 1 bound (right axis)" isAnimationActive={false}>
              {rows.map((r) => <Cell key={`b-${r.group}`} fill={groupColor(r.group)} fillOpacity={0.3 * dimmed(r.group, hoveredGroup)} stroke={groupColor(r.group)} strokeDasharray="3 2" />)}
            </Bar>
          )}
        </BarChart>
      </ResponsiveContainer>
    ),
    [rows, axes, hasBound, hoveredGroup, hoverGroup, height],
  );

  return (
    <>
      <ChartFrame
        title="Accuracy change at the selected rate"
        caption={`Each group's accuracy minus its dense accuracy${label}. The Matthew effect: the groups that were already worse off lose the most (Fig. 1).`}
        empty={empty}
      >
        {changeChart}
      </ChartFrame>
      <ChartFrame
        title="Excess loss and Theorem 1 bound"
        caption={`Solid: each group's excess loss R(a) = J(θ̄; D_a) − J(θ̂; D_a)${label}. Pale, dashed, right axis: Theorem 1's bound ||g_a||·||θ̄−θ̂|| + ½λ(H_a)·||θ̄−θ̂||², large for groups with large gradient norms and Hessian eigenvalues. It is an upper bound, not a prediction: a group's measured R(a) can sit far below it, even below 0 where fine-tuning after pruning lowers that group's loss (the small group of start-here up to 80%).${hasBound || !results || view?.source === 'pending' ? '' : ' (The bound needs λ(H_a): turn the Hessian on.)'}`}
        empty={empty}
      >
        {lossChart}
      </ChartFrame>
    </>
  );
}
