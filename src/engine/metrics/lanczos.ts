import * as tf from '@tensorflow/tfjs';
import { throwIfAborted } from '../contract/events';
import { maybeYield } from '../train/yield';
import { relativeResidual, type EigenEstimate, type PowerIterationOptions } from './power-iteration';
import { fromArrays } from './param-vectors';
import { symmetricEigen } from './symmetric-eigen';

/**
 * Top Hessian eigenvalue by Lanczos with full reorthogonalisation: the Krylov space of k products holds a better
 * estimate than power iteration's last vector, so it needs fewer products for the same accuracy. Stops when the
 * residual bound β_k |s_k| of the dominant Ritz pair (θ, s) falls below tolerance · |θ|: some eigenvalue of H is
 * then within that distance of θ (the same test power iteration applies to its measured residual). The basis is kept in
 * float64 on the JS side (k vectors of the parameter count), so only H v runs on the backend. Past `basisCap` vectors
 * (lanczosBasisCap: 64 MB of basis at most) it restarts from its Ritz vector, so a large model's memory stays bounded;
 * `iterations` counts every product across restarts.
 */
export async function lanczos(
  hvp: (v: tf.Tensor[]) => tf.Tensor[],
  shapes: number[][],
  start: Float32Array[],
  opts: PowerIterationOptions,
  basisCap = lanczosBasisCap(shapes),
): Promise<EigenEstimate> {
  const sizes = shapes.map((s) => s.reduce((a, b) => a * b, 1));
  const basis: Float64Array[] = [];
  const alpha: number[] = [];
  const beta: number[] = [];
  let q = unit(flat64(start));
  let value = 0;
  let ritz = q;
  let converged = false;
  let residual: number | null = null;
  let products = 0;
  for (let k = 0; k < opts.maxIterations; k++) {
    // As in power iteration: give Cancel and the worker's heartbeat a turn between products.
    await maybeYield();
    throwIfAborted(opts.signal);
    if (basis.length >= Math.max(2, basisCap)) {
      // Explicit restart: the Ritz vector holds what the Krylov space found; a fresh space grows from it.
      basis.length = alpha.length = beta.length = 0;
      q = ritz;
    }
    basis.push(q);
    products++;
    const w = await apply(hvp, q, sizes, shapes);
    const a = dot(w, q);
    alpha.push(a);
    // Full reorthogonalisation (twice is enough, Kahan-Parlett): keeps the Ritz values free of ghost copies.
    for (let pass = 0; pass < 2; pass++)
      for (const b of basis) {
        const c = dot(w, b);
        for (let i = 0; i < w.length; i++) w[i] -= c * b[i];
      }
    const bk = Math.sqrt(dot(w, w));
    const { values, vectors } = symmetricEigen(tridiagonal(alpha, beta), alpha.length);
    let top = 0;
    for (let i = 1; i < values.length; i++) if (Math.abs(values[i]) > Math.abs(values[top])) top = i;
    value = values[top];
    const s = vectors[top];
    ritz = combine(basis, s);
    if (!Number.isFinite(value) || !Number.isFinite(bk)) throw new Error('Hessian-vector product is not finite (the loss or the weights hold NaN or Infinity)');
    // β_k |s_k| = ‖H y − θ y‖ for the Ritz vector y in exact arithmetic: the residual power iteration measures.
    const bound = Math.abs(bk * s[s.length - 1]);
    residual = relativeResidual(bound, value);
    if (bound <= opts.tolerance * Math.abs(value) || bk <= 1e-12 * Math.abs(value) || bk === 0) {
      converged = true;
      break;
    }
    beta.push(bk);
    q = w.map((x) => x / bk);
  }
  const vector = split(ritz, sizes);
  return { value, iterations: products, converged, residual, vector };
}

/** Basis vectors Lanczos keeps before it restarts: 64 MB of float64 vectors, between 8 and 50 of them. */
export function lanczosBasisCap(shapes: number[][]): number {
  const params = shapes.reduce((s, shape) => s + shape.reduce((a, b) => a * b, 1), 0);
  return Math.max(8, Math.min(50, Math.floor((64 * 2 ** 20) / (8 * Math.max(1, params)))));
}

async function apply(hvp: (v: tf.Tensor[]) => tf.Tensor[], q: Float64Array, sizes: number[], shapes: number[][]): Promise<Float64Array> {
  const v = fromArrays(split(q, sizes), shapes);
  const hv = hvp(v);
  tf.dispose(v);
  const out = new Float64Array(q.length);
  let o = 0;
  for (const t of hv) {
    const d = await t.data();
    out.set(d, o);
    o += d.length;
  }
  tf.dispose(hv);
  return out;
}

function tridiagonal(alpha: number[], beta: number[]): Float64Array {
  const n = alpha.length;
  const t = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    t[i * n + i] = alpha[i];
    if (i + 1 < n) t[i * n + i + 1] = t[(i + 1) * n + i] = beta[i];
  }
  return t;
}

function combine(basis: Float64Array[], s: Float64Array): Float64Array {
  const out = new Float64Array(basis[0].length);
  basis.forEach((b, j) => {
    for (let i = 0; i < out.length; i++) out[i] += s[j] * b[i];
  });
  return unit(out);
}

function flat64(parts: Float32Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function split(v: Float64Array, sizes: number[]): Float32Array[] {
  let o = 0;
  return sizes.map((n) => {
    const part = Float32Array.from(v.subarray(o, o + n));
    o += n;
    return part;
  });
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function unit(v: Float64Array): Float64Array {
  const n = Math.sqrt(dot(v, v));
  return v.map((x) => x / n);
}
