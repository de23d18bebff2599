// Where the machine's CPU goes during start-here runs in headless Chromium (issue 11's 5 s target on 2 cores): each
// Chromium thread's CPU time and minor page faults over a run, read from /proc (Linux), printed, never asserted.
// Threads of one name are summed per process: "DedicatedWorker" is the engine and the λ(H_a) helper, "chromium" in the
// renderer the page's thread, "ThreadPoolForeg" V8's background work (compiling hot JavaScript, garbage collection).
// Run: npx tsx test/e2e/measure-cpu.ts [pages] [runs per page] (default 1 and 1; E2E_SKIP_BUILD=1 reuses dist/). Later
// runs in one page show what a warm JIT saves.
import { readdirSync, readFileSync } from 'node:fs';
import { waitForRunEnd } from './browser';
import { measureInBrowser } from './measure-harness';

const [pages, runs] = [Number(process.argv[2] ?? 1), Number(process.argv[3] ?? 1)];
const TICK_MS = 10; // /proc's clock ticks (USER_HZ = 100 on Linux)

/** CPU ms and minor faults per "process type/pid/thread name" of every Chromium process now. */
function sample(): Map<string, { ms: number; faults: number }> {
  const m = new Map<string, { ms: number; faults: number }>();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('chrom')) continue;
      const type = /--type=([a-z-]+)/.exec(cmd)?.[1] ?? 'browser';
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replace(/\d+$/, '');
        // Fields after the name: state is 0, minflt 7, utime 11, stime 12.
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const key = `${type}/${pid}/${name}`;
        const row = m.get(key) ?? { ms: 0, faults: 0 };
        m.set(key, { ms: row.ms + (Number(f[11]) + Number(f[12])) * TICK_MS, faults: row.faults + Number(f[7]) });
      }
    } catch {
      // A process or thread that ended while it was read.
    }
  }
  return m;
}

measureInBrowser(async (url, browser) => {
  for (let p = 0; p < pages; p++) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${url}#v=1&preset=start-here&backend=wasm`);
    await page.getByTestId('backend-badge').and(page.locator('[data-backend="wasm"]')).waitFor({ timeout: 60_000 });
    for (let r = 0; r < runs; r++) {
      const before = sample();
      const t0 = Date.now();
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      const status = await waitForRunEnd(page, 600_000);
      const wall = Date.now() - t0;
      const rows = [...sample()]
        .map(([key, v]) => ({ key, ms: v.ms - (before.get(key)?.ms ?? 0), faults: v.faults - (before.get(key)?.faults ?? 0) }))
        .filter((row) => row.ms >= 30)
        .sort((a, b) => b.ms - a.ms);
      console.log(`page ${p + 1}, run ${r + 1}: Run → ${status} in ${(wall / 1000).toFixed(1)} s, ${rows.reduce((s, row) => s + row.ms, 0)} ms of CPU`);
      for (const row of rows) console.log(`${String(row.ms).padStart(7)} ms ${String(row.faults).padStart(7)} minor faults  ${row.key}`);
      // The run's last redraw and V8's compiles after it settle before the next run.
      await page.waitForTimeout(1500);
    }
    await page.close();
  }
});
