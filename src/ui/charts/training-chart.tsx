import { useMemo, useState } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { seriesKey } from '../../state/select-group-series';
import { trainingCurves, trainingPhases, trainingRows } from '../../state/select-training';
import { groupDot, markerStep } from '../group-mark';
import { groupColor, groupDash, groupLineStyle, groupMarker } from '../group-style';
import { num, pct } from '../../engine/contract/number-format';
import type { TrainingPhase } from '../../engine/contract/results';
import { useApp } from '../app-context';
import { AXIS_MARGIN, FIXED_DOMAIN_AXIS, NUMBER_AXIS } from './chart-margins';
import { ChartFrame } from './chart-frame';
import { ACCURACY_DOMAIN, useChartView } from './use-chart-view';
import { useStable } from '../use-stable';

// Constants, not functions made anew each render: recharts takes a new formatter for a changed axis setting.
const formats = { accuracy: (v: number) => pct(v), loss: (v: number) => num(v, 2) };
const tip = (f: (v: number) => string) => (v: unknown) => f(Number(v));
const tips = { accuracy: tip(formats.accuracy), loss: tip(formats.loss) };
const FIT_DATA: ['auto', 'auto'] = ['auto', 'auto'];
const epochLabel = (v: unknown) => `epoch ${String(v)}`;

/** Training curves per group while the dense model trains: the minority group learns slowest. */
export function TrainingChart() {
  const { results, groups, shown, hoveredGroup, hoverGroup, height } = useChartView();
  const live = useApp((s) => s.liveTraining);
  const source = useApp((s) => s.source);
  const [metric, setMetric] = useState<'accuracy' | 'loss'>('accuracy');
  const curves = useMemo(() => trainingCurves(results, live, source), [results, live, source]);
  const phases = useMemo(() => trainingPhases(curves), [curves]);
  const [wantedPhase, setPhase] = useState<TrainingPhase>('dense');
  const phase = phases.includes(wantedPhase) ? wantedPhase : (phases[0] ?? 'dense');
  const numGroups = Math.max(groups.length, curves[0]?.epochs[0]?.groups.length ?? 0);
  // Kept while its content stays the same (a partial Results that only adds a rate): the chart is then not redrawn.
  const rows = useStable(useMemo(() => trainingRows(curves, phase, metric, numGroups), [curves, phase, metric, numGroups]));
  const markEvery = markerStep(rows.length);
  const lines = useMemo(() => (groups.length ? shown : Array.from({ length: numGroups }, (_, group) => ({ group, name: `group ${group}` }))), [groups, shown, numGroups]);
  const tools = (
    <>
      {phases.length > 1 && (
        <select aria-label="Training phase" value={phase} onChange={(e) => setPhase(phases.find((p) => p === e.target.value) ?? phase)}>
          {phases.map((p) => <option key={p} value={p}>{p}</option>)}
        </select>
      )}
      <select aria-label="Training metric" value={metric} onChange={(e) => setMetric(e.target.value as 'accuracy' | 'loss')}>
        <option value="accuracy">accuracy</option>
        <option value="loss">loss</option>
      </select>
    </>
  );
  // The same element while its inputs are the same: React then skips the whole recharts tree under it.
  const chart = useMemo(
    () => (
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={rows} margin={AXIS_MARGIN} onMouseLeave={() => hoverGroup(null)}>
          <CartesianGrid strokeDasharray="3 3" stroke="#ddd" />
          <XAxis dataKey="epoch" type="number" domain={[1, 'dataMax']} allowDecimals={false} {...FIXED_DOMAIN_AXIS} label={{ value: 'epoch', position: 'insideBottom', offset: -10 }} />
          <YAxis tickFormatter={formats[metric]} {...(metric === 'accuracy' ? FIXED_DOMAIN_AXIS : NUMBER_AXIS)} width={52} domain={metric === 'accuracy' ? ACCURACY_DOMAIN : FIT_DATA} />
          <Tooltip formatter={tips[metric]} labelFormatter={epochLabel} />
          {lines.map(({ group, name }) => (
            <Line
              key={group}
              {...groupLineStyle(group, hoveredGroup)}
              name={name}
              dataKey={seriesKey(group)}
              dot={groupDot(group, hoveredGroup, markEvery)}
              isAnimationActive={false}
              onMouseEnter={() => hoverGroup(group)}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    ),
    [rows, lines, markEvery, metric, hoveredGroup, hoverGroup, height],
  );
  return (
    <ChartFrame
      title="Training curves per group"
      caption="Each group's training accuracy (or loss) per epoch of the dense model, live while it trains. Small, hard groups lag behind and end with larger losses, hence larger gradient norms (Prop. 1)."
      empty={rows.length === 0 ? 'The curves appear as the dense model trains.' : null}
      tools={tools}
      legend={lines.map((g) => ({ label: g.name, color: groupColor(g.group), dash: groupDash(g.group), marker: groupMarker(g.group) }))}
    >
      {chart}
    </ChartFrame>
  );
}
