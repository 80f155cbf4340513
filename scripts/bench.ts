// `npm run bench`: repair throughput in MB/s of page text (UTF-8 bytes), on one core, after
// warm-up, with opencc-js alone as the yardstick. Performance lives here, never in timed tests.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { repairPage } from '../src/lib/repair/index.ts';
import { convert, toTraditional } from '../src/lib/script/index.ts';
import { decodeSource } from '../src/lib/decode/index.ts';
import { parseCleanEdition, simulatePage } from '../src/lib/simulate/index.ts';

const seedPath = fileURLToPath(new URL('../content/articles/000_4e65b573a0795869/source.txt', import.meta.url));
const bytes = readFileSync(seedPath);
const page = decodeSource(bytes, seedPath).text;
const mb = bytes.length / 1e6;

function measure(label: string, fn: () => void, minMs = 3000): void {
  fn(); // warm-up
  let n = 0;
  const t0 = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    fn();
    n++;
    elapsed = performance.now() - t0;
  }
  const perRun = elapsed / n;
  console.log(`${label.padEnd(36)} ${perRun.toFixed(2).padStart(8)} ms/page  ${((mb * n) / (elapsed / 1000)).toFixed(2).padStart(6)} MB/s  (${n} runs)`);
}

console.log(`page: ${seedPath.split('/').slice(-3).join('/')}, ${bytes.length} bytes UTF-8, ${page.length} characters`);
const t0 = performance.now();
repairPage(page);
console.log(`first repair (builds the model, GBK tables, converters): ${(performance.now() - t0).toFixed(0)} ms`);
measure('decode (bytes → text)', () => decodeSource(bytes, seedPath));
measure('repair (page → edition + apparatus)', () => repairPage(page));
// Pages the repair has never seen: the clean article damaged afresh by the simulator, 1–3 runs
// each like the bundled page. Each is repaired once, so nothing page-specific is warm.
const cleanPath = fileURLToPath(new URL('../tests/fixtures/clean/000.zh-Hans.txt', import.meta.url));
const article = parseCleanEdition(readFileSync(cleanPath, 'utf8'), JSON.parse(readFileSync(cleanPath.replace(/\.zh-Hans\.txt$/, '.meta.json'), 'utf8')));
const fresh = Array.from({ length: 60 }, (_, i) => simulatePage(article, 9000 + i, { misalign: { runs: [1, 3] } }).page);
const freshBytes = fresh.reduce((n, p) => n + Buffer.byteLength(p), 0);
{
  const t1 = performance.now();
  for (const p of fresh) repairPage(p);
  const ms = performance.now() - t1;
  console.log(
    `${'repair, 60 simulated pages, each once'.padEnd(36)} ${(ms / fresh.length).toFixed(2).padStart(8)} ms/page  ${(freshBytes / 1e6 / (ms / 1000)).toFixed(2).padStart(6)} MB/s  (${(freshBytes / fresh.length / 1000).toFixed(1)} KB a page)`,
  );
}
const edition = repairPage(page).text;
measure('traditional edition (zh-Hant)', () => toTraditional(edition, 'zh-Hant'));
measure('opencc-js alone (t → cn, yardstick)', () => convert(page, 'zh-Hans'));
