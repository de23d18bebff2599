import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseExperimentArgs } from '../../src/cli/args';
import { decodeShareLink } from '../../src/state/share-link';

// docs/reproduction.md pairs each claim's CLI command with a playground link that re-runs it. The two must name the
// same experiment: a link that drifted from its command would re-run something else than the numbers beside it.
const doc = readFileSync(new URL('../../docs/reproduction.md', import.meta.url), 'utf8');
// Each command with the first link after it, before the next command (on the next line, or in the same table cell).
const pairs = [...doc.matchAll(/`npm run experiment -- ([^`]+)`(?:(?!`npm run)[\s\S])*?<(http:\/\/localhost:5173\/#[^>]+)>/g)].map((m) => ({ args: m[1], link: m[2] }));

describe('docs/reproduction.md links', () => {
  it('has a command and a link for each claim', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(6);
  });

  it.each(pairs)('$link opens the config of `$args`, runs it and reads without notices', async ({ args, link }) => {
    const decoded = decodeShareLink(link);
    expect(decoded.notices).toEqual([]);
    expect(decoded.autorun).toBe(true);
    const cli = await parseExperimentArgs(args.split(/\s+/));
    expect(decoded.config).toEqual(cli.config);
  });
});
