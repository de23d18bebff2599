import { useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { num, pct } from '../../engine/contract/number-format';
import { ceagChecks, multiplierRows } from '../../state/select-multipliers';
import { groupDot, markerStep } from '../group-mark';
import { groupColor, groupMarker } from '../group-style';
import { useApp } from '../app-context';
import { AXIS_MARGIN, FIXED_DOMAIN_AXIS, NUMBER_AXIS } from './chart-margins';
import { ChartFrame } from './chart-frame';
import { NO_RESULTS } from './empty-text';
import { useChartView } from './use-chart-view';
import { useStable } from '../use-stable';

// Constants, not functions made anew each render: recharts takes a new formatter for a changed axis setting.
const tick = (v: number) => num(v, 2);
const tip = (v: unknown) => num(Number(v), 3);

/**
 * The Lagrange multipliers of the shown sweep at the selected rate (first seed), one line per constraint, coloured
 * by group; for ceag, the pass/fail of each group's constraint ψ_g ≤ ε under the chart.
 */
export function MultiplierChart() {
  const { results, groups, mode, height } = useChartView();
  const rate = useApp((s) => s.selectedRate);
  // Kept while its content stays the same, as the chart below.
  const { rows, constraints } = useStable(useMemo(() => multiplierRows(results, mode, rate), [results, mode, rate]));
  const checks = useMemo(() => ceagChecks(results, mode, rate), [results, mode, rate]);
  const numGroups = groups.length || 1;
  const markEvery = markerStep(rows.length);
  const empty = !results ? NO_RESULTS : rows.length === 0 ? 'No multipliers: pick a mitigated mode (Fair Bef, Fair Aft, Fair Both) in the view bar.' : null;
  const eps = results?.config.mitigation.gapTolerance ?? 0;
  // The same element while its inputs are the same: React then skips the whole recharts tree under it.
  const chart = useMemo(
    () => (
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={rows} margin={AXIS_MARGIN}>
          <CartesianGrid strokeDasharray="3 3" stroke="#ddd" />
          <XAxis dataKey="at" type="number" domain={['dataMin', 'dataMax']} allowDecimals={false} {...FIXED_DOMAIN_AXIS} label={{ value: 'dual update', position: 'insideBottom', offset: -10 }} />
          <YAxis width={56} tickFormatter={tick} {...NUMBER_AXIS} label={{ value: 'λ', angle: -90, position: 'insideLeft' }} />
          <Tooltip formatter={tip} />
          {Array.from({ length: constraints }, (_, c) => (
            <Line key={c} dataKey={`l${c}`} name={`λ${c}`} stroke={groupColor(c % numGroups)} strokeDasharray={c >= numGroups ? '6 3' : undefined} dot={groupDot(c % numGroups, null, markEvery)} isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    ),
    [rows, constraints, numGroups, markEvery, height],
  );
  return (
    <ChartFrame
      title="Lagrange multipliers"
      caption={`λ per constraint at ${pct(rate)} (first seed), dense phase then fine-tuning, one point per dual update. Full mitigation has two per group (dashed: the eigenvalue constraints).`}
      empty={empty}
      legend={groups.map((g) => ({ label: g.name, color: groupColor(g.group), marker: groupMarker(g.group) }))}
    >
      {chart}
      {checks.length > 0 && (
        <p className="caption">
          ceag, ψ_g ≤ ε = {eps} on the training split:{' '}
          {checks.map((c) => `${groups[c.group]?.name ?? c.group} ψ = ${num(c.psi, 3)} ${c.passed === c.seeds ? 'pass' : `fail (${c.seeds - c.passed}/${c.seeds} seeds)`}`).join('; ')}
        </p>
      )}
    </ChartFrame>
  );
}
