import { useApp } from '../app-context';
import { runStatus } from '../../state/run-slice';
import { jumpTo } from '../jump-to';

/** What to do first, shown until there are results: the page should explain itself. */
export function Welcome() {
  const hasResults = useApp((s) => s.results !== null);
  const status = useApp(runStatus);
  const presenter = useApp((s) => s.presenter);
  if (hasResults || status === 'starting' || status === 'running') return null;
  return (
    <section className="welcome" aria-label="Getting started">
      <h2>Does pruning hurt some groups more than others?</h2>
      <p>
        This page trains a small network in your browser, prunes more and more of its weights, and measures each group's accuracy at every
        pruning rate. The paper <em>Pruning has a disparate impact on model accuracy</em> (Tran et al., NeurIPS 2022) predicts a Matthew
        effect: groups that are small or hard lose the most, because of their larger gradient norms ||g_a|| and Hessian eigenvalues λ(H_a).
      </p>
      <p>
        Press <strong>Run</strong> for the <strong>Start here</strong> preset (about fifteen seconds without a GPU), or pick another preset and change the{' '}
        {presenter ? (
          'settings'
        ) : (
          <a href="#settings" onClick={jumpTo('settings')}>
            settings
          </a>
        )}{' '}
        first. Drop a Results JSON file anywhere to view it without recomputing.
      </p>
    </section>
  );
}
