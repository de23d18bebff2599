import type { MitigationMode } from '../engine/contract/config';
import { modeLabels } from '../engine/contract/mode-labels';
import type { Variant } from '../state/select-runs';
import type { MarkerShape } from './marker-path';

// The mode lines get a marker each as well as a colour (all at least 3:1 on white), so they never differ by colour alone.
export const MODE_COLORS: Record<MitigationMode, string> = { none: '#000000', before: '#0072B2', after: '#D55E00', both: '#009988' };
export const MODE_MARKERS: Record<MitigationMode, MarkerShape> = { none: 'circle', before: 'square', after: 'triangle', both: 'diamond' };

/** "After", or "After (full)" when a run compared the relaxed and full versions. */
export const variantLabel = (v: Variant) => `${modeLabels[v.mode].short}${v.version && v.key.includes(':') ? ` (${v.version})` : ''}`;
/** The full version is dashed and ceag dotted, so the versions of a mode share its colour. */
export const variantDash = (v: Variant) => (!v.key.includes(':') ? undefined : v.version === 'full' ? '6 3' : v.version === 'ceag' ? '2 3' : undefined);

