// Every random draw in the engine goes through here, so the same config and seed give the same numbers.

/** A seeded generator of floats in [0, 1) (sfc32: small, fast, good statistical quality). */
export interface Rng {
  next(): number;
  /** Integer in [0, n). */
  int(n: number): number;
  /** Standard normal draw (Box-Muller). */
  normal(): number;
  /** A 31-bit positive integer, usable as a tfjs seed (tfjs treats seed 0 as "unseeded"). */
  seed(): number;
}

/** Mixes a seed with labels into an independent 32-bit stream id (FNV-1a over the text, then murmur finalizer). */
export function deriveSeed(seed: number, ...labels: Array<string | number>): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  const text = labels.join('/');
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function createRng(seed: number, ...labels: Array<string | number>): Rng {
  let a = deriveSeed(seed, 'a', ...labels);
  let b = deriveSeed(seed, 'b', ...labels);
  let c = deriveSeed(seed, 'c', ...labels);
  let d = 1;
  let spareNormal: number | null = null;
  const nextU32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) nextU32();
  const next = (): number => nextU32() / 4294967296;
  return {
    next,
    int: (n) => Math.floor(next() * n),
    normal: () => {
      if (spareNormal !== null) {
        const s = spareNormal;
        spareNormal = null;
        return s;
      }
      let u = 0;
      while (u === 0) u = next();
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spareNormal = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    seed: () => (nextU32() & 0x7fffffff) || 1,
  };
}

/** Fisher-Yates shuffle in place (a plain array or a typed one). */
export function shuffleInPlace(xs: { length: number; [i: number]: number }, rng: Rng): void {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = xs[i];
    xs[i] = xs[j];
    xs[j] = t;
  }
}

/** Fisher-Yates permutation of [0, n). */
export function permutation(n: number, rng: Rng): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  shuffleInPlace(p, rng);
  return p;
}

/** k distinct indices of [0, n) in ascending order (a seeded subsample); all of them when k >= n. */
export function subsample(n: number, k: number, rng: Rng): Int32Array {
  if (k >= n) return Int32Array.from({ length: n }, (_, i) => i);
  return permutation(n, rng).slice(0, k).sort();
}
