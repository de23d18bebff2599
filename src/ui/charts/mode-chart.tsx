import { useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { modeRows, type ModeMetric } from '../../state/select-modes';
import { variantsOf } from '../../state/select-runs';
import { MODE_COLORS, MODE_MARKERS, variantDash, variantLabel } from '../colors';
import { markerDot } from '../group-mark';
import { pct } from '../../engine/contract/number-format';
import { AXIS_MARGIN } from './chart-margins';
import { ChartFrame } from './chart-frame';
import { NO_POINT_YET, NO_RESULTS } from './empty-text';
import { SelectedRateLine } from './selected-rate-line';
import { rateTickFormat, rateTicks, useChartView } from './use-chart-view';

interface Props {
  title: string;
  caption: string;
  metric: ModeMetric;
  yLabel: string;
}

/** Figs. 8-9: overall accuracy or fairness violation against the rate, one line per mitigation mode. */
export function ModeChart({ title, caption, metric, yLabel }: Props) {
  const { results, height } = useChartView();
  const rows = useMemo(() => modeRows(results, metric), [results, metric]);
  const variants = useMemo(() => variantsOf(results), [results]);
  const empty = !results ? NO_RESULTS : rows.length === 0 ? NO_POINT_YET : null;
  return (
    <ChartFrame title={title} caption={caption} empty={empty} legend={variants.map((v) => ({ label: variantLabel(v), color: MODE_COLORS[v.mode], dash: variantDash(v), marker: MODE_MARKERS[v.mode] }))}>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={rows} margin={AXIS_MARGIN}>
          <CartesianGrid strokeDasharray="3 3" stroke="#ddd" />
          <XAxis dataKey="rate" type="number" domain={[0, 1]} ticks={rateTicks} tickFormatter={rateTickFormat} label={{ value: 'pruning rate', position: 'insideBottom', offset: -10 }} />
          <YAxis tickFormatter={(v: number) => pct(v, 1)} width={56} domain={['auto', 'auto']} label={{ value: yLabel, angle: -90, position: 'insideLeft', style: { textAnchor: 'middle' } }} />
          <Tooltip formatter={(v) => pct(Number(v), 1)} labelFormatter={(v) => `rate ${rateTickFormat(Number(v))}`} />
          <Legend verticalAlign="top" height={24} itemSorter={null} />
          {variants.map((v) => (
            <Line key={v.key} className={`series series-mode-${v.mode}`} name={variantLabel(v)} dataKey={v.key} stroke={MODE_COLORS[v.mode]} strokeDasharray={variantDash(v)} strokeWidth={2} dot={markerDot(MODE_MARKERS[v.mode], MODE_COLORS[v.mode])} isAnimationActive={false} connectNulls />
          ))}
          <SelectedRateLine labelled={false} />
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
