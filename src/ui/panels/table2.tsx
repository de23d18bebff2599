import { useMemo } from 'react';
import { sameRate } from '../../engine/contract/config';
import { table2Rows } from '../../state/select-modes';
import { variantLabel } from '../colors';
import type { MeanStd } from '../../engine/contract/mean-std';
import { num, pct } from '../../engine/contract/number-format';
import { useApp } from '../app-context';

const cell = (s: MeanStd, f: (v: number) => string) => (s.n === 0 ? '–' : s.n > 1 ? `${f(s.mean)} ± ${f(s.std)}` : f(s.mean));

/** Table 2's shape: per mode and rate, overall accuracy and fairness violation (mean ± sd over seeds), ξ and the time per run. */
export function Table2() {
  const results = useApp((s) => s.results);
  const selectedRate = useApp((s) => s.selectedRate);
  const rows = useMemo(() => table2Rows(results), [results]);
  if (rows.length === 0) return null;
  return (
    <section className="chart-card wide" role="region" aria-label="Accuracy and fairness table">
      <header className="chart-head">
        <h3>Accuracy and fairness violation by mode (Table 2)</h3>
      </header>
      <div className="table-scroll">
        <table className="table2">
          <thead>
            <tr>
              <th scope="col">mode</th>
              <th scope="col">pruning rate</th>
              <th scope="col">accuracy</th>
              <th scope="col">fairness violation</th>
              <th scope="col">excess-loss gap ξ</th>
              <th scope="col">time per run</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.variant.key}-${r.rate}`} className={sameRate(r.rate, selectedRate) ? 'selected' : undefined}>
                <td>{variantLabel(r.variant)}</td>
                <td>{pct(r.rate)}</td>
                <td>{cell(r.accuracy, (v) => pct(v, 1))}</td>
                <td>{cell(r.fairnessViolation, (v) => pct(v, 1))}</td>
                <td>{cell(r.excessLossGap, (v) => num(v))}</td>
                <td>{cell(r.wallMs, (v) => `${(v / 1000).toFixed(1)} s`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="caption">Fairness violation is the largest minus the smallest group accuracy. The paper's mitigation (Section 6) trades a little overall accuracy for a smaller violation; compare the rows of one rate. Time per run is the wall time of one model (the dense row: its training; a pruned row: pruning, fine-tuning and measuring), where a version's cost shows.</p>
    </section>
  );
}
