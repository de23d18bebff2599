// How fast the page decodes user data: N generated UTKFace-sized JPEGs (200×200, noisy like a photo) in a tar.gz,
// given to the data panel in headless Chromium, decoded and resized to 32 px in the engine's worker. Prints the
// time the page reports. Run: npx tsx test/e2e/measure-decode.ts [N] (default 4000; E2E_SKIP_BUILD=1 reuses dist/).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { targz } from '../helpers/image-fixtures';
import { measureInBrowser } from './measure-harness';

const count = Number(process.argv[2] ?? 4000);

function face(k: number): Uint8Array {
  const data = Buffer.alloc(200 * 200 * 4);
  let seed = k * 7919 + 1;
  const noise = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 24) % 24;
  for (let y = 0; y < 200; y++) for (let x = 0; x < 200; x++) data.set([(x + k * 3 + noise()) % 256, (y * 1.2 + noise()) % 256, ((x + y) / 2 + noise()) % 256, 255], (y * 200 + x) * 4);
  return new Uint8Array(jpeg.encode({ data, width: 200, height: 200 }, 90).data);
}

measureInBrowser(async (url, browser) => {
  // A few distinct faces repeated under distinct names: encoding 4,000 JPEGs in Node would take longer than decoding them.
  const distinct = Array.from({ length: 50 }, (_, k) => face(k));
  const files = Array.from({ length: count }, (_, i) => ({ path: `UTKFace/${20 + (i % 60)}_${i % 2}_${i % 5}_2017${String(i).padStart(8, '0')}.jpg.chip.jpg`, bytes: distinct[i % 50] }));
  const archive = targz(files);
  const page = await browser.newPage();
  await page.goto(`${url}#v=1&preset=utkface-table2&backend=wasm`);
  const t0 = Date.now();
  // Playwright passes buffers only up to 50 MB: larger archives go through a file, as a user's would.
  const file = join(mkdtempSync(join(tmpdir(), 'pfp-decode-')), 'UTKFace.tar.gz');
  writeFileSync(file, archive);
  await page.getByLabel('Choose data files').setInputFiles(file);
  const line = page.getByText(/^Read [\d,]+ UTKFace images/);
  await line.waitFor({ timeout: 600_000 });
  const wall = (Date.now() - t0) / 1000;
  const text = (await line.textContent()) ?? '';
  const seconds = Number(/in ([\d.]+) s/.exec(text)?.[1]);
  console.log(`${text}`);
  console.log(`${count} JPEGs of 200×200 (${(archive.length / 1e6).toFixed(1)} MB tar.gz): decoded in ${seconds} s in the worker (${(count / seconds).toFixed(0)} images/s), ${wall.toFixed(1)} s from giving the file to the report; 23,708 UTKFace images at that rate: ${(23708 / (count / seconds)).toFixed(0)} s`);
});
