// `npx tsx scripts/measure-repair.ts [--runs N] [--seed S] [--mode window|page] [knobs…]`:
// damages the clean seed article with the simulator, repairs the pages, and prints how many
// mojibake runs were restored exactly, marked as lacunae, or got wrong (and wrong with confidence
// ≥ 0.9), broken down by run feature, with the worst examples. The figures for the issue note.

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { repairPage } from '../src/lib/repair/index.ts';
import type { RealignOptions } from '../src/lib/repair/realign/index.ts';
import { ACCEPT_MARGIN, CHAR_MARGIN } from '../src/lib/repair/realign/constants.ts';
import { MISALIGN_DEFAULTS, parseCleanEdition, type CleanArticle, type MisalignOptions } from '../src/lib/simulate/index.ts';
import {
  formatSummary,
  judgeTrial,
  makePageTrial,
  makeTrial,
  makeWindowsTrial,
  summarize,
  type TrialVerdict,
} from '../src/lib/simulate/evaluate.ts';

const HELP = `usage: npx tsx scripts/measure-repair.ts [options]
  --runs N          runs to simulate (default 500)
  --seed S          first seed (default 1)
  --mode M          windows: body-only pages of 4–8 windows (a sentence or paragraph each), one run
                             per window (default; what tests/property/repair.property.test.ts runs)
                    window:  a page of one window with one run
                    page:    whole pages with furniture, one run per paragraph (4–10 a page)
  --clean FILE      clean edition (default tests/fixtures/clean/000.zh-Hans.txt; FILE.meta.json beside it is read)
  --worst K         worst examples to print (default 10)
  --accept-margin M --char-margin M
                    the realignment's acceptance margins in nats (defaults ${ACCEPT_MARGIN} and ${CHAR_MARGIN})
  --min-length N --max-length N --vanish P --perturb P --swallow P --tag-misread P --tag-start P
                    the run knobs (defaults: ${JSON.stringify(MISALIGN_DEFAULTS)})`;

function parseArgs(argv: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--help' || a === '-h') out.set('help', '1');
    else if (a.startsWith('--')) {
      const [k, v] = a.includes('=') ? a.slice(2).split('=', 2) : [a.slice(2), argv[++i]];
      if (v === undefined) throw new Error(`${a} needs a value`);
      out.set(k as string, v);
    } else throw new Error(`unexpected argument ${a}`);
  }
  return out;
}

const args = parseArgs(process.argv.slice(2));
if (args.has('help')) {
  console.log(HELP);
  process.exit(0);
}
const num = (k: string, d: number): number => {
  const v = args.get(k);
  if (v === undefined) return d;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`--${k} wants a number, got ${v}`);
  return n;
};

const runs = num('runs', 500);
const seed = num('seed', 1);
const mode = args.get('mode') ?? 'windows';
if (mode !== 'windows' && mode !== 'window' && mode !== 'page') throw new Error(`--mode is windows, window or page, not ${mode}`);
const cleanPath =
  args.get('clean') ?? fileURLToPath(new URL('../tests/fixtures/clean/000.zh-Hans.txt', import.meta.url));
const metaPath = cleanPath.replace(/\.zh-Hans\.txt$|\.txt$/, '') + '.meta.json';
const meta: Omit<CleanArticle, 'lines'> = existsSync(metaPath) ? JSON.parse(readFileSync(metaPath, 'utf8')) : {};
const article = parseCleanEdition(readFileSync(cleanPath, 'utf8'), meta);

const misalign: MisalignOptions = {};
const knobs: Array<[string, keyof MisalignOptions]> = [
  ['min-length', 'minLength'],
  ['max-length', 'maxLength'],
  ['vanish', 'vanish'],
  ['perturb', 'perturb'],
  ['swallow', 'swallow'],
  ['tag-misread', 'tagMisread'],
  ['tag-start', 'tagStart'],
];
for (const [flag, key] of knobs) if (args.has(flag)) (misalign as Record<string, number>)[key] = num(flag, 0);

console.log(
  `measure-repair: mode ${mode}, ${runs} runs from seed ${seed}, clean ${cleanPath.split('/').slice(-2).join('/')}` +
    (Object.keys(misalign).length ? `, knobs ${JSON.stringify(misalign)}` : ''),
);
// --accept-margin 0 --char-margin -1 shows what the search's first choice gets right, before acceptance.
const realign: RealignOptions = {};
if (args.has('accept-margin')) realign.acceptMargin = num('accept-margin', ACCEPT_MARGIN);
if (args.has('char-margin')) realign.charMargin = num('char-margin', CHAR_MARGIN);
const t0 = performance.now();
const verdicts: TrialVerdict[] = [];
let total = 0;
for (let s = seed; total < runs; s++) {
  const trial =
    mode === 'window'
      ? makeTrial(article.lines, s, { misalign })
      : mode === 'windows'
        ? makeWindowsTrial(article.lines, s, { misalign })
        : makePageTrial(article, s, { misalign });
  const v = judgeTrial(trial, (page, o) => repairPage(page, { ...o, realign }));
  verdicts.push(v);
  total += v.runs.length;
}
const ms = performance.now() - t0;
console.log(`${total} runs on ${verdicts.length} pages in ${(ms / 1000).toFixed(1)} s\n`);
console.log(formatSummary(summarize(verdicts, num('worst', 10))));
