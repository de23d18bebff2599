// Stroke patterns for the synthetic data: each class is a few line segments in the unit square, drawn as soft
// ink (a Gaussian profile across the stroke) on a size x size canvas.

import type { Rng } from '../random';

export interface Stroke {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export type Pattern = Stroke[];

/** p' = M (p - centre) + centre + t, with M = [[m11, m12], [m21, m22]]; results are kept on the canvas. */
export interface Affine {
  m11: number;
  m12: number;
  m21: number;
  m22: number;
  tx: number;
  ty: number;
}

const STROKES_PER_CLASS = 3;

function clampUnit(v: number, margin = 0.1): number {
  return Math.min(1 - margin, Math.max(margin, v));
}

function randomStroke(rng: Rng): Stroke {
  const cx = 0.3 + 0.4 * rng.next();
  const cy = 0.3 + 0.4 * rng.next();
  const angle = Math.PI * rng.next();
  const half = (0.3 + 0.3 * rng.next()) / 2;
  const dx = half * Math.cos(angle);
  const dy = half * Math.sin(angle);
  return { x0: clampUnit(cx - dx), y0: clampUnit(cy - dy), x1: clampUnit(cx + dx), y1: clampUnit(cy + dy) };
}

export function transformPattern(p: Pattern, m: Affine): Pattern {
  const map = (x: number, y: number): [number, number] => [
    m.m11 * (x - 0.5) + m.m12 * (y - 0.5) + 0.5 + m.tx,
    m.m21 * (x - 0.5) + m.m22 * (y - 0.5) + 0.5 + m.ty,
  ];
  return p.map((s) => {
    const [x0, y0] = map(s.x0, s.y0);
    const [x1, y1] = map(s.x1, s.y1);
    // A rotated corner could leave the canvas and take the class's evidence with it.
    return { x0: clampUnit(x0, 0.06), y0: clampUnit(y0, 0.06), x1: clampUnit(x1, 0.06), y1: clampUnit(y1, 0.06) };
  });
}

/** Every endpoint moved by an independent N(0, sigma^2) draw, then the whole pattern shifted by (dx, dy). */
export function jitterPattern(p: Pattern, sigma: number, dx: number, dy: number, rng: Rng): Pattern {
  return p.map((s) => ({
    x0: s.x0 + sigma * rng.normal() + dx,
    y0: s.y0 + sigma * rng.normal() + dy,
    x1: s.x1 + sigma * rng.normal() + dx,
    y1: s.y1 + sigma * rng.normal() + dy,
  }));
}

/** Ink in [0, 1] at each pixel: the strongest stroke's exp(-dist^2 / (2 width^2)); width in unit-square units. */
export function renderInk(p: Pattern, width: number, size: number, out: Float32Array): Float32Array {
  out.fill(0);
  const reach = 3 * width;
  const reach2 = reach * reach;
  const inv2w2 = 1 / (2 * width * width);
  for (const s of p) {
    const ex = s.x1 - s.x0;
    const ey = s.y1 - s.y0;
    const len2 = ex * ex + ey * ey || 1e-12;
    // Only pixels within 3 widths of the segment get visible ink.
    const xLo = Math.max(0, Math.floor((Math.min(s.x0, s.x1) - reach) * size));
    const xHi = Math.min(size - 1, Math.ceil((Math.max(s.x0, s.x1) + reach) * size));
    const yLo = Math.max(0, Math.floor((Math.min(s.y0, s.y1) - reach) * size));
    const yHi = Math.min(size - 1, Math.ceil((Math.max(s.y0, s.y1) + reach) * size));
    for (let y = yLo; y <= yHi; y++) {
      const py = (y + 0.5) / size;
      for (let x = xLo; x <= xHi; x++) {
        const px = (x + 0.5) / size;
        const t = Math.min(1, Math.max(0, ((px - s.x0) * ex + (py - s.y0) * ey) / len2));
        const qx = px - s.x0 - t * ex;
        const qy = py - s.y0 - t * ey;
        const dist2 = qx * qx + qy * qy;
        if (dist2 >= reach2) continue; // below exp(-4.5): invisible, and exp is the cost here
        const ink = Math.exp(-dist2 * inv2w2);
        const k = y * size + x;
        if (ink > out[k]) out[k] = ink;
      }
    }
  }
  return out;
}

function cosine(a: Float32Array, b: Float32Array): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += a[i] * b[i];
    aa += a[i] * a[i];
    bb += b[i] * b[i];
  }
  return ab / Math.sqrt(aa * bb || 1);
}

/**
 * One prototype pattern per class, drawn so that no two classes look alike (rejection on the cosine similarity of
 * their renderings). Sequential: class c's prototype does not depend on how many classes follow it.
 */
export function classPrototypes(numClasses: number, rng: Rng): Pattern[] {
  const probeSize = 16;
  const probeWidth = 0.05;
  const protos: Pattern[] = [];
  const renders: Float32Array[] = [];
  for (let c = 0; c < numClasses; c++) {
    let best: { p: Pattern; r: Float32Array; sim: number } | null = null;
    for (let attempt = 0; attempt < 40 && (best === null || best.sim > 0.3); attempt++) {
      const p = Array.from({ length: STROKES_PER_CLASS }, () => randomStroke(rng));
      const r = renderInk(p, probeWidth, probeSize, new Float32Array(probeSize * probeSize));
      const sim = renders.reduce((m, q) => Math.max(m, cosine(r, q)), 0);
      if (best === null || sim < best.sim) best = { p, r, sim };
    }
    protos.push(best!.p);
    renders.push(best!.r);
  }
  return protos;
}
