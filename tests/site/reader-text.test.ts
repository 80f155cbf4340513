// The reader's text in the page's script where the model and the repair speak English: the
// editor's notes (编者按) said from each warning's code and values, the apparatus notes said from
// each entry's kind and values (the English note kept after them, marked lang="en"), and the
// provenance of the title block's fields. Over the bundled article and over a warning of every
// code, in both scripts, and in the built pages.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Warning, WarningCode } from '../../src/lib/model/types.ts';
import { howText, metaRows } from '../../src/site/meta.ts';
import { entryNote } from '../../src/site/notes.ts';
import { buildArticles, convertStrings } from '../../src/site/pipeline.ts';
import { UI_HANS, type UiStrings } from '../../src/site/strings.ts';
import type { ArticleOk } from '../../src/site/types.ts';
import { warningText, warningViews } from '../../src/site/warnings.ts';
import { ensureSite, ROOT } from './build.ts';
import { decodeEntities } from './html.ts';

const hans = UI_HANS as unknown as UiStrings;
const hant = convertStrings(hans);
let seed: ArticleOk;

beforeAll(async () => {
  const records = await buildArticles(join(ROOT, 'content'));
  seed = records.find((r): r is ArticleOk => r.status === 'ok')!;
}, 120_000);

/** English words left in a reader's sentence (ISSN, GBK and the like are names, and pinyin in （） is a reading). */
const english = (s: string): string[] =>
  (s.replace(/（[^（）]*）/gu, '').match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !/^(?:ISSN|GBK|DOI)$/.test(w));

const at = { id: 'p1' };
/** One warning of every code, with values. */
const EVERY: { [C in WarningCode]: Extract<Warning, { code: C }>['data'] } = {
  'missing-title': {},
  'missing-authors': {},
  'missing-journal': {},
  'missing-year': {},
  'missing-issue': {},
  'missing-issn': {},
  'missing-pages': {},
  'missing-clc': {},
  'missing-document-code': {},
  'missing-article-number': {},
  'article-number-unreadable': { articleNumber: '1671-0169(2019)12' },
  'missing-abstract': {},
  'missing-keywords': { siteKeywordLine: true },
  'missing-sections': {},
  'unnumbered-section': { heading: '结语' },
  'section-numbering': { heading: '三、乙', repeated: false, number: 3, expected: 2 },
  'missing-references': { empty: true },
  'reference-unparsed': { number: 4 },
  'reference-numbering': { number: 5, repeated: false, position: 4 },
  'citation-missing-reference': { marker: '[2-3]', number: 3 },
  'reference-not-cited': { number: 6 },
  'missing-figure': { label: '表2', kind: 'table', number: 2 },
  'metadata-conflict': { field: 'year', printed: '2020', derived: '2019', articleNumber: '1671-0169(2019)12-0034-08' },
  'issn-check-digit': { issn: '1008-2991', printed: '1', expected: '9' },
};
const every = Object.entries(EVERY).map(([code, data]) => ({ code, message: 'English.', place: at, data }) as Warning);

describe('the editor’s notes (编者按)', () => {
  it('says the bundled article’s warnings in Chinese, with their values and places', () => {
    const views = warningViews(seed.editions['zh-Hans'].article, hans);
    const figure = views.find((v) => v.code === 'missing-figure')!;
    expect(figure.text).toBe('正文提及图1，但来源网页没有该图。');
    expect(figure.place).toEqual({ href: '#s3-1-p1', label: '三（一）第1段' });
    const issn = views.find((v) => v.code === 'issn-check-digit')!;
    expect(issn.text).toBe('ISSN 1008-2991 的校验位应为 9，而页面印作 1；照录原文。');
    expect(issn.place).toBeNull();
    for (const v of views) expect(english(v.text), v.text).toEqual([]);
  });

  it('says them in traditional script on the zh-Hant page', () => {
    const views = warningViews(seed.editions['zh-Hant'].article, hant);
    expect(views.find((v) => v.code === 'missing-figure')!.text).toBe('正文提及圖1，但來源網頁沒有該圖。');
    expect(views.find((v) => v.code === 'missing-figure')!.place?.label).toBe('三（一）第1段');
    expect(views.find((v) => v.code === 'issn-check-digit')!.text).toBe('ISSN 1008-2991 的校驗位應爲 9，而頁面印作 1；照錄原文。');
  });

  it('has a Chinese sentence for every code, naming its values', () => {
    for (const ui of [hans, hant]) {
      for (const w of every) {
        const text = warningText(w, ui);
        expect(text, w.code).not.toBe(w.message);
        expect(english(text), `${w.code}: ${text}`).toEqual([]);
        expect(text, w.code).not.toMatch(/\{\w+\}/);
        for (const v of Object.values(w.data)) {
          if (typeof v === 'number' || (typeof v === 'string' && /^[\d\-()[\]X]+$/.test(v))) expect(text, w.code).toContain(String(v));
        }
      }
    }
    const said = (code: WarningCode): string => warningText(every.find((w) => w.code === code)!, hans);
    expect(said('missing-figure')).toBe('正文提及表2，但来源网页没有该表。');
    expect(said('metadata-conflict')).toBe('网页印出的年份为 2020，而文章编号 1671-0169(2019)12-0034-08 中为 2019；照录网页印出者。');
    expect(said('missing-issn')).toBe('来源网页既未印出ISSN，也无法由其他著录项推得。');
    expect(said('citation-missing-reference')).toBe('引用标记[2-3]指向参考文献[3]，但参考文献表中没有这一条。');
  });
});

