// Where the start-here run's time goes in headless Chromium (issue 11's 5 s target): the progress line's phases as they
// change (polled every 20 ms) and the page's long tasks, printed, never asserted.
// Run: npx tsx test/e2e/measure-start-here.ts [runs] (default 1; E2E_SKIP_BUILD=1 reuses dist/; THREADS=n sets the
// page's WebAssembly threads setting first, as a user would; SETTLE_MS=n waits n ms after the badge before Run, as a
// user who reads the page first: the run-time estimate's calibration has then run the model's steps once); TRACE=1
// traces each run (Chromium's toplevel category) and prints each thread's busy time and the page's tasks over 50 ms
// (TRACE=file.json keeps the trace too);
// ROOT=dir builds and serves another checkout (a worktree of an earlier commit, for before/after pairs).
import { writeFileSync } from 'node:fs';
import { waitForRunEnd } from './browser';
import { measureInBrowser } from './measure-harness';
import { traceBusy } from './trace-busy';

const runs = Number(process.argv[2] ?? 1);

measureInBrowser(async (url, browser) => {
  for (let k = 0; k < runs; k++) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    if (process.env.THREADS) await page.addInitScript(`localStorage.setItem('pfp.wasmThreads', ${JSON.stringify(process.env.THREADS)})`);
    await page.goto(`${url}#v=1&preset=start-here&backend=wasm`);
    await page.getByTestId('backend-badge').and(page.locator('[data-backend="wasm"]')).waitFor({ timeout: 60_000 });
    const badge = await page.getByTestId('backend-badge').textContent();
    // Strings, not functions: tsx would wrap inner named functions in a helper the page does not have.
    await page.evaluate(`(() => {
      window.__long = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push([e.startTime, e.duration]); }).observe({ type: 'longtask' });
    })()`);
    if (process.env.SETTLE_MS) await new Promise((r) => setTimeout(r, Number(process.env.SETTLE_MS)));
    if (process.env.TRACE) await browser.startTracing(page, { categories: ['toplevel'] });
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.evaluate(`(() => {
      window.__t0 = performance.now();
      window.__phases = [];
      let last = '';
      const poll = () => {
        const p = document.querySelector('.progress');
        const s = p ? p.querySelector('.progress-label')?.textContent + ' | ' + (p.querySelector('.progress-message')?.textContent ?? '') : '';
        if (s !== last) window.__phases.push([performance.now() - window.__t0, s]);
        last = s;
        setTimeout(poll, 20);
      };
      poll();
    })()`);
    const status = await waitForRunEnd(page, 600_000);
    console.log(`start-here (${badge}): Run → ${status} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    for (const [t, s] of (await page.evaluate('window.__phases')) as Array<[number, string]>) console.log(`${(t / 1000).toFixed(2).padStart(7)} s  ${s}`);
    const long = (await page.evaluate('window.__long.filter(([t]) => t >= window.__t0).map(([t, d]) => [t - window.__t0, d])')) as Array<[number, number]>;
    if (process.env.TRACE) {
      const buffer = await browser.stopTracing();
      if (process.env.TRACE !== '1') writeFileSync(process.env.TRACE, buffer);
      const { threads, longTasks } = traceBusy(JSON.parse(buffer.toString()));
      console.log(`busy (trace): ${threads.map(([n, ms]) => `${n} ${ms.toFixed(0)} ms`).join(', ')}; page tasks over 50 ms: ${longTasks.map(([t, ms]) => `${(t / 1000).toFixed(2)} s: ${ms.toFixed(0)} ms`).join(', ')}`);
    }
    console.log(`page's long tasks during the run: ${long.length}, ${long.reduce((s, [, d]) => s + d, 0).toFixed(0)} ms in all (${long.map(([t, d]) => `${(t / 1000).toFixed(1)} s: ${d.toFixed(0)} ms`).join(', ')})`);
    await page.close();
  }
}, process.env.ROOT);
