// The charts' shared recharts settings, as constants: recharts stores a setting such as the margin whenever its object
// changes (a literal changes on every render) and then re-runs the selectors of the whole chart, which made every
// redraw slower.

/** Charts against a continuous x axis with a label below it. */
export const AXIS_MARGIN = { top: 8, right: 16, bottom: 18, left: 8 };
/** The same with room above the plot for the selected rate's label. */
export const LABELLED_RATE_MARGIN = { top: 20, right: 16, bottom: 18, left: 8 };
/** Bar charts over groups. */
export const BAR_MARGIN = { top: 8, right: 16, bottom: 8, left: 8 };

/**
 * A numeric axis's tick labels drawn as they are: recharts would word-wrap each to the axis's width, measuring every
 * word's text in the DOM (a forced layout of the page) on each redraw; ours are numbers a few characters long. That
 * measuring was 4% of a chart's first draw (issue 11).
 */
const NUMBER_TICK = { width: undefined };

/**
 * A numeric axis over given ticks or an 'auto' domain: ticks at steps of 1, 2 or 5 × 10^k (recharts' 'snap125'; its
 * default stepped by 0.085 or 4.5), every one drawn, where recharts' default measures every label to hide those that
 * would overlap, once for the axis and again for the chart's grid (7% of the training chart's first draw). About five
 * ticks, the rate axis's six: too few to collide.
 */
export const NUMBER_AXIS = { interval: 0, tick: NUMBER_TICK, niceTicks: 'snap125' } as const;

/**
 * A numeric axis over a fixed domain (accuracy's tenths, 1 to the last epoch): recharts steps from its start and adds
 * its end as a tick of its own, which can sit on the one before; its default interval hides that one.
 */
export const FIXED_DOMAIN_AXIS = { tick: NUMBER_TICK } as const;
