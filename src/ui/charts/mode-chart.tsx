import { useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { modeRows, type ModeMetric } from '../../state/select-modes';
import { variantsOf } from '../../state/select-runs';
import { MODE_COLORS, MODE_MARKERS, variantDash, variantLabel } from '../colors';
import { markerDot } from '../group-mark';
import { pct } from '../../engine/contract/number-format';
import { ChartFrame } from './chart-frame';
import { NO_POINT_YET, NO_RESULTS } from './empty-text';
import { SelectedRateLine } from './selected-rate-line';
import { rateTickFormat, rateTicks, useChartView } from './use-chart-view';
import { useStable } from '../use-stable';
import { AXIS_MARGIN, NUMBER_AXIS } from './chart-margins';

// Constants, not functions made anew each render: recharts takes a new formatter for a changed axis setting.
const pctTick = (v: number) => pct(v, 1);
const pctTip = (v: unknown) => pct(Number(v), 1);
const rateLabel = (v: unknown) => `rate ${rateTickFormat(Number(v))}`;

interface Props {
  title: string;
  caption: string;
  metric: ModeMetric;
  yLabel: string;
}

/** Figs. 8-9: overall accuracy or fairness violation against the rate, one line per mitigation mode. */
export function ModeChart({ title, caption, metric, yLabel }: Props) {
  const { results, height } = useChartView();
  // Kept while their content stays the same, as the chart below.
  const rows = useStable(useMemo(() => modeRows(results, metric), [results, metric]));
  const variants = useStable(useMemo(() => variantsOf(results), [results]));
  const empty = !results ? NO_RESULTS : rows.length === 0 ? NO_POINT_YET : null;
  // The same element while its inputs are the same: React then skips the whole recharts tree under it.
  const chart = useMemo(
    () => (
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={rows} margin={AXIS_MARGIN}>
          <CartesianGrid strokeDasharray="3 3" stroke="#ddd" />
          <XAxis dataKey="rate" type="number" domain={[0, 1]} ticks={rateTicks} tickFormatter={rateTickFormat} {...NUMBER_AXIS} label={{ value: 'pruning rate', position: 'insideBottom', offset: -10 }} />
          <YAxis tickFormatter={pctTick} {...NUMBER_AXIS} width={56} domain={['auto', 'auto']} label={{ value: yLabel, angle: -90, position: 'insideLeft', style: { textAnchor: 'middle' } }} />
          <Tooltip formatter={pctTip} labelFormatter={rateLabel} />
          <Legend verticalAlign="top" height={24} itemSorter={null} />
          {variants.map((v) => (
            <Line key={v.key} className={`series series-mode-${v.mode}`} name={variantLabel(v)} dataKey={v.key} stroke={MODE_COLORS[v.mode]} strokeDasharray={variantDash(v)} strokeWidth={2} dot={markerDot(MODE_MARKERS[v.mode], MODE_COLORS[v.mode])} isAnimationActive={false} connectNulls />
          ))}
          <SelectedRateLine labelled={false} />
        </LineChart>
      </ResponsiveContainer>
    ),
    [rows, variants, yLabel, height],
  );
  return (
    <ChartFrame title={title} caption={caption} empty={empty} legend={variants.map((v) => ({ label: variantLabel(v), color: MODE_COLORS[v.mode], dash: variantDash(v), marker: MODE_MARKERS[v.mode] }))}>
      {chart}
    </ChartFrame>
  );
}