describe('apparatus notes', () => {
  it('gives every entry a Chinese note from its kind and values, in both scripts', () => {
    for (const [script, ui] of [['zh-Hans', hans], ['zh-Hant', hant]] as const) {
      for (const e of seed.editions[script].apparatus) {
        const note = entryNote(e, ui);
        expect(note, e.id).not.toBe('');
        expect(english(note), `${e.id}: ${note}`).toEqual([]);
        expect(note, e.id).not.toMatch(/\{\w+\}/);
      }
    }
    const first = (kind: string) => seed.editions['zh-Hans'].apparatus.find((e) => e.kind === kind && /^.\(/u.test(e.witness) === (kind === 'pinyin'))!;
    const pinyin = first('pinyin');
    expect(entryNote(pinyin, hans)).toBe(`删去“${pinyin.witness[0]}”后的拼音注音（${pinyin.witness.slice(2, -1)}）。`);
    expect(entryNote(first('script'), hans)).toBe('依上下文，“著”在此处简体作“着”。');
  });

  it('has a one-sentence explanation and a label for every kind', () => {
    for (const ui of [hans, hant]) {
      for (const k of Object.keys(ui.kind) as Array<keyof UiStrings['kind']>) {
        expect(ui.kindBrief[k].match(/。/g), k).toHaveLength(1);
        expect(ui.kindBrief[k].endsWith('。'), k).toBe(true);
        expect(ui.kind[k]).toMatch(/^\p{Script=Han}+$/u);
      }
    }
  });
});

describe('provenance of the title block', () => {
  it('says where every field of the bundled article came from, in the page’s script', () => {
    for (const [script, ui] of [['zh-Hans', hans], ['zh-Hant', hant]] as const) {
      const rows = metaRows(seed.editions[script].article, ui);
      expect(rows.length).toBeGreaterThan(5);
      for (const r of rows) {
        const text = howText(r.how, ui);
        expect(text, r.how).not.toBeNull();
        expect(english(text!), text!).toEqual([]);
      }
    }
    const pages = metaRows(seed.editions['zh-Hans'].article, hans).find((r) => r.key === 'pages')!;
    expect(howText(pages.how, hans)).toBe('文章编号 1008-2991(2021)01-095-006 的起页与页数，95 + 6 − 1 = 100');
    expect(howText('a shape nobody knows', hans)).toBeNull();
  });
});

describe('built pages', () => {
  let dist: string;
  beforeAll(async () => {
    dist = await ensureSite();
  }, 300_000);
  const page = (path: string): string => readFileSync(join(dist, path, 'index.html'), 'utf8');
  const text = (html: string): string => decodeEntities(html.replace(/<[^>]+>/g, ''));

  it('shows the editor’s notes in Chinese, without the English sentences', () => {
    for (const [script, figure] of [['zh-Hans', '正文提及图1，但来源网页没有该图。'], ['zh-Hant', '正文提及圖1，但來源網頁沒有該圖。']] as const) {
      const html = page(`${script}/articles/${seed.slug}`);
      const box = /<aside class="warnings"[\s\S]*?<\/aside>/.exec(html)?.[0] ?? '';
      expect(text(box)).toContain(figure);
      expect(english(text(box))).toEqual([]);
    }
  });

  it('puts the Chinese note first on the apparatus page and the English one after it, marked lang="en"', () => {
    for (const script of ['zh-Hans', 'zh-Hant']) {
      const html = page(`${script}/articles/${seed.slug}/apparatus`);
      const cells = html.match(/<td[^>]*class="note"[^>]*>[\s\S]*?<\/td>/g) ?? [];
      expect(cells.length).toBe(seed.editions['zh-Hans'].apparatus.length);
      for (const cell of cells) expect(cell).toMatch(/^<td[^>]*>\s*<span class="note-zh">[^<]+<\/span>\s*<span class="note-en" lang="en"/);
      for (const k of ['lacuna', 'realign', 'script', 'space', 'punctuation', 'pinyin', 'furniture']) {
        const section = new RegExp(`<section[^>]*id="kind-${k}"[\\s\\S]*?<p class="kind-brief">([^<]+)`).exec(html);
        if (section) expect(english(section[1]!)).toEqual([]);
      }
    }
  });

  it('explains every kind on the about page in Chinese', () => {
    const html = page('zh-Hans/about');
    for (const k of Object.keys(hans.kind) as Array<keyof UiStrings['kind']>) {
      expect(html).toContain(`id="kind-${k}"`);
      expect(text(html)).toContain(hans.kindBrief[k]);
    }
  });
});
