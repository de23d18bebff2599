import { describe, expect, it } from 'vitest';
import { formatResults, hessianConvergenceNote } from '../../src/cli/format-results';
import type { Results } from '../../src/engine/contract/results';
import { fixtureResults } from '../state/fixtures';

/** Every λ(H_a) of the fixture on all of its group's training samples. */
function wholeGroups(r: Results): Results {
  for (const run of r.runs) for (const g of run.groups) if (g.hessianMax) g.hessianMax = { ...g.hessianMax, samples: g.trainSize };
  return r;
}

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

describe('the CLI says whether λ(H_a) is subsampled', () => {
  it('says "subsampled: n of N" in the λ(H_a) heading, and that Theorem 1 uses it, when capped', () => {
    const out = formatResults(fixtureResults({ seeds: [1], modes: ['none'] }));
    const heading = out.split('\n').find((l) => l.startsWith('Per-group Hessian max eigenvalue'))!;
    expect(heading).toContain('samples: subsampled: 10 of 300 (g0), 10 of 210 (g1), 10 of 120 (g2)');
    const bound = out.split('\n').find((l) => l.startsWith('Per-group Theorem 1 bound'))!;
    expect(bound).toContain('with the subsampled λ(H_a)');
  });

  it('says "whole group" and not "subsampled" when every value is on the whole group', () => {
    const out = formatResults(wholeGroups(fixtureResults({ seeds: [1], modes: ['none'] })));
    expect(out).not.toMatch(/subsampled/);
    expect(out.split('\n').find((l) => l.startsWith('Per-group Hessian max eigenvalue'))).toContain('samples: whole group');
  });

  it('names only the capped groups as subsampled', () => {
    const r = wholeGroups(fixtureResults({ seeds: [1], modes: ['none'] }));
    r.runs[0].groups[0].hessianMax = { ...r.runs[0].groups[0].hessianMax!, samples: 16 };
    expect(formatResults(r)).toContain('samples: subsampled: 16 of 300 (g0); whole group: g1, g2');
  });
});

describe("the CLI shows λ(H_a)'s spread over sample draws", () => {
  it('appends "(min-max over n draws)" to a subsampled cell, nothing to a whole group', () => {
    const r = wholeGroups(fixtureResults({ seeds: [1], modes: ['none'] }));
    const dense = r.runs.find((run) => run.rate === 0)!;
    dense.groups[0].hessianMax = { ...dense.groups[0].hessianMax!, value: 2, samples: 16, drawSpread: { min: 1.5, max: 2.25, sd: 0.3, draws: 3 } };
    const out = formatResults(r);
    expect(out).toContain('2.000 (1.500-2.250 over 3 draws)');
    expect(out.match(/over \d+ draws/g)).toHaveLength(1);
  });
});

describe('the CLI prints intervals, Theorem 1 term by term and PIEs', () => {
  it('puts the bootstrap interval beside accuracy, the two terms per group, and PIE counts per group', () => {
    const r = fixtureResults({ seeds: [1], modes: ['none'] });
    const pruned = r.runs.find((run) => run.rate === 0.5)!;
    pruned.flips = [{ index: 3, group: 2, label: 1, dense: 1, pruned: 0 }];
    const out = formatResults(r);
    const acc = pruned.groups[0].accuracy;
    expect(out).toContain(`${acc.toFixed(3)} [${(acc - 0.02).toFixed(3)}, ${(acc + 0.02).toFixed(3)}]`);
    expect(out).toMatch(/bootstrap 95% interval over test samples, 200 draws/);
    // g1 at 50%: ||g_a|| = 2 and λ(H_a) = 4 of the dense fixture, distance 0.5: terms 1 and 0.5.
    const line = out.split('\n').find((l) => l.startsWith('none 50%') && l.includes('g1') && l.includes('1.0000'))!;
    expect(line).toMatch(/0\.5000 .*1\.0000 .*0\.5000/);
    expect(out).toMatch(/Pruning identified exemplars per group/);
    expect(out.split('\n').find((l) => l.startsWith('none 50%') && l.includes('(2.5%)'))).toMatch(/0 \(0\.0%\).*0 \(0\.0%\).*1 \(2\.5%\)/);
  });
});

describe('the CLI checks ceag per group', () => {
  it('prints ψ_g and pass/fail against ε', () => {
    const r = fixtureResults({ seeds: [1], modes: ['none', 'after'] });
    for (const run of r.runs) if (run.mode === 'after') run.version = 'ceag';
    r.config.mitigation.gapTolerance = 0.02;
    const out = formatResults(r);
    expect(out).toMatch(/ceag constraint per group: ψ_g .* ≤ ε = 0\.02/);
    // Fixture: group a's train accuracy falls by 0.9·(a+1)/4 at 90%; overall (sizes 300/210/120) by 243/630.
    const line = out.split('\n').find((l) => l.startsWith('after 90%') && l.includes('pass'))!;
    expect(line).toMatch(/-0\.161 pass .*0\.064 FAIL \(1\/1\) .*0\.289 FAIL/);
  });
});

describe('the CLI keeps compared mitigation versions apart', () => {
  it('gives each version of a mode its own rows instead of averaging relaxed and full together', () => {
    const r = fixtureResults({ seeds: [1], modes: ['none', 'after'] });
    // The same "after" runs again as the full version, with a distinct fairness violation.
    const full = r.runs.filter((run) => run.mode === 'after').map((run) => ({ ...run, version: 'full' as const, fairnessViolation: run.fairnessViolation + 0.5 }));
    r.runs.push(...full);
    const out = formatResults(r).split('\n');
    const relaxed90 = r.runs.find((run) => run.mode === 'after' && run.version === 'relaxed' && run.rate === 0.9)!;
    expect(out.find((l) => l.startsWith('after (relaxed) 90%'))).toContain(relaxed90.fairnessViolation.toFixed(3));
    expect(out.find((l) => l.startsWith('after (full) 90%'))).toContain((relaxed90.fairnessViolation + 0.5).toFixed(3));
    expect(out.some((l) => l.startsWith('after 90%'))).toBe(false);
    expect(out).toContain('Per-group accuracy on the test split (mode after (full)); [bootstrap 95% interval over test samples, 200 draws, ends averaged over seeds]');
  });

  it('keeps the plain mode name when a mode ran with one version', () => {
    const out = formatResults(fixtureResults({ seeds: [1], modes: ['none', 'after'] }));
    const fairness = out.slice(out.indexOf('Fairness\n'), out.indexOf('\n\n', out.indexOf('Fairness\n')));
    expect(fairness).toMatch(/^after 90% /m);
    expect(fairness).not.toMatch(/after \(relaxed\)/);
  });
});
