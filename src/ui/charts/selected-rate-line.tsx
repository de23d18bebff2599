import { ReferenceLine } from 'recharts';
import { useApp } from '../app-context';
import { useRateContext } from '../use-rate-context';
import { rateTickFormat } from './use-chart-view';

/**
 * The slider's rate as a vertical line in a chart against the rate. A component of its own inside the chart, so
 * moving the slider redraws this line alone: the chart around it (its series, axes and recharts' store, whose every
 * update re-runs its selectors) does not depend on the selected rate and stays as it was.
 * `labelled`: the rate above the line, solid at a measured rate and dashed elsewhere; else always dashed, unlabelled.
 */
export function SelectedRateLine({ labelled }: { labelled: boolean }) {
  const selectedRate = useApp((s) => s.selectedRate);
  const { isMeasured, view } = useRateContext();
  if (!labelled) return <ReferenceLine x={selectedRate} stroke="#444" strokeDasharray="4 3" />;
  const note = isMeasured ? '' : view?.source === 'provisional' ? ' (provisional)' : ' (not measured)';
  return <ReferenceLine x={selectedRate} stroke="#444" strokeDasharray={isMeasured ? undefined : '4 3'} label={{ value: `${rateTickFormat(selectedRate)}${note}`, position: 'top', fontSize: 11 }} />;
}
