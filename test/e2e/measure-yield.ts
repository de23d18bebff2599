// What one yield of a long loop costs in a Chromium worker (src/engine/train/yield.ts): 40 rounds of 25 ms of work
// then a yield, by setTimeout(0) (which HTML clamps to 4 ms once timers nest five deep) and by a MessageChannel message
// (what the engine's loops use in a browser). Prints the mean wait per yield, never asserts.
// Run: npx tsx test/e2e/measure-yield.ts
import { launchBrowser } from './browser';

const WORKER = `
const busy = (ms) => { const t = performance.now(); while (performance.now() - t < ms); };
const byTimer = () => new Promise((r) => setTimeout(r, 0));
const byMessage = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => { c.port1.close(); r(); }; c.port2.postMessage(null); });
async function wait(yieldOnce) {
  let waited = 0;
  for (let i = 0; i < 40; i++) { busy(25); const t = performance.now(); await yieldOnce(); waited += performance.now() - t; }
  return waited / 40;
}
onmessage = async () => postMessage({ timer: await wait(byTimer), message: await wait(byMessage) });`;

async function main(): Promise<void> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto('about:blank');
    const r = (await page.evaluate(`new Promise((resolve) => {
      const w = new Worker(URL.createObjectURL(new Blob([${JSON.stringify(WORKER)}], { type: 'text/javascript' })));
      w.onmessage = (e) => resolve(e.data);
      w.postMessage(0);
    })`)) as { timer: number; message: number };
    console.log(`A yield after 25 ms of work, in a Chromium worker (${browser.version()}): setTimeout(0) waits ${r.timer.toFixed(2)} ms, a MessageChannel message ${r.message.toFixed(2)} ms (means of 40)`);
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
