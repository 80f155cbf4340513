// Tests for src/lib/pinyin: which parentheticals are pinyin tags of the character in front, on
// the seed page and on small hand-made inputs; the syllable parser and the reading table.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repairPage } from '../../src/lib/repair/index.ts';
import {
  authorGlossed,
  findPinyinTags,
  isPinyinSyllable,
  MISFIT,
  parseSyllable,
  readingFit,
  readingKeysOf,
  readingsOf,
  stripPinyinTags,
} from '../../src/lib/pinyin/index.ts';

const seed = readFileSync(new URL('../fixtures/seed-000.txt', import.meta.url), 'utf8');

/** Every `(…)` whose content is one pinyin syllable, with the character in front. */
function pinyinParentheticals(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/[(（]\s*([\p{Script=Latin}\p{M}:]{1,12}[0-5]?)\s*[)）]/gu)) {
    if (isPinyinSyllable(m[1]!)) out.push(text.slice(m.index - 1, m.index + m[0].length));
  }
  return out;
}

describe('findPinyinTags on the seed page', () => {
  const tags = findPinyinTags(seed);
  const stripped = stripPinyinTags(seed, tags);

  it('finds the tags, each reading the character in front of it', () => {
    expect(tags.length).toBeGreaterThan(600);
    for (const t of tags) {
      expect(seed.slice(t.start, t.end)).toMatch(/^[(（].+[)）]$/u);
      expect(seed.slice(t.start - t.char.length, t.start)).toBe(t.char);
      expect(readingsOf(t.char).map((r) => r.normalize('NFC'))).toContain(t.reading.normalize('NFC'));
      expect(t.confidence).toBeGreaterThan(0.9);
    }
    const seen = new Set(tags.map((t) => `${t.char}(${t.reading})`));
    for (const tag of ['關(guān)', '發(fā)', '區(qū)', '調(diào)', '習(xí)', '務(wù)']) expect(seen).toContain(tag);
  });

  it('finds the tag after every occurrence of a tagged character (a page tags a character always)', () => {
    const tagged = new Set(tags.map((t) => t.char));
    const tagAt = new Set(tags.map((t) => t.start));
    const missed: string[] = [];
    for (const ch of tagged) {
      for (let i = seed.indexOf(ch); i >= 0; i = seed.indexOf(ch, i + 1)) {
        if (!tagAt.has(i + ch.length)) missed.push(seed.slice(i - 2, i + 8));
      }
    }
    expect(missed).toEqual([]);
  });

  it('after removing the tags no pinyin parenthetical is left behind a Chinese character', () => {
    const left = pinyinParentheticals(stripped);
    // The one left is headless: the character in front of it was lost to mojibake
    // (`…代理機(jī)構` became `…檎拇頇C(jī)構`). Finding those is the mojibake repair's job.
    expect(left).toEqual(['C(jī)']);
    for (const p of left) expect(p[0]).not.toMatch(/\p{Script=Han}/u);
  });

  it('keeps every real parenthetical', () => {
    for (const p of ['(自治組織)', '(居委會)', '(如圖1所示)', '(一)', '(二)', '(2016年104期)', '(2021)', '(尤其是鄉村政治)', '(08)']) {
      expect(stripped).toContain(p);
    }
  });
});

describe('findPinyinTags on hand inputs', () => {
  const one = (text: string, minConfidence?: number) => findPinyinTags(text, { minConfidence });

  it('accepts any reading of a polyphone', () => {
    expect(one('調(diào)節')).toMatchObject([{ start: 1, end: 7, char: '調', reading: 'diào', confidence: 0.99 }]);
    expect(one('協調(tiáo)')).toMatchObject([{ char: '調', reading: 'tiáo' }]);
    expect(one('區(ōu)')).toMatchObject([{ char: '區', reading: 'ōu' }]);
  });

  it('rejects pinyin that does not read the character in front', () => {
    expect(one('學習(xí)')).toHaveLength(1);
    expect(one('測(xí)')).toEqual([]);
    // … unless asked for the misfits, which come back with a low confidence
    expect(one('測(xí)', 0)).toMatchObject([{ char: '測', reading: 'xí', confidence: MISFIT }]);
  });

  it('rejects parentheticals that are not one pinyin syllable', () => {
    for (const text of ['指數(PSQI)', '組織(一)', '年(2021)', '社區(居委會)', '關(guānxì)', '關(guan guan)', '關()', '量表(SCL)']) {
      expect(one(text, 0)).toEqual([]);
    }
    // `a` and `an` are syllables, but not readings of 案 / 測: misfits at best
    expect(one('方案(a)')).toEqual([]);
    expect(one('測(an)')).toEqual([]);
    expect(one('方案(a)', 0)).toMatchObject([{ char: '案', reading: 'a', confidence: MISFIT }]);
    expect(readingFit('測', 'an')).toBe(MISFIT);
    expect(readingFit('案', 'PSQI')).toBe(0);
  });

  it('treats ü, v and u: alike, and is lenient about case and tone digits', () => {
    for (const r of ['lǜ', 'lv4', 'lu:4', 'lü4', 'lu\u0308\u0300']) {
      expect(one(`綠(${r})`)).toMatchObject([{ char: '綠', reading: r }]);
    }
    expect(one('女(nǚ)')[0]?.confidence).toBe(0.99);
    expect(one('關(guan1)')[0]?.confidence).toBe(0.9);
    expect(one('關(guan)')[0]?.confidence).toBe(0.8);
    expect(one('著(zhe)')[0]?.confidence).toBe(0.95);
    expect(one('關(Guān)')[0]?.confidence).toBe(0.94);
    // all capitals is how abbreviations are written: below the default threshold
    expect(one('關(GUĀN)')).toEqual([]);
    // a reading in another tone (tone sandhi) is still a tag, with less confidence
    expect(one('一(yí)')[0]?.confidence).toBe(0.6);
  });

  it('accepts full-width parentheses and blanks inside', () => {
    expect(one('關（guān）係')).toMatchObject([{ start: 1, end: 7, reading: 'guān', confidence: 0.99 }]);
    expect(one('關( guān )')).toMatchObject([{ start: 1, end: 9, reading: 'guān', confidence: 0.94 }]);
  });

  it('reads a character outside the BMP and skips a tag with no character in front', () => {
    expect(one('(guān)關')).toEqual([]);
    expect(one('a(guān)')).toEqual([]);
    const text = '𠮷(jí)';
    expect(one(text, 0).every((t) => t.char === '𠮷' && t.start === 2)).toBe(true);
  });
});

