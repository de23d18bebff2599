// Synthetic grouped images: the class is what the model must recognise, the group a is an attribute that changes
// how the class looks (see synthetic-style.ts). Small and hard groups are where the paper's effects show:
// larger gradient norms ||g_a|| (Proposition 1) and the largest accuracy drop under pruning (the Matthew effect).

import type { SyntheticDataConfig } from '../contract/config';
import { createRng, permutation, type Rng } from '../random';
import { apportion } from './apportion';
import type { Dataset } from './dataset';
import { groupStyle } from './synthetic-style';
import { classPrototypes, jitterPattern, renderInk, transformPattern, type Pattern } from './synthetic-strokes';

const DEFAULT_SHARE = 1;
const DEFAULT_DIFFICULTY = 0.3;

/** Share of each group a (normalised weights); entries beyond numGroups are ignored, missing ones default to 1. */
export function syntheticGroupShares(cfg: SyntheticDataConfig): number[] {
  return Array.from({ length: cfg.numGroups }, (_, a) => cfg.groupShares[a] ?? DEFAULT_SHARE);
}

export function syntheticGroupDifficulty(cfg: SyntheticDataConfig): number[] {
  return Array.from({ length: cfg.numGroups }, (_, a) => Math.min(1, Math.max(0, cfg.groupDifficulty[a] ?? DEFAULT_DIFFICULTY)));
}

/**
 * Samples per group: proportional to the shares, adding up to cfg.samples, but each group gets at least two per
 * class when the total allows (taken from the largest group), so a tiny share still leaves a measurable group.
 */
export function syntheticGroupSizes(cfg: SyntheticDataConfig): number[] {
  const sizes = apportion(syntheticGroupShares(cfg), cfg.samples);
  const floor = Math.min(2 * cfg.numClasses, Math.floor(cfg.samples / cfg.numGroups));
  for (let a = 0; a < sizes.length; a++) {
    while (sizes[a] < floor) {
      const largest = sizes.indexOf(Math.max(...sizes));
      sizes[largest]--;
      sizes[a]++;
    }
  }
  return sizes;
}

/**
 * Approximately standard normal pixel noise from one generator call: the sum of the four bytes of a 32-bit draw
 * (Irwin-Hall, bounded at +-3.5 sd). Box-Muller per pixel was the bulk of the generation time.
 */
function pixelNoise(rng: Rng): number {
  const u = (rng.next() * 4294967296) >>> 0;
  return ((u & 255) + ((u >>> 8) & 255) + ((u >>> 16) & 255) + (u >>> 24) - 510) / 147.8;
}

export function groupLetterName(a: number): string {
  return `group ${String.fromCharCode(65 + a)}`;
}

export function generateSynthetic(cfg: SyntheticDataConfig, seed: number): Dataset {
  const { numClasses: C, numGroups: G, imageSize: S } = cfg;
  const sizes = syntheticGroupSizes(cfg);
  const difficulty = syntheticGroupDifficulty(cfg);
  const n = sizes.reduce((s, x) => s + x, 0);
  const ppi = S * S;
  const protos = classPrototypes(C, createRng(seed, 'synthetic', 'prototypes'));
  const images = new Uint8Array(n * ppi);
  const labels = new Int32Array(n);
  const groups = new Int32Array(n);
  // Sample i is written at position order[i], so groups and classes are interleaved in the output.
  const order = permutation(n, createRng(seed, 'synthetic', 'order'));
  const own = new Float32Array(ppi);
  const other = new Float32Array(ppi);
  // The grating sin(u + phase) = sin(u) cos(phase) + cos(u) sin(phase): two tables per group, no sin per pixel.
  const gratingSin = new Float32Array(ppi);
  const gratingCos = new Float32Array(ppi);
  let i = 0;
  for (let a = 0; a < G; a++) {
    const style = groupStyle(seed, a, difficulty[a]);
    const patterns: Pattern[] = protos.map((p, c) =>
      transformPattern(jitterPattern(p, style.patternJitter, 0, 0, createRng(seed, 'synthetic', 'group-pattern', a, c)), style.transform),
    );
    for (let y = 0; y < S; y++) {
      for (let x = 0; x < S; x++) {
        const u = 2 * Math.PI * style.textureFrequency * ((style.textureCos * (x + 0.5)) / S + (style.textureSin * (y + 0.5)) / S);
        gratingSin[y * S + x] = Math.sin(u);
        gratingCos[y * S + x] = Math.cos(u);
      }
    }
    // One stream per group: changing another group's share or difficulty leaves this group's samples unchanged.
    const rng = createRng(seed, 'synthetic', 'samples', a);
    for (let k = 0; k < sizes[a]; k++, i++) {
      const c = (k + a) % C; // classes balanced within the group; the remainder rotates across groups
      const confuser = (c + 1 + rng.int(C - 1)) % C;
      const beta = style.mixture * (0.5 + 0.5 * rng.next());
      const amp = style.amplitude * (0.9 + 0.2 * rng.next());
      const phase = style.texturePhase + 0.5 * rng.normal();
      const dx = style.sampleShift * rng.normal();
      const dy = style.sampleShift * rng.normal();
      renderInk(jitterPattern(patterns[c], style.sampleJitter, dx, dy, rng), style.strokeWidth, S, own);
      renderInk(jitterPattern(patterns[confuser], style.sampleJitter, dx, dy, rng), style.strokeWidth, S, other);
      const texSin = style.textureAmplitude * Math.cos(phase);
      const texCos = style.textureAmplitude * Math.sin(phase);
      const base = order[i] * ppi;
      for (let p = 0; p < ppi; p++) {
        const v =
          style.background +
          texSin * gratingSin[p] +
          texCos * gratingCos[p] +
          amp * ((1 - beta) * own[p] + beta * other[p]) +
          style.noise * pixelNoise(rng);
        images[base + p] = Math.round(255 * Math.min(1, Math.max(0, v)));
      }
      labels[order[i]] = c;
      groups[order[i]] = a;
    }
  }
  return {
    name: `synthetic (${G} groups)`,
    imageShape: [S, S, 1],
    images,
    labels,
    groups,
    classNames: Array.from({ length: C }, (_, c) => `class ${c}`),
    groupNames: Array.from({ length: G }, (_, a) => groupLetterName(a)),
  };
}
