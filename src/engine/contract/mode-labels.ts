import type { MitigationMode } from './config';

// The four models of Section 6.2 under one set of names: short ones for toggles and legends, the paper's for tables
// that reproduce its Table 2, and a line on what each does.

export interface ModeLabel {
  /** Toggles, legends and chart series: "After". */
  short: string;
  /** The paper's name for the model (Section 6.2's list; its Table 2 and Figs. 8-9 use the same). */
  paper: string;
  /** What the mode mitigates, one line. */
  description: string;
}

export const modeLabels: Record<MitigationMode, ModeLabel> = {
  none: { short: 'None', paper: 'No Mitigation', description: 'Plain training and fine-tuning.' },
  before: { short: 'Before', paper: 'Fair Bf Pruning', description: 'Mitigated dense training, plain fine-tuning.' },
  after: { short: 'After', paper: 'Fair Aft Pruning', description: 'Plain dense training, mitigated fine-tuning.' },
  both: { short: 'Both', paper: 'Fair Both', description: 'Mitigation in both dense training and fine-tuning.' },
};
