import { groupMetricAxis, groupMetricTable, groupMetricTitle, type GroupMetricId } from '../../engine/contract/group-metrics';
import { useMemo } from 'react';
import { hessianSamplingLabel } from '../../state/select-hessian-sampling';
import { useApp } from '../app-context';
import { CorrelationChart } from './correlation-chart';
import { GroupRateChart } from './group-rate-chart';
import { ModeChart } from './mode-chart';
import { MultiplierChart } from './multiplier-chart';
import { RateBarsCharts } from './rate-bars-chart';
import { TrainingChart } from './training-chart';
import { ACCURACY_DOMAIN } from './use-chart-view';

/** A per-group chart's title, axis label and number format, from the contract's metric table. */
const fromTable = (id: GroupMetricId) => {
  const m = groupMetricTable[id];
  return { metric: id, title: groupMetricTitle(m), yLabel: groupMetricAxis(m), format: m.format };
};

/** Every chart, in the order of the paper's argument: the effect, its two causes, their correlates, the mitigation. */
export function ChartGrid({ showModes }: { showModes: boolean }) {
  const results = useApp((s) => s.results);
  const sampling = useMemo(() => hessianSamplingLabel(results), [results]);
  const hessian = fromTable('hessianMax');
  return (
    <div className="chart-grid" id="charts" tabIndex={-1} role="group" aria-labelledby="charts-heading">
      {/* The charts' titles are h3: this heading keeps the outline in order once the welcome's h2 is gone. */}
      <h2 id="charts-heading" className="visually-hidden">
        Charts
      </h2>
      <GroupRateChart
        {...fromTable('accuracy')}
        yDomain={ACCURACY_DOMAIN}
        missing="No accuracy yet."
        caption="Test accuracy of each group as more weights are pruned (Fig. 1, 4a). The Matthew effect: the group that starts lowest falls fastest, so the gap between groups widens. Shading: mean ± sd over seeds; error bars: bootstrap interval over the test samples (Uncertainty settings)."
      />
      <RateBarsCharts />
      <GroupRateChart
        {...fromTable('gradNorm')}
        missing="No gradient norms yet."
        caption="||g_a||, the norm of each group's loss gradient (Fig. 4b). Groups with large gradient norms are hurt most by pruning (Theorem 1); small groups end training with large norms (Prop. 1)."
      />
      <GroupRateChart
        {...hessian}
        yLabel={`${hessian.yLabel}${sampling.axisSuffix}`}
        missing="λ(H_a) was not computed: set Hessian → Compute to “Dense model only” or “At every rate”."
        caption={`λ(H_a), the top eigenvalue of each group's loss Hessian (Fig. 4c): the curvature term of Theorem 1. Groups whose samples lie near the decision boundary have larger λ(H_a) (Theorem 2). With Compute “Dense model only” it has points at rate 0 only.${sampling.captionNote}`}
      />
      <TrainingChart />
      <CorrelationChart id="size-gradnorm" title="Group size vs ||g_a||" caption="Each dense model's groups: smaller groups have larger gradient norms (Prop. 1, Fig. 2). ρ is Spearman's rank correlation." />
      <CorrelationChart id="accuracy-gradnorm" title="Accuracy vs ||g_a||" caption="Every group at every rate: less accurate groups have larger gradient norms (Prop. 2, Fig. 3)." />
      <CorrelationChart id="hessian-boundary" title="λ(H_a) vs boundary closeness" caption="Groups whose samples sit closer to the decision boundary (larger Σ p(1−p)) have larger Hessian eigenvalues (Theorem 2, Fig. 5)." />
      <CorrelationChart id="hessian-gradnorm" title="λ(H_a) vs ||g_a||" caption="The two causes travel together: groups with large gradient norms also have large Hessian eigenvalues (Fig. 6)." />
      {showModes && (
        <>
          <ModeChart title="Accuracy by mitigation mode" metric="accuracy" yLabel="overall accuracy" caption="Overall test accuracy against the rate for each mitigation mode (Fig. 8): the mitigation should cost little accuracy." />
          <ModeChart title="Fairness violation by mitigation mode" metric="fairnessViolation" yLabel="max − min accuracy" caption="Fairness violation (largest minus smallest group accuracy) for each mode (Fig. 9): mitigating, especially after pruning, should keep it low." />
          <MultiplierChart />
        </>
      )}
    </div>
  );
}
