import { useMemo } from 'react';
import { num, pct } from '../../engine/contract/number-format';
import { pieView, theorem1Rows } from '../../state/select-rate-details';
import { useApp } from '../app-context';
import { groupColor } from '../group-style';
import { useChartView } from '../charts/use-chart-view';

const cell = (v: number | null, digits = 4) => (v === null ? '–' : num(v, digits));
/** PIEs listed per group; the rest are counted (Export holds them all, by test index). */
const LISTED = 12;

/**
 * The selected rate beyond the charts: Theorem 1 term by term per group, and the pruning identified exemplars per
 * group (counts as bars, and a list of test images with true label, dense and pruned predictions). Results keep
 * indices, not pixels, so the list names images by their row in the test split.
 */
export function RateDetails() {
  const { results, shown, mode } = useChartView();
  const rate = useApp((s) => s.selectedRate);
  const terms = useMemo(() => theorem1Rows(results, mode, rate), [results, mode, rate]);
  const pies = useMemo(() => pieView(results, mode, rate), [results, mode, rate]);
  if (!results || (terms.length === 0 && !pies)) return null;
  const classes = results.dataset.classNames;
  const maxShare = pies ? Math.max(1e-9, ...pies.share.filter(Number.isFinite)) : 1;
  return (
    <section className="chart-card wide" role="region" aria-label={`Details at ${pct(rate)}`}>
      <header className="chart-head">
        <h3>At {pct(rate)}: Theorem 1 term by term, and what pruning forgets</h3>
      </header>
      {terms.length > 0 && (
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
      )}
      {pies && (
        <div className="pies">
          <p className="caption">
            Pruning identified exemplars (Hooker et al.): test images whose prediction {pies.seeds > 1 ? `changed in more than half of ${pies.seeds} seeds` : 'changed'} between the dense and the pruned model, as a share of each group's test images.
          </p>
          {shown.map(({ group, name }) => {
            const list = pies.groups[group] ?? [];
            return (
              <div key={group} className="pie-group">
                <div className="pie-bar" title={`${list.length} images`}>
                  <span className="pie-name">{name}</span>
                  <span className="pie-fill" style={{ width: `${(100 * (pies.share[group] || 0)) / maxShare}%`, background: groupColor(group) }} />
                  <span className="pie-count">
                    {list.length} ({pct(pies.share[group] || 0, 1)})
                  </span>
                </div>
                {list.length > 0 && (
                  <ul className="pie-list">
                    {list.slice(0, LISTED).map((p) => (
                      <li key={p.index}>
                        #{p.index}: true {classes[p.label] ?? p.label}, dense {classes[p.dense] ?? p.dense} → pruned {classes[p.pruned] ?? p.pruned}
                      </li>
                    ))}
                    {list.length > LISTED && <li>and {list.length - LISTED} more (in Export)</li>}
                  </ul>
                )}
              </div>
            );
          })}
        </div>
      )}
    </section>
  );
}