describe('syllables and readings', () => {
  it('parses written syllables', () => {
    expect(parseSyllable('guān')).toEqual({ base: 'guan', tone: 1, toneBy: 'mark', letterCase: 'lower' });
    expect(parseSyllable('lǜ')).toMatchObject({ base: 'lv', tone: 4 });
    expect(parseSyllable('nu:3')).toMatchObject({ base: 'nv', tone: 3, toneBy: 'digit' });
    expect(parseSyllable('zhe5')).toMatchObject({ base: 'zhe', tone: 0 });
    expect(parseSyllable('de')).toMatchObject({ base: 'de', tone: null, toneBy: 'none' });
    expect(parseSyllable('gūān')).toBeNull(); // two tone marks
    expect(parseSyllable('zhuangg')).toBeNull(); // too long
    expect(parseSyllable('關')).toBeNull();
  });

  it('knows the syllable inventory from pinyin-pro', () => {
    for (const s of ['guān', 'zhuàng', 'lǜ', 'lv', 'nüè', 'er', 'ê', 'hng', 'ng', 'An', 'a']) expect(isPinyinSyllable(s)).toBe(true);
    for (const s of ['PSQI', 'guānxì', 'abc', 'x', 'qa', 'lve1x', '2021', '']) expect(isPinyinSyllable(s)).toBe(false);
  });

  it('gives every reading of a character, traditional ones through their simplified form', () => {
    expect(readingsOf('調')).toEqual(expect.arrayContaining(['diào', 'tiáo']));
    expect(readingsOf('乾')).toEqual(expect.arrayContaining(['qián', 'gān']));
    // pinyin-pro does not know 㑳; its simplified form 㑇 reads zhòu
    expect(readingsOf('㑳')).toEqual(['zhòu']);
    expect(readingsOf('a')).toEqual([]);
    expect(readingsOf('。')).toEqual([]);
  });

  it('caches readings per character', () => {
    expect(readingKeysOf('關')).toBe(readingKeysOf('關'));
  });
});

describe('author glosses', () => {
  it('tells the author\'s own gloss from the site\'s tags by where the character stands untagged', () => {
    const lines = ['他對《詩集傳》的葉(xié)音說頗不以為然。', '每半葉十行,枝葉扶疏,一葉知秋。', '關(guān)系與關(guān)聯,相關(guān)。'];
    expect([...authorGlossed(lines)]).toEqual(['葉']);
    // Tagged everywhere it stands: the site's.
    expect(authorGlossed(['關(guān)系與關(guān)聯', '相關(guān)的葉(yè)子']).size).toBe(0);
    // Untagged once only: not enough to keep a tag that reads the character.
    expect(authorGlossed(['葉(xié)音', '枝葉']).size).toBe(0);
  });

  it('knows the author\'s glosses by two readings of one character, and by characters the site never tags', () => {
    // The site gives a character one reading wherever it stands: 朝(zhāo) and 朝(cháo) are the author's.
    expect([...authorGlossed(['“朝(zhāo)霞”與“朝(cháo)代”', '關(guān)系相關(guān)'])]).toEqual(['朝']);
    // 落 is in GB2312, which the site does not tag: one untagged 落 is enough, with the rule given.
    const lines = ['“丟三落(là)四”中的“落”讀“là”', '關(guān)系相關(guān)'];
    expect(authorGlossed(lines).size).toBe(0);
    expect([...authorGlossed(lines, { siteTaggable: (ch) => ch !== '落' })]).toEqual(['落']);
    // A tag seen only where the in-step text was blanked is judged on the untagged places alone.
    expect([...authorGlossed(['教學“落”字,‘落’嗎', '關(guān)系'], { siteTaggable: (ch) => ch !== '落', alsoTagged: ['落'] })]).toEqual(['落']);
    expect(authorGlossed(['關(guān)系'], { alsoTagged: ['葉'] }).size).toBe(0);
  });

  it('keeps the gloss in the edition, in full-width brackets, and takes the site\'s tags out', () => {
    const page = '他對朱熹《詩集傳》的葉(xié)音說頗不以為然。\n每半葉十行,枝葉扶疏,一葉知秋,關(guān)系相關(guān)。';
    expect(repairPage(page).text).toBe('他对朱熹《诗集传》的叶（xié）音说颇不以为然。\n每半叶十行，枝叶扶疏，一叶知秋，关系相关。');
    // Where the site tags the character the author glosses, the gloss follows the site's tag.
    const teaching = '如“數(shù)(shǔ)星星”“數(shù)(shù)學”,“朝(zhāo)霞”與“朝(cháo)代”,“丟三落(là)四”中的“落”讀“là”。\n數(shù)量相關(guān)。';
    expect(repairPage(teaching).text).toBe('如“数（shǔ）星星”“数（shù）学”，“朝（zhāo）霞”与“朝（cháo）代”，“丢三落（là）四”中的“落”读“là”。\n数量相关。');
  });
});
