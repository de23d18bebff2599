// A group's "style": how group a changes the look of every class. Part of it is a fixed seeded character (an
// affine distortion of the class patterns, stroke width, a background grating) that makes each group need its own
// features; its difficulty in [0, 1] then scales noise, lowers contrast and blends in a confusing class.

import { createRng } from '../random';
import type { Affine } from './synthetic-strokes';

export interface GroupStyle {
  /** Group-specific distortion of every class prototype. */
  transform: Affine;
  /** Fixed per-(group, class) endpoint displacement, in unit-square units. */
  patternJitter: number;
  /** Per-sample endpoint jitter and whole-pattern shift (intra-class variation). */
  sampleJitter: number;
  sampleShift: number;
  strokeWidth: number;
  /** Ink contrast above the background. */
  amplitude: number;
  background: number;
  textureAmplitude: number;
  /** Grating: cycles per image along the direction (cos, sin). */
  textureFrequency: number;
  textureCos: number;
  textureSin: number;
  texturePhase: number;
  /** Standard deviation of the per-pixel Gaussian noise. */
  noise: number;
  /** Largest weight of a confusing other class blended into a sample. */
  mixture: number;
}

export function groupStyle(seed: number, a: number, difficulty: number): GroupStyle {
  // All draws first, in a fixed order, so a group's character does not change when only its difficulty does.
  const rng = createRng(seed, 'synthetic', 'group-style', a);
  const u = Array.from({ length: 13 }, () => rng.next());
  const d = Math.min(1, Math.max(0, difficulty));
  const angle = (u[0] - 0.5) * 1.2;
  const sx = 0.85 + 0.25 * u[1];
  const sy = 0.85 + 0.25 * u[2];
  const shear = (u[3] - 0.5) * 0.5;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const textureAngle = Math.PI * u[9];
  return {
    // Rotation times [[sx, shear], [0, sy]].
    transform: {
      m11: cos * sx,
      m12: cos * shear - sin * sy,
      m21: sin * sx,
      m22: sin * shear + cos * sy,
      tx: (u[4] - 0.5) * 0.16,
      ty: (u[5] - 0.5) * 0.16,
    },
    patternJitter: 0.02 + 0.06 * d,
    sampleJitter: 0.015 + 0.035 * d,
    sampleShift: 0.02 + 0.03 * d,
    strokeWidth: 0.045 + 0.015 * u[6],
    amplitude: (0.85 - 0.5 * d) * (0.9 + 0.2 * u[7]),
    background: 0.1 * u[8] + 0.15 * d,
    textureAmplitude: 0.03 + 0.05 * u[10] + 0.08 * d,
    textureFrequency: 1.5 + 2.5 * u[11],
    textureCos: Math.cos(textureAngle),
    textureSin: Math.sin(textureAngle),
    texturePhase: 2 * Math.PI * u[12],
    noise: 0.03 + 0.27 * d,
    mixture: 0.55 * d,
  };
}
