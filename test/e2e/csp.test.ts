import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, lineCount, TINY, trackErrors, waitForRunEnd } from './browser';

const CSP_TEXT = /Content Security Policy|CSP violation/i;

/**
 * CSP violations the page and its workers report, as console lines. The page's listener is in place before any
 * script; a worker's is added as the worker appears, so it sees everything the worker does once it serves requests
 * (all of a sweep), though not its first module evaluation.
 */
async function trackViolations(page: Page): Promise<string[]> {
  const found: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on('console', (m) => {
    if (CSP_TEXT.test(m.text())) found.push(m.text());
  });
  page.on('worker', (w) => {
    void w
      .evaluate(() => self.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)))
      .catch(() => {}); // a worker that already ended
    w.on('console', (m) => {
      if (CSP_TEXT.test(m.text())) found.push(`worker ${w.url()}: ${m.text()}`);
    });
  });
  return found;
}

const directive = (policy: string, name: string) => policy.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `));

describe('the Content-Security-Policy', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('is sent as a header beside COOP/COEP and written into index.html, with no origin but the page\'s own', async () => {
    const res = await fetch(inject('baseUrl'));
    const header = res.headers.get('content-security-policy') ?? '';
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    const html = await res.text();
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1].replace(/&#39;/g, "'") ?? '';
    for (const policy of [header, meta]) {
      expect(directive(policy, 'default-src')).toBe("default-src 'self'");
      expect(directive(policy, 'object-src')).toBe("object-src 'none'");
      expect(policy).not.toMatch(/https?:|\*|'unsafe-inline'|'unsafe-eval'/);
    }
    expect(directive(header, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    // The meta comes before every script, so the coi-serviceworker loader is covered too.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
  });

  it('lets the app run a sweep on wasm threads and export a chart with no violation', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const violations = await trackViolations(page);
    const errors = trackErrors(page);
    await page.goto(`${inject('baseUrl')}#v=1&${TINY}&backend=wasm&autorun=1`);
    expect(await waitForRunEnd(page)).toBe('complete');
    await expect.poll(() => lineCount(page, 'Per-group accuracy')).toBe(3);
    expect(await page.getByText(/wasm/).first().count()).toBe(1);
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /PNG/ }).first().click()]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });
});
