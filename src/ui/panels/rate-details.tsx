import { useMemo } from 'react';
import { num, pct } from '../../engine/contract/number-format';
import { pieView, theorem1Rows } from '../../state/select-rate-details';
import { useApp } from '../app-context';
import { PieCountsChart } from '../charts/pie-counts-chart';
import { useChartView } from '../charts/use-chart-view';
import { PieGallery } from './pie-gallery';

const cell = (v: number | null, digits = 4) => (v === null ? '–' : num(v, digits));

/**
 * The selected rate beyond the charts: Theorem 1 term by term per group, and the pruning identified exemplars per
 * group (counts as a chart, and a gallery of the images with true label, dense and pruned predictions).
 */
export function RateDetails() {
  const { results, shown, mode } = useChartView();
  const rate = useApp((s) => s.selectedRate);
  const terms = useMemo(() => theorem1Rows(results, mode, rate), [results, mode, rate]);
  const pies = useMemo(() => pieView(results, mode, rate), [results, mode, rate]);
  if (!results || (terms.length === 0 && !pies)) return null;
  return (
    <>
      {terms.length > 0 && (
        <section className="chart-card wide" role="region" aria-label={`Details at ${pct(rate)}`}>
          <header className="chart-head">
            <h3>At {pct(rate)}: Theorem 1 term by term</h3>
          </header>
          <div className="table-scroll">
            <p className="caption">
              Theorem 1 on the training split: R(a) ≤ ||g_a||·||θ̄−θ̂|| + ½λ(H_a)·||θ̄−θ̂||², with g_a and λ(H_a) of the dense model. ||θ̄−θ̂|| = {cell(terms[0].distance)}.
            </p>
            <table className="table2">
              <thead>
                <tr>
                  <th scope="col">group</th>
                  <th scope="col">||g_a||·||θ̄−θ̂||</th>
                  <th scope="col">½λ(H_a)·||θ̄−θ̂||²</th>
                  <th scope="col">bound</th>
                  <th scope="col">measured R(a)</th>
                </tr>
              </thead>
              <tbody>
                {terms
                  .filter((t) => shown.some((g) => g.group === t.group))
                  .map((t) => (
                    <tr key={t.group}>
                      <td>{t.name}</td>
                      <td>{cell(t.gradientTerm)}</td>
                      <td>{cell(t.curvatureTerm)}</td>
                      <td>{cell(t.bound)}</td>
                      <td>{cell(t.measured)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {pies && <PieCountsChart pies={pies} rate={rate} />}
      {pies && <PieGallery pies={pies} shown={shown} config={results.config} classNames={results.dataset.classNames} rate={rate} />}
    </>
  );
}
