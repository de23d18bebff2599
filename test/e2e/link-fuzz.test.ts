import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { decodeShareLink } from '../../src/state/share-link';
import { launchBrowser, trackErrors } from './browser';
import { fuzzLinks } from './fuzz-links';

// 1,000 seeded mutations of real links, loaded into one page by changing its hash (the page reads a pasted hash
// through its hashchange listener, exactly as on load): no page error, nothing injected, no horizontal overflow,
// and a notice exactly when the decoder dropped or changed something.

// FUZZ_COUNT: fewer (or more) links for a quick look; CI runs the thousand.
const COUNT = Number(process.env.FUZZ_COUNT ?? 1000);
const SEED = 13;

/** What the page showed for one link. */
interface Seen {
  /** The hash the page read (the browser may have percent-encoded what was set). */
  hash: string;
  notice: boolean;
  overflow: number;
  injected: string | null;
  noticeHeight: number;
}

/** Loads each hash in turn (dismissing the last link's notice first) and records what the page showed. */
function loadAll(page: Page, hashes: string[]): Promise<Seen[]> {
  return page.evaluate(async (list) => {
    const TITLE = 'Parts of the link could not be used';
    const w = window as unknown as { __pwned?: number };
    const scripts = document.scripts.length;
    const tick = () => new Promise((r) => setTimeout(r, 0));
    const linkNotice = () => [...document.querySelectorAll('.notice')].find((n) => n.textContent?.includes(TITLE));
    const out: Seen[] = [];
    for (const hash of list) {
      for (let i = 0; i < 50 && linkNotice(); i++) {
        (linkNotice()?.querySelector('button') as HTMLButtonElement | undefined)?.click();
        await tick();
      }
      const read = new Promise<string>((resolve) => {
        const timer = setTimeout(() => resolve(location.hash.slice(1)), 500);
        window.addEventListener('hashchange', (e) => {
          clearTimeout(timer);
          resolve(e.newURL.slice(e.newURL.indexOf('#') + 1));
        }, { once: true });
      });
      location.hash = hash;
      const seen = await read;
      // The store's subscribers render synchronously (useSyncExternalStore) before this listener runs; one task more
      // lets anything scheduled after them (effects) land before the page is checked.
      await tick();
      const onAttr = document.evaluate("//*[@*[starts-with(name(), 'on')]]", document, null, XPathResult.FIRST_ORDERED_NODE_TYPE).singleNodeValue as Element | null;
      const injected = w.__pwned ? 'a payload ran' : document.scripts.length !== scripts ? 'a script element' : onAttr ? `<${onAttr.tagName.toLowerCase()}> with an on* attribute` : document.querySelector('iframe, object, embed, img') ? 'an embedded element' : null;
      const notices = document.querySelector('.notices') as HTMLElement | null;
      out.push({
        hash: seen,
        notice: !!linkNotice(),
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        injected,
        noticeHeight: notices?.getBoundingClientRect().height ?? 0,
      });
    }
    return out;
  }, hashes);
}

describe('a thousand fuzzed links', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  // A few seconds' work on an idle two-core machine; the limit leaves room for one shared with other jobs.
  it('never break, inject or overflow the page, and every dropped item is reported', { timeout: 400_000 }, async () => {
    const links = fuzzLinks(COUNT, SEED);
    // The decoder reports every mutation that must be reported (the page then only has to show it).
    const unreported = links.filter((l) => l.mustReport && decodeShareLink(l.hash).notices.length === 0);
    expect(unreported.map((l) => l.hash.slice(0, 200))).toEqual([]);

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = trackErrors(page);
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${inject('baseUrl')}#v=1`);
    await page.getByRole('button', { name: 'Run', exact: true }).waitFor();
    const t0 = Date.now();
    const seen: Seen[] = [];
    for (let i = 0; i < links.length; i += 100) seen.push(...(await loadAll(page, links.slice(i, i + 100).map((l) => l.hash))));
    const seconds = (Date.now() - t0) / 1000;
    console.log(`${COUNT} fuzzed links in ${seconds.toFixed(1)} s (${((seconds * 1000) / COUNT).toFixed(0)} ms a link)`);

    const problems = seen.flatMap((s, i) => {
      const decoded = decodeShareLink(s.hash);
      const p: string[] = [];
      if (s.injected) p.push(`injected: ${s.injected}`);
      if (s.overflow > 0) p.push(`overflows by ${s.overflow} px`);
      if (s.noticeHeight > 0.45 * 800) p.push(`notices ${s.noticeHeight} px tall`);
      if (decoded.notices.length > 0 && !s.notice) p.push(`no notice for: ${decoded.notices.join('; ').slice(0, 200)}`);
      if (decoded.notices.length === 0 && s.notice) p.push('a notice for a clean link');
      if (decoded.autorun) p.push('a link that runs');
      return p.map((x) => `link ${i} (${s.hash.slice(0, 80)}): ${x}`);
    });
    expect(problems.slice(0, 20)).toEqual([]);
    expect(seen.filter((s) => s.notice).length).toBeGreaterThan(COUNT / 2);
    expect(errors).toEqual([]);
    expect(violations).toEqual([]);
    await page.close();
  });
});
