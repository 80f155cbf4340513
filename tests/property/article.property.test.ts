// Property test of the whole path from a damaged page to the article model, mojibake runs
// included: whole pages of the sixty-nine clean articles with 4–10 runs each (the bundled page has
// three) go through the repair, the parser and the traditional conversion. A run may leave a □ in
// what it hit, but it must not take the article's structure down with it: the metadata the site's
// chrome and the front matter give, the section tree and the reference list are those of the
// same page without runs.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { articleInScript } from '../../src/lib/model/index.ts';
import { parseArticle } from '../../src/lib/model/parse.ts';
import type { Article, Section } from '../../src/lib/model/types.ts';
import { repairPage } from '../../src/lib/repair/index.ts';
import { parseCleanEdition, simulatePage } from '../../src/lib/simulate/index.ts';

const PAGES = 8;
const fixture = (p: string): string => readFileSync(fileURLToPath(new URL(`../fixtures/${p}`, import.meta.url)), 'utf8');

/** The section tree as ids and numbering labels, depth first. */
const tree = (sections: Section[]): string[] => sections.flatMap((s) => [`${s.id} ${s.numbering.label}`, ...tree(s.subsections)]);

/** What a run must not change: where and when the article appeared, its outline and its references. */
function skeleton(a: Article) {
  const m = a.meta;
  return {
    journal: m.journal?.value,
    year: m.year?.value,
    issue: m.issue?.value,
    issn: m.issn?.value,
    clc: m.clc?.value,
    sections: tree(a.sections),
    references: a.references.map((r) => r.id),
    keywords: a.keywords.length,
  };
}

describe.each(['000', '001', '002', '003', '004', '005', '006', '007', '008', '009', '010', '011', '012', '013', '014', '015', '016', '017', '018', '019', '020', '021', '022', '023', '024', '025', '026', '027', '028', '029', '030', '031', '032', '033', '034', '035', '036', '037', '038', '039', '040', '041', '042', '043', '044', '045', '046', '047', '048', '049', '050', '051', '052', '053', '054', '055', '056', '057', '058', '059', '060', '061', '062', '063', '064', '065', '066', '067', '068'])('pages of clean article %s with 4–10 mojibake runs', (name) => {
  const article = parseCleanEdition(fixture(`clean/${name}.zh-Hans.txt`), JSON.parse(fixture(`clean/${name}.meta.json`)));

  it(`parse to the outline of the undamaged page (${PAGES} pages)`, () => {
    const seeds = Array.from({ length: PAGES }, (_, i) => 41000 + i);
    let runs = 0;
    for (const seed of seeds) {
      const undamaged = parseArticle(repairPage(simulatePage(article, seed, { misalign: { runs: 0 } }).page));
      const sim = simulatePage(article, seed, { misalign: { runs: [4, 10] } });
      runs += sim.runs.length;
      const damaged = parseArticle(repairPage(sim.page));
      // Keywords a run hit may merge at a lost separator (a □ where the ； stood), never multiply.
      const want = skeleton(undamaged);
      const got = skeleton(damaged);
      expect(got.keywords, `seed ${seed}: keywords ${damaged.keywords.join('；')}`).toBeLessThanOrEqual(want.keywords);
      expect(got.keywords).toBeGreaterThanOrEqual(want.keywords - 1);
      // A label whose numeral a run took prints □ (（□）) or nothing (（）), under the id of the
      // number it had.
      const sections = got.sections.map((label, k) => {
        const other = want.sections[k] ?? '';
        const lost = label.includes('□') || label.endsWith('（）');
        const pattern = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/□/g, '.').replace(/（）$/, '（.{1,3}）')}$`, 'u');
        return lost && pattern.test(other) ? other : label;
      });
      expect({ ...got, sections, keywords: 0 }, `seed ${seed}`).toEqual({ ...want, keywords: 0 });
      // The traditional model is made from the simplified one with the same ids.
      const hant = articleInScript(damaged, 'zh-Hant');
      const ids = (a: Article): string[] => tree(a.sections).map((s) => s.split(' ')[0]!);
      expect(ids(hant)).toEqual(ids(damaged));
      expect(hant.meta.title.length).toBe(damaged.meta.title.length);
    }
    expect(runs).toBeGreaterThanOrEqual(PAGES * 4);
  });
});
