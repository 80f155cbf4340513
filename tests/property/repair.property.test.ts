// Property test of the repair against the damage simulator: thousands of mojibake runs made from
// the clean seed article (body-only pages of sentence/paragraph windows, one run per window, plus a
// few whole pages with furniture), repaired, and compared with the truth. Asserts: (a) no
// `realign` reading with confidence ≥ 0.9 is wrong; (b) the share of runs neither restored nor
// marked as a lacuna stays under its measured ceiling; (c) the share restored exactly stays above
// its measured floor; and the same three, with their own floors, on 400 runs of each of the four
// other clean articles. The issue's goal for (c) is 95 %; the repair does not reach it yet (see the
// figures printed, and the issue note): the floors stop it from getting worse while it is raised.
// JIAOKAN_PROPERTY_RUNS and JIAOKAN_PROPERTY_SEED change the sample; the figures are printed.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { repairPage } from '../../src/lib/repair/index.ts';
import {
  formatSummary,
  judgeTrial,
  makePageTrial,
  makeWindowsTrial,
  summarize,
  type RunVerdict,
  type TrialVerdict,
} from '../../src/lib/simulate/evaluate.ts';
import { parseCleanEdition, type MisalignOptions } from '../../src/lib/simulate/index.ts';

const RUNS = Number(process.env.JIAOKAN_PROPERTY_RUNS ?? 2000);
const SEED = Number(process.env.JIAOKAN_PROPERTY_SEED ?? 1);
const FULL_PAGES = 6;
/** Measured on seed 1 (1,610 natural runs): 72.5 % exact, 16.9 % lacunae, 10.6 % neither (session 7; 71.9 / 17.8 / 10.4 in session 6). */
const MIN_EXACT_SHARE = 0.66;
const MAX_WRONG_SHARE = 0.14;

/** Every fifth page turns the rare variants up, so each is tried many times. */
const STRESS: MisalignOptions = { vanish: 0.5, perturb: 0.5, swallow: 0.6, tagMisread: 0.3, tagStart: 1 };

const fixture = (p: string): string => readFileSync(fileURLToPath(new URL(`../fixtures/${p}`, import.meta.url)), 'utf8');
const article = parseCleanEdition(fixture('clean/000.zh-Hans.txt'), JSON.parse(fixture('clean/000.meta.json')));

let natural: TrialVerdict[] = [];
let stressed: TrialVerdict[] = [];

const show = (v: RunVerdict): string =>
  `${v.trial.id} ${v.outcome}${v.why ? ` (${v.why})` : ''}: witness ${JSON.stringify(v.run.witness)} truth ${v.run.truth} reading ${JSON.stringify(v.reading)} expected ${v.expected}`;

beforeAll(() => {
  for (let s = 0; s < FULL_PAGES; s++) natural.push(judgeTrial(makePageTrial(article, SEED + s), repairPage));
  let total = natural.reduce((n, t) => n + t.runs.length, 0);
  for (let s = SEED; total < RUNS; s++) {
    const stress = s % 5 === 0;
    const v = judgeTrial(makeWindowsTrial(article.lines, s, stress ? { misalign: STRESS } : {}), repairPage);
    (stress ? stressed : natural).push(v);
    total += v.runs.length;
  }
  console.log(`natural runs:\n${formatSummary(summarize(natural, 5))}\n\nstressed runs (${JSON.stringify(STRESS)}):\n${formatSummary(summarize(stressed, 5))}`);
});

