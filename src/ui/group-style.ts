import type { MarkerShape } from './marker-path';

// How a group is drawn, the same in every chart and legend: a colour, a line dash and a marker shape. Colour is never
// the only cue: every colour has at least 3:1 contrast on white (WCAG 1.4.11), and the five are told apart under
// protanopia and deuteranopia as well as normal vision (checked in test/ui/group-style.test.ts). Groups 0-4 are
// solid, 5-9 dashed, 10-14 dotted, 15-19 dash-dotted, so two groups that share a dash never share a colour; the
// marker cycles over seven shapes independently, so up to 20 groups (MNIST's digits, intersections of attributes)
// each have their own dash and shape, and up to 35 their own colour and shape.

/** Blue, vermillion, teal, wine, black (Okabe & Ito, Tol), picked by their smallest CVD-simulated difference. */
export const GROUP_PALETTE = ['#0072B2', '#D55E00', '#009988', '#882255', '#000000'] as const;
/** SVG dash arrays: solid, dashed, dotted, dash-dotted. */
export const GROUP_DASHES = [undefined, '8 4', '2 3', '9 3 2 3'] as const;
export const GROUP_MARKERS: readonly MarkerShape[] = ['circle', 'square', 'triangle', 'diamond', 'triangle-down', 'plus', 'star'];
/** Groups up to this many have a distinct dash-and-marker pair (and so never differ by colour alone). */
export const DISTINCT_GROUPS = GROUP_PALETTE.length * GROUP_DASHES.length;

export const groupColor = (group: number): string => GROUP_PALETTE[group % GROUP_PALETTE.length];
export const groupDash = (group: number): string | undefined => GROUP_DASHES[Math.floor(group / GROUP_PALETTE.length) % GROUP_DASHES.length];
export const groupMarker = (group: number): MarkerShape => GROUP_MARKERS[group % GROUP_MARKERS.length];

/** Opacity of a group's marks while another group is hovered. */
export const dimmed = (group: number, hovered: number | null) => (hovered === null || hovered === group ? 1 : 0.15);

/** The stroke of one group's line, the same in every chart: fixed colour and dash, dimmed or thickened on hover. */
export const groupLineStyle = (group: number, hovered: number | null) => ({
  className: `series series-g${group}`,
  stroke: groupColor(group),
  strokeDasharray: groupDash(group),
  strokeOpacity: dimmed(group, hovered),
  strokeWidth: hovered === group ? 3.5 : 2,
});
