/** What a chart says before there are any Results: the same words on every chart. */
export const NO_RESULTS = 'Run a sweep or import a Results file to see this chart.';

/** What a per-rate chart says while a sweep has measured nothing yet. */
export const NO_POINT_YET = 'Waiting for the first measured point…';
