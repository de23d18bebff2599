import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOC, metricTableMarkdown, withMetricTable } from '../../scripts/metric-table-md';
import { groupMetrics } from '../../src/engine/contract/group-metrics';

describe("docs/formats.md's per-group metric table", () => {
  it('is the one rendered from the contract (run `npm run docs:metrics` when this fails)', () => {
    const doc = readFileSync(DOC, 'utf8');
    expect(doc).toContain(metricTableMarkdown());
    expect(withMetricTable(doc)).toBe(doc);
  });

  it('has a row per metric, with the pipes of ||g_a|| escaped so the row keeps its cells', () => {
    const rows = metricTableMarkdown().split('\n').slice(2);
    expect(rows).toHaveLength(groupMetrics.length);
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length).toBe(10);
  });
});
