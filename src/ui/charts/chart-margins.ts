// The charts' margins, as constants: recharts stores the margin prop whenever its object changes (a literal changes
// on every render) and then re-runs the selectors of the whole chart, which made every redraw slower.

/** Charts against a continuous x axis with a label below it. */
export const AXIS_MARGIN = { top: 8, right: 16, bottom: 18, left: 8 };
/** The same with room above the plot for the selected rate's label. */
export const LABELLED_RATE_MARGIN = { top: 20, right: 16, bottom: 18, left: 8 };
/** Bar charts over groups. */
export const BAR_MARGIN = { top: 8, right: 16, bottom: 8, left: 8 };
