// Property test of every layer of the repair but the mojibake runs: whole pages of seventeen clean
// articles, damaged by the simulator with furniture, script conversion, pinyin tags, lost spaces
// and folded punctuation but no runs, must repair to the article exactly. The bundled one is on
// social governance; sixteen were composed for the tests: a survey in education (statistics, Latin
// abbreviations, ranges, English references), late-Qing reading notes (classical quotations,
// 著/着, an author's own pinyin gloss), a clinical study (units, means ± deviations, formulas),
// a law article (statutes, case numbers, GDPR Art. 6(1)(f)), and twelve written later, after the
// repair, as unseen text: public finance (a regression equation, 〔2014〕 document numbers),
// engineering (numbered 2.1 headings, formulas with σ(·), ratios 7:2:1, mAP@0.5:0.95), Qing
// economic history (reign years, 石斗升, the historian 全汉昇), a teacher's notes on polyphones
// (the author's glosses 朝（zhāo）霞 and 朝（cháo）代, also on characters the site tags), a business
// case study (一是……二是……), a study in Chinese medicine (prescriptions, BMI（t=0.664，P=0.509）),
// agronomy (℃, kg/hm2, an English abstract), the Chinese translations of a novel (English
// quotations, 欧内斯特·海明威, ①, 成为著名作家), Party building (“三会一课”, [N] and [EB/OL]), a
// geometry lesson (∵∴, △ABD≌△ACD（SSS）, A(1,0)), short-video media (#话题#, @账号, 10万+) and a
// case report (15.6×10^9/L↑, 0.5 g bid).
// Where print itself varies
// (（2021） or (63.7±9.8)岁), the composed articles follow the common convention the repair
// keeps. A character GBK cannot hold (χ²) is lost on the page as `?`; the edition marks it (see
// reachableEdition).

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repairPage } from '../../src/lib/repair/index.ts';
import { parseCleanEdition, simulatePage } from '../../src/lib/simulate/index.ts';
import { reachableEdition } from '../../src/lib/simulate/evaluate.ts';

const PAGES = 12;
const fixture = (p: string): string => readFileSync(fileURLToPath(new URL(`../fixtures/${p}`, import.meta.url)), 'utf8');

/** The first line where two texts differ, both sides shown around the difference. */
function firstDifference(got: string, want: string): string {
  const g = got.split('\n');
  const w = want.split('\n');
  for (let i = 0; i < Math.max(g.length, w.length); i++) {
    const a = g[i] ?? '';
    const b = w[i] ?? '';
    if (a === b) continue;
    let k = 0;
    while (k < a.length && a[k] === b[k]) k++;
    return `line ${i + 1}: got …${a.slice(Math.max(0, k - 20), k + 20)}… want …${b.slice(Math.max(0, k - 20), k + 20)}…`;
  }
  return 'same';
}

describe.each(['000', '001', '002', '003', '004', '005', '006', '007', '008', '009', '010', '011', '012', '013', '014', '015', '016'])('pages of clean article %s without mojibake runs', (name) => {
  const article = parseCleanEdition(fixture(`clean/${name}.zh-Hans.txt`), JSON.parse(fixture(`clean/${name}.meta.json`)));

  it(`repair to the article exactly (${PAGES} pages)`, () => {
    for (let seed = 1; seed <= PAGES; seed++) {
      const sim = simulatePage(article, seed, { misalign: { runs: 0 } });
      expect(sim.page).not.toBe(sim.edition);
      const got = repairPage(sim.page, { source: `simulated:${name}:${seed}` }).text;
      const want = reachableEdition(sim.edition);
      expect(got === want, `seed ${seed}, ${firstDifference(got, want)}`).toBe(true);
    }
  });
});
