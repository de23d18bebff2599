import { describe, expect, it } from 'vitest';
import { formatResults, hessianConvergenceNote } from '../../src/cli/format-results';
import { fixtureResults } from '../state/fixtures';

describe('the CLI summary and λ(H_a) convergence', () => {
  it('says nothing when every estimate converged', () => {
    const r = fixtureResults({ seeds: [1], modes: ['none'] });
    expect(hessianConvergenceNote(r)).toBeNull();
    expect(formatResults(r)).not.toMatch(/did not converge/);
  });

  it('counts the estimates that ran out of iterations and names the largest residual', () => {
    const r = fixtureResults({ seeds: [1], modes: ['none'] });
    const dense = r.runs.find((run) => run.rate === 0)!;
    dense.groups[1].hessianMax = { ...dense.groups[1].hessianMax!, converged: false, residual: 0.035 };
    const note = hessianConvergenceNote(r);
    expect(note).toMatch(/1 of 3 λ\(H_a\) estimates did not converge in hessian\.maxIterations = 200/);
    expect(note).toMatch(/largest relative residual ‖Hv − λv‖\/\|λ\| 3\.5e-2/);
    expect(formatResults(r)).toContain(note);
  });
});
