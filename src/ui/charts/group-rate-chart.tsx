import { useMemo } from 'react';
import { Area, CartesianGrid, ComposedChart, ErrorBar, Line, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import type { GroupMetricId } from '../../engine/contract/group-metrics';
import { rowsFromRuns, bandKey, errorKey, groupSeriesRows, groupsWith, hasMetric, seriesKey } from '../../state/select-group-series';
import { groupDot, groupShape } from '../group-mark';
import { dimmed, groupColor, groupDash, groupLineStyle, groupMarker } from '../group-style';
import { useApp } from '../app-context';
import { useStable } from '../use-stable';
import { provisionalAllowed } from '../../state/rate-rules';
import { shownSweep } from '../../state/select-rate';
import { FIXED_DOMAIN_AXIS, LABELLED_RATE_MARGIN, NUMBER_AXIS } from './chart-margins';
import { ChartFrame } from './chart-frame';
import { NO_POINT_YET, NO_RESULTS } from './empty-text';
import { SelectedRateLine } from './selected-rate-line';
import { rateTickFormat, rateTicks, useChartView } from './use-chart-view';

interface Props {
  title: string;
  caption: string;
  metric: GroupMetricId;
  yLabel: string;
  format: (v: number) => string;
  /** Shown when no group has a value (e.g. λ(H_a) with the Hessian off). */
  missing: string;
  /** Fixed y range (accuracy: within [0, 1]); default: fit the data. */
  yDomain?: [number | ((v: number) => number) | 'auto', number | ((v: number) => number) | 'auto'];
}

const FIT_DATA: NonNullable<Props['yDomain']> = ['auto', 'auto'];

/**
 * One metric per group against the pruning rate: mean line, band over seeds (shaded), bootstrap interval over test
 * samples (error bars, where the metric has one), selected rate, provisional points.
 */
export function GroupRateChart({ title, caption, metric, yLabel, format, missing, yDomain = FIT_DATA }: Props) {
  const { results, shown, hoveredGroup, hoverGroup, mode, height } = useChartView();
  const provisional = useApp((s) => s.provisional);
  // A boolean of the sweep, not the rate context: this chart must not depend on the selected rate (SelectedRateLine).
  const takesProvisional = useApp((s) => provisionalAllowed(shownSweep(s)));
  // Kept while its content stays the same, as the chart below (λ(H_a) of the dense model stays put through a sweep).
  const rows = useStable(useMemo(() => groupSeriesRows(results, mode, metric), [results, mode, metric]));
  // Bands (over seeds) and error bars (bootstrap intervals) only where some point has one: each recharts item mounted
  // re-runs the chart's selectors, and one seed or a metric without intervals draws none.
  const banded = useStable(useMemo(() => groupsWith(rows, shown.map((g) => g.group), bandKey), [rows, shown]));
  const barred = useStable(useMemo(() => groupsWith(rows, shown.map((g) => g.group), errorKey), [rows, shown]));
  const quickRows = useMemo(
    () => (takesProvisional ? rowsFromRuns(provisional.flatMap((p) => p.runs), shown.map((g) => g.group), metric) : []),
    [provisional, shown, metric, takesProvisional],
  );
  const empty = !results ? NO_RESULTS : rows.length === 0 ? NO_POINT_YET : !hasMetric(rows) ? missing : null;

  // The series and axes, built once per change of what they show: a new provisional point (below) adds its markers
  // without rebuilding them.
  const series = useMemo(
    () => (
      <>
        <CartesianGrid strokeDasharray="3 3" stroke="#ddd" />
        <XAxis dataKey="rate" type="number" domain={[0, 1]} ticks={rateTicks} tickFormatter={rateTickFormat} {...NUMBER_AXIS} label={{ value: 'pruning rate', position: 'insideBottom', offset: -10 }} />
        <YAxis tickFormatter={format} {...(yDomain === FIT_DATA ? NUMBER_AXIS : FIXED_DOMAIN_AXIS)} width={56} label={{ value: yLabel, angle: -90, position: 'insideLeft', style: { textAnchor: 'middle' } }} domain={yDomain} />
        <Tooltip formatter={(v) => (typeof v === 'number' ? format(v) : String(v))} labelFormatter={(v) => `rate ${rateTickFormat(Number(v))}`} />
        {banded.map((group) => (
          <Area key={`band-${group}`} dataKey={bandKey(group)} stroke="none" fill={groupColor(group)} fillOpacity={0.15 * dimmed(group, hoveredGroup)} isAnimationActive={false} legendType="none" tooltipType="none" connectNulls />
        ))}
        {shown.map(({ group, name }) => (
          <Line
            key={`line-${group}`}
            {...groupLineStyle(group, hoveredGroup)}
            name={name}
            dataKey={seriesKey(group)}
            dot={groupDot(group, hoveredGroup)}
            activeDot={false}
            isAnimationActive={false}
            connectNulls
            onMouseEnter={() => hoverGroup(group)}
          >
            {barred.includes(group) && <ErrorBar dataKey={errorKey(group)} width={4} stroke={groupColor(group)} strokeOpacity={0.7 * dimmed(group, hoveredGroup)} direction="y" />}
          </Line>
        ))}
      </>
    ),
    [shown, banded, barred, hoveredGroup, hoverGroup, format, yLabel, yDomain],
  );
  // The provisional points' markers, each group's where it has a value: a provisional point has no λ(H_a) (the slider's
  // quick evaluation skips the Hessian), and recharts drew a missing value above the plot.
  const quickMarkers = useMemo(
    () =>
      shown.map(({ group, name }) => {
        const points = quickRows.filter((r) => typeof r[seriesKey(group)] === 'number');
        return points.length > 0 && <Scatter key={`quick-${group}`} name={`${name} (provisional)`} data={points} dataKey={seriesKey(group)} shape={groupShape(group, hoveredGroup, true)} isAnimationActive={false} legendType="none" />;
      }),
    [quickRows, shown, hoveredGroup],
  );

  // The same element while its inputs are the same: React then skips the whole recharts tree under it.
  const chart = useMemo(
    () => (
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart data={rows} margin={LABELLED_RATE_MARGIN} onMouseLeave={() => hoverGroup(null)}>
          {series}
          {quickMarkers}
          <SelectedRateLine labelled />
        </ComposedChart>
      </ResponsiveContainer>
    ),
    [rows, series, quickMarkers, height, hoverGroup],
  );

  return (
    <ChartFrame title={title} caption={caption} empty={empty} legend={shown.map((g) => ({ label: g.name, color: groupColor(g.group), dash: groupDash(g.group), marker: groupMarker(g.group) }))}>
      {chart}
    </ChartFrame>
  );
}
