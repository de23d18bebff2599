import type { MitigationMode } from '../engine/contract/config';
import { modeLabels } from '../engine/contract/mode-labels';
import type { Variant } from '../state/select-runs';

// Okabe & Ito's palette (distinguishable with the common colour-vision deficiencies), ordered so the first groups
// get the most distinct hues, then two of Paul Tol's for MNIST's ten digits. Groups past eight also get a dash
// pattern, so no two groups rely on colour alone.
const GROUP_COLORS = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#56B4E9', '#CC79A7', '#000000', '#B8A100', '#882255', '#999999'];

export const groupColor = (group: number) => GROUP_COLORS[group % GROUP_COLORS.length];
export const groupDash = (group: number) => (group < 8 ? undefined : group % 2 === 0 ? '6 3' : '2 2');

export const MODE_COLORS: Record<MitigationMode, string> = { none: '#000000', before: '#0072B2', after: '#D55E00', both: '#009E73' };

/** Opacity of a group's marks while another group is hovered. */
export const dimmed = (group: number, hovered: number | null) => (hovered === null || hovered === group ? 1 : 0.15);

/** "After", or "After (full)" when a run compared the relaxed and full versions. */
export const variantLabel = (v: Variant) => `${modeLabels[v.mode].short}${v.version && v.key.includes(':') ? ` (${v.version})` : ''}`;
/** The full version is dashed and ceag dotted, so the versions of a mode share its colour. */
export const variantDash = (v: Variant) => (!v.key.includes(':') ? undefined : v.version === 'full' ? '6 3' : v.version === 'ceag' ? '2 3' : undefined);

/** The stroke of one group's line, the same in every chart: fixed colour and dash, dimmed or thickened on hover. */
export const groupLineStyle = (group: number, hovered: number | null) => ({
  className: `series series-g${group}`,
  stroke: groupColor(group),
  strokeDasharray: groupDash(group),
  strokeOpacity: dimmed(group, hovered),
  strokeWidth: hovered === group ? 3.5 : 2,
});
