import { describe, expect, it } from 'vitest';
import { MODE_COLORS, MODE_MARKERS } from '../../src/ui/colors';
import { DISTINCT_GROUPS, groupColor, groupDash, groupMarker } from '../../src/ui/group-style';

// The oracle is written here from the published formulas, not taken from the code under test:
// - WCAG 2.x relative luminance and contrast ratio (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio);
// - Machado, Oliveira & Fernandes (2009), full-severity protanopia and deuteranopia, applied to linear sRGB;
// - CIE 1976 L*a*b* (D65 white) and its Euclidean colour difference ΔE*ab.

type Rgb = [number, number, number];
type Matrix = [Rgb, Rgb, Rgb];

const fromHex = (hex: string): Rgb => {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [m[1], m[2], m[3]].map((h) => parseInt(h, 16) / 255) as Rgb;
};
const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const times = (m: Matrix, v: Rgb): Rgb => m.map((row) => row[0] * v[0] + row[1] * v[1] + row[2] * v[2]) as Rgb;

const luminance = (hex: string) => {
  const [r, g, b] = fromHex(hex).map(linear);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrastOnWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

const SIMULATIONS: Record<string, Matrix> = {
  normal: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
};
const SRGB_TO_XYZ: Matrix = [[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]];
const WHITE = times(SRGB_TO_XYZ, [1, 1, 1]);

function lab(hex: string, sim: Matrix): Rgb {
  const seen = times(sim, fromHex(hex).map(linear) as Rgb).map((c) => Math.min(1, Math.max(0, c))) as Rgb;
  const xyz = times(SRGB_TO_XYZ, seen);
  const f = (t: number) => (t > (6 / 29) ** 3 ? Math.cbrt(t) : t / (3 * (6 / 29) ** 2) + 4 / 29);
  const [fx, fy, fz] = xyz.map((v, i) => f(v / WHITE[i]));
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}
const deltaE = (a: Rgb, b: Rgb) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

/** Lines need a clear difference, not a just-noticeable one (about 2.3): 15 is "obviously another colour". */
const MIN_DELTA_E = 15;
const groups = Array.from({ length: DISTINCT_GROUPS }, (_, g) => g);
const pairs = groups.flatMap((g) => groups.filter((h) => h > g).map((h) => [g, h] as const));

describe('group colours, dashes and markers', () => {
  it('draw at least 20 groups, covering MNIST digits, Fashion-MNIST classes and 10+ intersections', () => {
    expect(DISTINCT_GROUPS).toBeGreaterThanOrEqual(20);
  });

  it.each(groups)('group %i has at least 3:1 contrast on white', (g) => {
    expect(contrastOnWhite(groupColor(g)), groupColor(g)).toBeGreaterThanOrEqual(3);
  });

  it('never tells two groups apart by colour alone: every pair differs in dash or marker', () => {
    const same = pairs.filter(([g, h]) => groupDash(g) === groupDash(h) && groupMarker(g) === groupMarker(h));
    expect(same).toEqual([]);
  });

  it.each(Object.keys(SIMULATIONS))('groups that share a dash differ in colour by ΔE ≥ 15 with %s', (name) => {
    const sim = SIMULATIONS[name];
    const close = pairs
      .filter(([g, h]) => groupDash(g) === groupDash(h))
      .map(([g, h]) => ({ g, h, colours: `${groupColor(g)} ${groupColor(h)}`, dE: deltaE(lab(groupColor(g), sim), lab(groupColor(h), sim)) }))
      .filter((p) => p.dE < MIN_DELTA_E);
    expect(close).toEqual([]);
  });

  it('the first groups (two or three in most presets) are all solid lines', () => {
    expect([0, 1, 2, 3, 4].map(groupDash)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('mitigation-mode lines: 3:1 on white, and each has its own marker', () => {
    for (const c of Object.values(MODE_COLORS)) expect(contrastOnWhite(c), c).toBeGreaterThanOrEqual(3);
    expect(new Set(Object.values(MODE_MARKERS)).size).toBe(Object.keys(MODE_MARKERS).length);
  });
});

describe('the test oracle itself', () => {
  it('reproduces WCAG reference contrasts (black 21:1, #767676 4.54:1, the old orange 2.25:1)', () => {
    expect(contrastOnWhite('#000000')).toBeCloseTo(21, 5);
    expect(contrastOnWhite('#767676')).toBeCloseTo(4.54, 2);
    expect(contrastOnWhite('#E69F00')).toBeCloseTo(2.25, 2);
  });

  it('sees red and green as near-identical under deuteranopia but not with normal vision', () => {
    const [red, green] = ['#D81B1B', '#6A7F00'];
    expect(deltaE(lab(red, SIMULATIONS.normal), lab(green, SIMULATIONS.normal))).toBeGreaterThan(40);
    expect(deltaE(lab(red, SIMULATIONS.deuteranopia), lab(green, SIMULATIONS.deuteranopia))).toBeLessThan(MIN_DELTA_E);
  });

  it('would have caught the old palette: groups 1 and 7 (both solid) were too close under deuteranopia', () => {
    expect(deltaE(lab('#E69F00', SIMULATIONS.deuteranopia), lab('#B8A100', SIMULATIONS.deuteranopia))).toBeLessThan(MIN_DELTA_E);
  });
});