describe(`the repair on ${RUNS} simulated mojibake runs`, () => {
  it('simulated the runs it was asked for, of every kind', () => {
    const runs = [...natural, ...stressed].flatMap((t) => t.runs);
    expect(runs.length).toBeGreaterThanOrEqual(RUNS);
    const kinds = new Set(runs.flatMap((v) => [v.run.start, v.run.end]));
    for (const k of ['lost-lead', 'tag-start', 'ascii-trail', 'broken', 'broken-swallowed']) expect(kinds).toContain(k);
  });

  it('(a) never restores a run wrongly with confidence ≥ 0.9', () => {
    const all = [...natural, ...stressed];
    const wrong = [
      ...all.flatMap((t) => t.runs.flatMap((v) => v.confidentWrong.map((w) => ({ id: v.trial.id, ...w })))),
      ...all.flatMap((t) => t.strayConfidentWrong.map((w) => ({ id: 'stray', ...w }))),
    ];
    const examples = wrong
      .slice(0, 10)
      .map((w) => `${w.id}: ${JSON.stringify(w.emendation.witness)} → ${w.emendation.reading} (${w.emendation.confidence}), truth ${w.truth}`)
      .join('\n');
    expect(wrong, `confident wrong realign readings:\n${examples}`).toHaveLength(0);
  });

  it('(b) leaves few runs neither restored nor marked as a lacuna', () => {
    const { all } = summarize(natural);
    const wrong = natural.flatMap((t) => t.runs).filter((v) => v.outcome === 'wrong');
    expect(wrong.length / all.runs, `runs neither restored nor marked:\n${wrong.slice(0, 10).map(show).join('\n')}`).toBeLessThanOrEqual(MAX_WRONG_SHARE);
  });

  it('(c) restores at least the measured floor of runs exactly, and marks most of the rest', () => {
    const { all } = summarize(natural);
    expect(all.exact / all.runs, `restored exactly: ${all.exact} of ${all.runs}`).toBeGreaterThanOrEqual(MIN_EXACT_SHARE);
    expect((all.exact + all.lacuna) / all.runs).toBeGreaterThanOrEqual(1 - MAX_WRONG_SHARE);
  });
});

/**
 * The other clean articles, composed for the tests: the model knows them less well than the
 * bundled one (survey statistics; late-Qing reading notes with classical quotations; a clinical
 * study; a law article), so each has its own floors, measured on seed 1 (400 natural runs each).
 */
const OTHER_ARTICLES: Array<{ name: string; minExact: number; maxWrong: number }> = [
  // measured 71.6 % exact, 10.5 % neither in session 7 (71.6 / 11.0 in session 6, 69.6 / 9.7 in session 5)
  { name: '001', minExact: 0.66, maxWrong: 0.13 },
  // measured 66.3 % exact, 11.5 % neither (66.1 / 13.2; 63.8 / 14.5)
  { name: '002', minExact: 0.61, maxWrong: 0.18 },
  // measured 67.0 % exact, 12.3 % neither (66.5 / 12.0; 65.3 / 11.3)
  { name: '003', minExact: 0.61, maxWrong: 0.15 },
  // measured 75.1 % exact, 8.6 % neither (74.8 / 9.6; 74.8 / 9.6)
  { name: '004', minExact: 0.70, maxWrong: 0.13 },
];
const OTHER_RUNS = 400;

describe.each(OTHER_ARTICLES)('the repair on $name, another article', ({ name, minExact, maxWrong }) => {
  const other = parseCleanEdition(fixture(`clean/${name}.zh-Hans.txt`), JSON.parse(fixture(`clean/${name}.meta.json`)));
  it(`restores its floor of ${OTHER_RUNS} runs exactly, marks most of the rest, and is never confidently wrong`, () => {
    const verdicts: TrialVerdict[] = [];
    let total = 0;
    for (let s = SEED; total < OTHER_RUNS; s++) {
      const v = judgeTrial(makeWindowsTrial(other.lines, s), repairPage);
      verdicts.push(v);
      total += v.runs.length;
    }
    const { all } = summarize(verdicts);
    console.log(`${name}:\n${formatSummary(summarize(verdicts, 3))}`);
    const runs = verdicts.flatMap((t) => t.runs);
    expect(runs.flatMap((v) => v.confidentWrong)).toHaveLength(0);
    expect(verdicts.flatMap((t) => t.strayConfidentWrong)).toHaveLength(0);
    expect(all.exact / all.runs).toBeGreaterThanOrEqual(minExact);
    expect(all.wrong / all.runs).toBeLessThanOrEqual(maxWrong);
  });
});
