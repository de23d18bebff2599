import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHeadlessPage, type HeadlessPage } from '../../src/cli/headless';
import { trackErrors } from './browser';
import { MAX_ITERATIONS } from './pages/hessian-probe';
import type { BackendProbe, ProbeResults } from './pages/backends';

// The exact Hessian-vector product and λ(H_a) must be the same numbers on every browser backend, at fixed weights
// (trained weights drift across backends, so nothing is trained here). The probe page is test-only: a Vite dev
// server serves it from the repository, so it never enters the product build.

const BACKENDS = ['cpu', 'wasm', 'webgl', 'webgpu'] as const;
/** Relative agreement with cpu asked of H v (in max norm) and of λ. */
const TOLERANCE = 1e-4;

/** max_i |a_i - b_i| / max_i |b_i|: relative to the vector's scale, so near-zero entries do not blow it up. */
function maxRelativeDifference(a: number[], b: number[]): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < b.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return diff / scale;
}

describe('Hessian numbers agree across browser backends', () => {
  let headless: HeadlessPage;
  let results: ProbeResults;
  let pageErrors: string[];
  const probe = (name: string): BackendProbe => {
    const found = results.backends.find((b) => b.requested === name);
    if (!found) throw new Error(`no result for ${name}`);
    return found;
  };

  beforeAll(async () => {
    // A Vite dev server over the repository (as the CLI's headless pages use), so the probe page never enters the build.
    headless = await openHeadlessPage('test/e2e/pages/backends.html', {
      query: `backends=${BACKENDS.join(',')}`,
      beforeLoad: async (page) => {
        pageErrors = trackErrors(page);
      },
    });
    const { page } = headless;
    await page.waitForFunction(() => (window as unknown as { __results?: ProbeResults }).__results?.done === true, undefined, { timeout: 120_000 });
    results = await page.evaluate(() => (window as unknown as { __results: ProbeResults }).__results);
  });

  afterAll(async () => {
    await headless?.close();
  });

  it('initialises every backend as itself, cross-origin isolated, without page errors', () => {
    expect(pageErrors).toEqual([]);
    expect(results.crossOriginIsolated).toBe(true); // the wasm backend's threads need it
    for (const name of BACKENDS) {
      const b = probe(name);
      expect(b.error, name).toBeNull();
      expect(b.name, `${name} fell back: ${b.fallbackReason}`).toBe(name);
    }
  });

  for (const name of BACKENDS) {
    it(`${name}: the probe converges, is non-trivial, and leaks no tensors`, () => {
      const p = probe(name).probe;
      expect(p, name).not.toBeNull();
      expect(p!.tensorsAfter).toBe(p!.tensorsBefore);
      expect(p!.samples).toBe(64);
      expect(p!.converged).toBe(true);
      expect(p!.iterations).toBeLessThan(MAX_ITERATIONS);
      expect(p!.hv.every(Number.isFinite)).toBe(true);
      expect(Math.max(...p!.hv.map(Math.abs))).toBeGreaterThan(0);
      expect(p!.lambda).toBeGreaterThan(0);
    });
  }

  for (const name of BACKENDS.filter((b) => b !== 'cpu')) {
    it(`${name}: H v and λ(H_a) match cpu within a relative ${TOLERANCE}`, () => {
      const ref = probe('cpu').probe!;
      const p = probe(name).probe!;
      expect(p.hv).toHaveLength(ref.hv.length);
      const hvDiff = maxRelativeDifference(p.hv, ref.hv);
      const lambdaDiff = Math.abs(p.lambda - ref.lambda) / Math.abs(ref.lambda);
      console.log(`${name} vs cpu: H v max relative difference ${hvDiff.toExponential(2)}, λ relative difference ${lambdaDiff.toExponential(2)} (λ ${p.lambda} vs ${ref.lambda}, ${p.iterations} vs ${ref.iterations} iterations, ${probe(name).ms.toFixed(0)} ms)`);
      expect(hvDiff).toBeLessThan(TOLERANCE);
      expect(lambdaDiff).toBeLessThan(TOLERANCE);
    });
  }
});
