// The article model on the seed page (real values) and on small hand-made editions (every
// missing part still parses, with a warning that says what is missing).

import { describe, expect, it } from 'vitest';
import { seedRepair } from '../fixtures/model/seed.ts';
import {
  allParagraphs,
  allSections,
  articleInScript,
  parseArticle,
  type Article,
  type Reference,
  type Section,
  type Warning,
} from '../../src/lib/model/index.ts';
import type { FurnitureLine, RepairResult } from '../../src/lib/repair/types.ts';
import { toTraditional } from '../../src/lib/script/index.ts';

const seed = (): Article => parseArticle(seedRepair(), { slug: '000' });

/** A repair result from hand-made edition lines (and optional furniture). */
function edition(lines: string[], furniture: Array<Pick<FurnitureLine, 'role' | 'reading'>> = []): RepairResult {
  return {
    text: lines.join('\n'),
    sourceText: lines.join('\n'),
    apparatus: [],
    furniture: furniture.map((f, i) => ({ ...f, line: i, page: { start: 0, end: 0 }, witness: f.reading })),
    lines: [],
  };
}

const codes = (a: Article): string[] => a.warnings.map((w) => w.code);
const warningsOf = (a: Article, code: Warning['code']): Warning[] => a.warnings.filter((w) => w.code === code);
const section = (a: Article, id: string): Section => {
  const s = allSections(a).find((x) => x.id === id);
  if (!s) throw new Error(`no section ${id}`);
  return s;
};

describe('parseArticle on the seed page', () => {
  const a = seed();

  it('reads the title and the one author', () => {
    expect(a.script).toBe('zh-Hans');
    expect(a.slug).toBe('000');
    expect(a.meta.title).toBe('国家与社会关系视角下基层社会治理的逻辑和路径');
    expect(a.meta.authors?.value.map((n) => n.name)).toEqual(['吴欢欢']);
    expect(a.meta.authors?.provenance).toBe('stated');
  });

  it('reads journal, year and issue as stated, and the site timestamp only as site info', () => {
    expect(a.meta.journal?.value).toBe('宁夏党校学报');
    expect(a.meta.year?.value).toBe(2021);
    expect(a.meta.issue?.value).toBe(1);
    expect(a.meta.volume).toBeNull();
    expect(a.site.postedAt).toBe('2021-03-08 06:21:08');
    expect(JSON.stringify(a.meta)).not.toContain('2021-03-08');
  });

  it('reads CLC, document code and article number, and derives ISSN and pages from the article number', () => {
    expect(a.meta.clc).toMatchObject({ value: 'C916', provenance: 'stated' });
    expect(a.meta.documentCode).toMatchObject({ value: 'A', provenance: 'stated' });
    expect(a.meta.articleNumber).toMatchObject({ value: '1008-2991(2021)01-095-006', provenance: 'stated' });
    expect(a.meta.issn).toMatchObject({ value: '1008-2991', provenance: 'derived' });
    expect(a.meta.issn?.how).toContain('1008-2991(2021)01-095-006');
    expect(a.meta.pages).toMatchObject({ value: { first: 95, last: 100, count: 6 }, provenance: 'derived' });
    expect(a.meta.pages?.how).toContain('95 + 6 − 1 = 100');
    expect(codes(a)).not.toContain('metadata-conflict');
  });

  it('reads the abstract and the article’s own keywords, not the site’s glued line', () => {
    expect(a.abstract).toMatch(/^国家与社会的关系是观察和研究社会治理的重要视角。/);
    expect(a.abstract).toMatch(/提供思路与启示。$/);
    expect(a.keywords).toEqual(['国家与社会的关系', '基层社会治理', '基层政府', '社会组织']);
    expect(a.site.keywordLine).toContain('基层社会治理基层政府社会组织');
  });

  it('builds the section tree with ids from the numbering', () => {
    expect(a.sections.map((s) => s.id)).toEqual(['s1', 's2', 's3']);
    expect(a.sections.map((s) => s.heading.slice(0, 4))).toEqual(['一、演进', '二、制约', '三、优化']);
    expect(a.sections.map((s) => s.subsections.length)).toEqual([3, 4, 2]);
    expect(section(a, 's2-4').heading).toBe('（四）社区服务类社会组织发展有待加快，造血功能不强');
    const last = section(a, 's3-2');
    expect(last.heading).toBe('（二）基层社会治理中政社互动的优化路径');
    expect(last.subsections.map((s) => s.id)).toEqual(['s3-2-1', 's3-2-2', 's3-2-3', 's3-2-4']);
    expect(last.subsections[0]).toMatchObject({
      heading: '1.强化治理理念，构建多元共治格局',
      title: '强化治理理念，构建多元共治格局',
      depth: 3,
      numbering: { style: 'arabic-dot', label: '1.', value: 1 },
    });
    expect(last.subsections.map((s) => s.title)).toEqual([
      '强化治理理念，构建多元共治格局',
      '明确责权范围，准确定位角色分工',
      '加强顶层设计，建立健全制度体系',
      '增强造血功能，促进社会组织良性运行',
    ]);
    expect(codes(a)).not.toContain('unnumbered-section');
    expect(codes(a)).not.toContain('section-numbering');
  });

  it('gives paragraphs stable ids: front matter p1…, section paragraphs <section>-p<n>', () => {
    expect(a.front.map((p) => p.id)).toEqual(['p1', 'p2']);
    expect(a.front[0]!.text).toMatch(/^基层社会治理作为国家治理的缩影/);
    expect(section(a, 's3-1').paragraphs.map((p) => p.id)).toEqual(['s3-1-p1', 's3-1-p2']);
    expect(section(a, 's3-2-4').paragraphs[0]!.text).toMatch(/^社会组织的可持续发展/);
    const ids = allParagraphs(a).map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Metadata lines are not paragraphs.
    expect(allParagraphs(a).some((p) => /^(摘要|关键词|中图分类号|参考文献|责任编辑)/.test(p.text))).toBe(false);
  });

  it('resolves citations [1]–[5] with their offsets, each reference cited', () => {
    expect(a.citations.map((c) => c.marker)).toEqual(['[1]', '[2]', '[3]', '[4]', '[5]']);
    const paragraphs = new Map(allParagraphs(a).map((p) => [p.id, p.text]));
    for (const c of a.citations) {
      expect(paragraphs.get(c.paragraph)!.slice(c.start, c.end)).toBe(c.marker);
      expect(c.anchors.every((x) => x.resolved)).toBe(true);
    }
    expect(a.citations.map((c) => c.paragraph)).toEqual(['p2', 'p2', 's1-1-p1', 's1-3-p1', 's3-2-1-p1']);
    // `。[2]` and `”[4]。` after punctuation.
    const p2 = paragraphs.get('p2')!;
    expect(p2.slice(a.citations[1]!.start - 1, a.citations[1]!.end)).toBe('。[2]');
    expect(a.references.map((r) => r.citedBy)).toEqual([['cite-1-1'], ['cite-2-1'], ['cite-3-1'], ['cite-4-1'], ['cite-5-1']]);
    expect(codes(a)).not.toContain('citation-missing-reference');
    expect(codes(a)).not.toContain('reference-not-cited');
  });

  it('parses the five references GB/T 7714-style, keeping the printed string', () => {
    const r = a.references;
    expect(r.map((x) => x.number)).toEqual([1, 2, 3, 4, 5]);
    expect(r.map((x) => x.type)).toEqual(['N', 'J', 'J', 'EB/OL', 'J']);
    expect(r[0]).toMatchObject({
      authors: [],
      title: '中共中央关于制定国民经济和社会发展第十四个五年规划和二○三五年远景目标的建议',
      container: '人民日报',
      date: '2020-11-04',
      year: 2020,
    });
    expect(r[1]!.authors.map((n) => n.name)).toEqual(['汤金金', '孙荣']);
    expect(r[1]!.authors[1]!.display).toBe('孙 荣');
    expect(r[1]).toMatchObject({ title: '从单向到双向的合作治理及实现路径', container: '江西社会科学', year: 2018, issue: '08' });
    expect(r[1]!.raw).toMatch(/^\[2\] 汤金金，孙 荣\.从单向到双向的合作治理及实现路径\[J\]\.江西社会科学/);
    expect(r[2]).toMatchObject({
      title: '从“政社合作”到“互嵌式共治”：社区治理结构转型的无锡实践及其反思',
      container: '人口与社会',
      year: 2016,
      issue: '01',
    });
    expect(r[3]).toMatchObject({ authors: [], url: 'http://www.xinhuanet.com/2019-11/05/c_1125195786.htm' });
    expect(r[3]!.title).toMatch(/^中共中央关于坚持和完善中国特色社会主义制度/);
    expect(r[4]).toMatchObject({ container: '中共浙江省委党校学报', year: 2014, issue: '05' });
    expect(r[4]!.authors.map((n) => n.name)).toEqual(['林闽钢']);
    expect(codes(a)).not.toContain('reference-unparsed');
  });

  it('reads the editor without the pad', () => {
    expect(a.editor).toEqual({ display: '孟 筱', name: '孟筱' });
  });

  it('records figure 1 as missing, with its place', () => {
    expect(a.figures.captions).toEqual([]);
    expect(a.figures.mentions).toHaveLength(1);
    const m = a.figures.mentions[0]!;
    expect(m).toMatchObject({ kind: 'figure', number: 1, label: '图1', paragraph: 's3-1-p1', missing: true });
    expect(section(a, 's3-1').paragraphs[0]!.text.slice(m.start - 2, m.end + 3)).toBe('（如图1所示）');
    const w = warningsOf(a, 'missing-figure');
    expect(w).toHaveLength(1);
    expect(w[0]!.place).toMatchObject({ id: 's3-1-p1', offset: m.start });
    expect(w[0]!.data).toEqual({ label: '图1', kind: 'figure', number: 1 });
  });

  it('gives the ISSN check-digit warning its values', () => {
    const w = warningsOf(a, 'issn-check-digit');
    expect(w.map((x) => x.data)).toEqual([{ issn: '1008-2991', printed: '1', expected: '9' }]);
  });

  it('lists the related titles with journal, issue and date where given', () => {
    expect(a.related).toHaveLength(9);
    expect(a.related[0]).toEqual({
      title: '运用法治思维和法治方式推进基层社会治理的思考',
      journal: '考试周刊',
      issueLabel: '2016年104期',
      year: 2016,
      issue: 104,
      date: '2017-01-19',
      time: '14:26:26',
    });
    expect(a.related.filter((r) => r.journal !== null).map((r) => r.journal)).toEqual(['考试周刊', '人民论坛', '人间']);
    expect(a.related.some((r) => r.title === '基层社会治理基层政府社会组织')).toBe(false);
  });

  it('has no warning of anything missing', () => {
    expect(codes(a).filter((c) => c.startsWith('missing-') && c !== 'missing-figure')).toEqual([]);
  });
});

describe('articleInScript', () => {
  const hans = seed();
  const hant = articleInScript(hans, 'zh-Hant');

  const ids = (a: Article): unknown => ({
    sections: allSections(a).map((s) => [s.id, s.depth, s.numbering.value, s.line]),
    paragraphs: allParagraphs(a).map((p) => [p.id, p.line]),
    citations: a.citations.map((c) => [c.paragraph, c.anchors.map((x) => x.id)]),
    references: a.references.map((r) => [r.id, r.number, r.type, r.url, r.citedBy]),
    figures: a.figures.mentions.map((m) => [m.paragraph, m.kind, m.number]),
    warnings: a.warnings.map((w) => [w.code, w.place.id]),
  });

  it('keeps every id identical', () => {
    expect(hant.script).toBe('zh-Hant');
    expect(ids(hant)).toEqual(ids(hans));
  });

  it('converts the text fields and keeps codes as they are', () => {
    expect(hant.meta.title).toBe('國家與社會關係視角下基層社會治理的邏輯和路徑');
    expect(hant.meta.journal?.value).toBe('寧夏黨校學報');
    expect(hant.warnings.find((w) => w.code === 'missing-figure')?.data).toEqual({ label: '圖1', kind: 'figure', number: 1 });
    expect(hant.warnings.find((w) => w.code === 'issn-check-digit')?.data).toEqual({ issn: '1008-2991', printed: '1', expected: '9' });
    expect(hant.meta.authors?.value.map((n) => n.name)).toEqual(['吳歡歡']);
    expect(hant.keywords).toEqual(['國家與社會的關係', '基層社會治理', '基層政府', '社會組織']);
    expect(hant.references[1]!.authors.map((n) => n.display)).toEqual(['湯金金', '孫 榮']);
    expect(hant.editor?.name).toBe('孟筱');
    expect(hant.meta.articleNumber?.value).toBe('1008-2991(2021)01-095-006');
    expect(hant.meta.issn?.value).toBe('1008-2991');
    expect(hant.meta.clc?.value).toBe('C916');
    expect(hant.references[3]!.url).toBe('http://www.xinhuanet.com/2019-11/05/c_1125195786.htm');
    expect(hant.sections[0]!.heading).toBe('一、演進：基層社會治理中國家與社會關係的發展歷程');
  });

  it('keeps offsets pointing at the same marks', () => {
    const paragraphs = new Map(allParagraphs(hant).map((p) => [p.id, p.text]));
    for (const c of hant.citations) expect(paragraphs.get(c.paragraph)!.slice(c.start, c.end)).toBe(c.marker);
    for (const m of hant.figures.mentions) expect(paragraphs.get(m.paragraph)!.slice(m.start, m.end)).toBe('圖1');
  });

  it('gives a copy for the same script and refuses to convert back', () => {
    const copy = articleInScript(hans, 'zh-Hans');
    expect(copy).toEqual(hans);
    expect(copy).not.toBe(hans);
    expect(() => articleInScript(hant, 'zh-Hans')).toThrow(/zh-Hans/);
  });

  it('keeps the surnames of the people the article names, wherever they stand', () => {
    const a = parseArticle(
      edition([
        '题目',
        '范秋白认为，关于明清之际的诗社，于明[2]所见不同，其余华人学者从之。',
        '参考文献：',
        '[1] 范秋白.晚清闽中诗社与宋诗风气[C].南京：凤凰出版社，2017.',
        '[2] 于明，余华.规范与诗社[M].北京：人民出版社，2019.',
      ]),
    );
    const b = articleInScript(a, 'zh-Hant');
    expect(b.references.map((r) => r.authors.map((n) => n.name))).toEqual([['范秋白'], ['于明', '余華']]);
    expect(b.references[0]!.raw).toBe('[1] 范秋白.晚清閩中詩社與宋詩風氣[C].南京：鳳凰出版社，2017.');
    // 规范 stays 規範; 于明 counts where no Han character touches it, so 关于明清 stays 關於明清
    // and 其余华人 (其餘華人, "the other Chinese") is no 余华.
    expect(b.references[1]!.raw).toBe('[2] 于明，余華.規範與詩社[M].北京：人民出版社，2019.');
    expect(b.front[0]!.text).toBe('范秋白認爲，關於明清之際的詩社，于明[2]所見不同，其餘華人學者從之。');
    // Without the names, OpenCC's one-character forms.
    expect(articleInScript(a, 'zh-Hant', (s) => toTraditional(s, 'zh-Hant')).references[0]!.raw).toMatch(/^\[1\] 範秋白/);
  });

  it('keeps the surname of a person the article studies: a keyword its text introduces as a person', () => {
    // The reading notes (clean article 002) study 余肇钧, named in the keywords; OpenCC alone
    // writes 餘肇鈞. The text introduces him as Chinese scholarship introduces people: with a
    // courtesy name, life dates or a work of his. A keyword that is a term (党建) is not.
    const page = (body: string): Article =>
      parseArticle(edition(['晚清士人的宋诗接受', '关键词：晚清；余肇钧；党建', body, '其余华人学者从之，党建亦然。']));
    for (const body of ['余肇钧，字季衡，号蒙斋。', '福建侯官士人余肇钧（1851—1912）。', '余肇钧《蒙斋读书记》二卷。']) {
      const b = articleInScript(page(body), 'zh-Hant');
      expect(b.keywords).toEqual(['晚清', '余肇鈞', '黨建']);
      expect(b.front[0]!.text.startsWith('余肇鈞') || b.front[0]!.text.includes('士人余肇鈞')).toBe(true);
      expect(b.front.map((p) => p.text).join('')).toContain('其餘華人學者從之，黨建亦然。');
    }
    // Named only in passing, a keyword is no person to the model: OpenCC's forms stand.
    const a = parseArticle(edition(['晚清士人的宋诗接受', '关键词：晚清；余肇钧', '余肇钧的札记二卷。']));
    expect(articleInScript(a, 'zh-Hant').keywords).toEqual(['晚清', '餘肇鈞']);
  });

  it('moves offsets when a conversion changes the length of a paragraph', () => {
    const a = parseArticle(edition(['题目', '甲乙丙[1]，又如图2所示。', '参考文献：', '[1] 张三.书名[M].北京：人民出版社，2019.']));
    // A converter that doubles 甲: everything after it moves by one.
    const b = articleInScript(a, 'zh-Hant', (s) => s.replaceAll('甲', '甲甲'));
    expect(b.front[0]!.text).toBe('甲甲乙丙[1]，又如图2所示。');
    expect(b.citations[0]).toMatchObject({ start: 4, end: 7 });
    expect(b.figures.mentions[0]!.start).toBe(a.figures.mentions[0]!.start + 1);
    expect(b.front[0]!.text.slice(b.figures.mentions[0]!.start, b.figures.mentions[0]!.end)).toBe('图2');
  });
});

describe('parseArticle on small hand-made editions', () => {
  it('parses a page with no references: warns, and reports each citation with its place', () => {
    const a = parseArticle(edition(['题目', '摘要：一句话。', '关键词：甲；乙', '正文说明[1]，再说[2-3]。']));
    expect(a.references).toEqual([]);
    expect(codes(a)).toContain('missing-references');
    const w = warningsOf(a, 'citation-missing-reference');
    expect(w.map((x) => x.place)).toEqual([
      { id: 'p1', offset: 4, line: 3 },
      { id: 'p1', offset: 10, line: 3 },
      { id: 'p1', offset: 10, line: 3 },
    ]);
    expect(w.map((x) => x.data)).toEqual([
      { marker: '[1]', number: 1 },
      { marker: '[2-3]', number: 2 },
      { marker: '[2-3]', number: 3 },
    ]);
    expect(warningsOf(a, 'missing-references')[0]!.data).toEqual({ empty: false });
    expect(a.citations[1]).toMatchObject({ marker: '[2-3]', refs: [2, 3] });
    expect(a.citations[1]!.anchors.map((x) => [x.id, x.resolved])).toEqual([
      ['cite-2-1', false],
      ['cite-3-1', false],
    ]);
  });

  it('parses a page with no keywords and no abstract, saying what is missing', () => {
    const a = parseArticle(edition(['题目', '一、问题', '正文。']));
    expect(a.abstract).toBeNull();
    expect(a.keywords).toEqual([]);
    expect(codes(a)).toEqual(expect.arrayContaining(['missing-abstract', 'missing-keywords', 'missing-references']));
    expect(warningsOf(a, 'missing-keywords')[0]!.message).toMatch(/no keyword line/);
    expect(warningsOf(a, 'missing-keywords')[0]!.data).toEqual({ siteKeywordLine: false });
    for (const code of ['missing-journal', 'missing-year', 'missing-issue', 'missing-issn', 'missing-pages', 'missing-authors'] as const) {
      expect(codes(a)).toContain(code);
    }
    expect(a.meta.pages).toBeNull();
    expect(a.meta.issn).toBeNull();
  });

  it('says the site keyword line was not used when the article has none of its own', () => {
    const a = parseArticle(edition(['题目', '正文。'], [{ role: 'site-keywords', reading: '关键词：甲乙丙丁' }]));
    expect(a.keywords).toEqual([]);
    expect(warningsOf(a, 'missing-keywords')[0]!.message).toMatch(/site/);
    expect(warningsOf(a, 'missing-keywords')[0]!.data).toEqual({ siteKeywordLine: true });
  });

  it('parses unnumbered sections, ids counting siblings, with a warning for each', () => {
    const a = parseArticle(edition(['题目', '引言', '第一段。', '研究方法', '第二段。', '第三段。', '结语', '末段。']));
    expect(a.sections.map((s) => [s.id, s.title, s.numbering.style])).toEqual([
      ['s1', '引言', 'none'],
      ['s2', '研究方法', 'none'],
      ['s3', '结语', 'none'],
    ]);
    expect(a.sections[1]!.paragraphs.map((p) => p.id)).toEqual(['s2-p1', 's2-p2']);
    expect(warningsOf(a, 'unnumbered-section').map((w) => w.place.id)).toEqual(['s1', 's2', 's3']);
    expect(warningsOf(a, 'unnumbered-section').map((w) => w.data)).toEqual([{ heading: '引言' }, { heading: '研究方法' }, { heading: '结语' }]);
  });

  it('numbers an unnumbered introduction and conclusion around the numbered sections, never taking their ids', () => {
    const a = parseArticle(edition(['题目', '引言', '第一段。', '一、研究设计', '第二段。', '二、结论与讨论', '第三段。', '结语', '末段。']));
    expect(a.sections.map((s) => [s.id, s.title])).toEqual([
      ['s0', '引言'],
      ['s1', '研究设计'],
      ['s2', '结论与讨论'],
      ['s3', '结语'],
    ]);
    expect(codes(a)).not.toContain('section-numbering');
    expect(a.sections[0]!.paragraphs.map((p) => p.id)).toEqual(['s0-p1']);
  });

  it('nests an article numbered the GB/T 1.1 way (1. / 2.1 / 2.1.1), labels set close or spaced', () => {
    const a = parseArticle(edition(['题目', '1. 引言', '第一段。', '2.研究设计', '2.1样本', '第二段。', '2.2 测量', '2.2.1量表', '第三段。', '3.结论', '1.5亿人口流入城市。']));
    const ids = (ss: Section[]): string[] => ss.flatMap((s) => [s.id, ...ids(s.subsections)]);
    expect(ids(a.sections)).toEqual(['s1', 's2', 's2-1', 's2-2', 's2-2-1', 's3']);
    expect(section(a, 's3').paragraphs.map((p) => p.text)).toEqual(['1.5亿人口流入城市。']);
    expect(codes(a)).not.toContain('section-numbering');
  });

  it('reads an abstract whose label stands alone on its line', () => {
    const a = parseArticle(edition(['题目', '摘要：', '本文研究基层治理。', '关键词：治理；社会', '一、引言', '正文。']));
    expect(a.abstract).toBe('本文研究基层治理。');
    expect(a.keywords).toEqual(['治理', '社会']);
    expect(a.front).toEqual([]);
  });

  it('splits authors the site glued together, as a derived field that says how', () => {
    const a = parseArticle(edition(['题目', '摘要：本文。', '一、引言', '正文。'], [{ role: 'posted-byline', reading: '2021-03-08 06:21:08王建国李明华张伟' }]));
    expect(a.meta.authors?.value.map((n) => n.name)).toEqual(['王建国', '李明华', '张伟']);
    expect(a.meta.authors?.provenance).toBe('derived');
    expect(a.meta.authors?.how).toMatch(/glued/);
    const one = parseArticle(edition(['题目', '摘要：本文。'], [{ role: 'posted-byline', reading: '2021-03-08 06:21:08吴欢欢' }]));
    expect(one.meta.authors).toMatchObject({ value: [{ name: '吴欢欢' }], provenance: 'stated' });
  });

  it('keeps the affiliation under an author line the site repeated, which the repair took out', () => {
    const a = parseArticle(
      edition(['题目', '（宁夏党校 科研部，宁夏 银川 750021）', '摘要：本文。', '一、引言', '正文。'], [{ role: 'byline', reading: '吴欢欢' }]),
    );
    expect(a.notes).toEqual([{ label: '作者单位', text: '宁夏党校 科研部，宁夏 银川 750021', line: 1 }]);
    expect(a.front).toEqual([]);
  });

  it('parses a page with no headings at all: every paragraph is front matter', () => {
    const a = parseArticle(edition(['题目', '第一段话，很长。', '第二段话。']));
    expect(a.sections).toEqual([]);
    expect(a.front.map((p) => p.id)).toEqual(['p1', 'p2']);
    expect(codes(a)).toContain('missing-sections');
  });

  it('parses an empty edition without throwing', () => {
    const a = parseArticle(edition([]));
    expect(a.meta.title).toBe('');
    expect(codes(a)).toContain('missing-title');
  });

  it('nests 一、/（一）/1./（1） and reads a run-in heading', () => {
    const a = parseArticle(
      edition(['题目', '一、总论', '（一）分论', '1.要点', '（1）加强监管。监管的具体做法如下，很长的一段。', '（2）完善制度', '正文。', '二、结论', '1.直接在一级之下', '结论正文。']),
    );
    expect(allSections(a).map((s) => s.id)).toEqual(['s1', 's1-1', 's1-1-1', 's1-1-1-1', 's1-1-1-2', 's2', 's2-1']);
    const runIn = section(a, 's1-1-1-1');
    expect(runIn).toMatchObject({ heading: '（1）加强监管。', title: '加强监管', numbering: { style: 'arabic-paren', value: 1 } });
    expect(runIn.paragraphs).toEqual([{ id: 's1-1-1-1-p1', text: '监管的具体做法如下，很长的一段。', line: 4 }]);
    expect(section(a, 's2-1').depth).toBe(2);
  });

  it('reads decimal numbering', () => {
    const a = parseArticle(edition(['题目', '1 引言', '正文。', '1.1 背景', '正文。', '1.2 问题', '2 方法', '正文。']));
    expect(allSections(a).map((s) => s.id)).toEqual(['s1', 's1-1', 's1-2', 's2']);
    expect(section(a, 's1-1').numbering).toEqual({ style: 'decimal', label: '1.1', value: 1 });
  });

  it('warns of a gap in the numbering and of a repeated number, keeping ids unique', () => {
    const a = parseArticle(edition(['题目', '一、甲', '三、乙', '三、丙']));
    expect(a.sections.map((s) => s.id)).toEqual(['s1', 's3', 's3_2']);
    expect(warningsOf(a, 'section-numbering').map((w) => w.data)).toEqual([
      { heading: '三、乙', repeated: false, number: 3, expected: 2 },
      { heading: '三、丙', repeated: false, number: 3, expected: 4 },
      { heading: '三、丙', repeated: true, number: 3, expected: null },
    ]);
  });

  it('does not take list items inside paragraphs for headings', () => {
    const a = parseArticle(
      edition(['题目', '一是加快政府职能转变。二是正确认识。', '1.5亿人口的城市化进程还在继续。', '一、标题']),
    );
    expect(a.front.map((p) => p.text)).toEqual(['一是加快政府职能转变。二是正确认识。', '1.5亿人口的城市化进程还在继续。']);
    expect(a.sections.map((s) => s.title)).toEqual(['标题']);
    // An algorithm's title is the first line of a block in its section, not a section.
    const b = parseArticle(edition(['题目', '2.5 两阶段检索', '检索分两步。', '算法1 两阶段检索与结构重排', '输入：缺陷方法b。', '3 检索增强的程序修复', '正文。']));
    expect(b.sections.map((s) => s.numbering.label)).toEqual(['2.5', '3']);
    expect(b.sections[0]!.paragraphs.map((p) => p.text)).toEqual(['检索分两步。', '算法1 两阶段检索与结构重排', '输入：缺陷方法b。']);
    expect(codes(b)).not.toContain('unnumbered-section');
    // Theorems, proofs and worked examples are blocks too; a numbered line that ends on a comma
    // goes on in the next one; a display formula is no heading.
    const c = parseArticle(
      edition(['题目', '2.1 起点', '定理1 设a，b∈R，则a^2+b^2≥2ab', '证明 因为', 'a^2+b^2-2ab=(a-b)^2≥0，', '（2）当x>0时，', '例1 已知函数f(x)', '改动率=改动小韵数÷对应小韵数×100%', '2.2 几何直观', '正文。']),
    );
    expect(c.sections.map((s) => s.numbering.label)).toEqual(['2.1', '2.2']);
    expect(c.sections[0]!.paragraphs).toHaveLength(6);
    expect(codes(c).filter((k) => k === 'unnumbered-section' || k === 'section-numbering')).toEqual([]);
    // A numbered example sentence in English is no heading.
    const d = parseArticle(edition(['题目', '1. 冠词错误', '例如：', '（1）*He go to school yesterday.', '（2）*Because part-time jobs take up too much time.', '2. 中式表达', '正文。']));
    expect(d.sections.map((s) => s.title)).toEqual(['冠词错误', '中式表达']);
    expect(d.sections[0]!.paragraphs).toHaveLength(3);
    // A procedure's numbered steps, whole sentences with their clauses, are no headings; a run-in
    // heading before its text still is.
    const e = parseArticle(edition(['题目', '3.3 混凝土浇筑', '1.清理垫层积水、杂物，复核钢筋和测温元件位置。', '2.先浇核心筒加厚区，再分层推进。', '（1）护筒埋设。护筒采用8 mm厚钢板卷制，长3.0 m。', '3.4 温度控制', '正文。']));
    expect(allSections(e).map((s) => s.numbering.label)).toEqual(['3.3', '（1）', '3.4']);
    expect(e.sections[0]!.paragraphs.map((p) => p.text.slice(0, 2))).toEqual(['1.', '2.']);
  });

  it('resolves ranges, lists and markers after punctuation; reports uncited references', () => {
    const a = parseArticle(
      edition([
        '题目',
        '甲说“要这样”[1]的道理。乙也说过。[2-4]丙认为[1,3]；丁［5］。',
        '参考文献：',
        '[1] 张三.论甲[J].甲刊，2019(2)：1-5.',
        '[2] 李四.论乙[J].乙刊，2018，12(3)：20-30.',
        '[3] 王五.论丙[M].北京：人民出版社，2017：45.',
        '[4] 赵六.论丁[D].上海：复旦大学，2016.',
        '[5] 钱七.论戊[C]//会议论文集.北京：中华书局，2015：1-9.',
        '[6] 孙八.从未引用[N].光明日报，2020-01-02(05).',
      ]),
    );
    expect(a.citations.map((c) => [c.marker, c.refs])).toEqual([
      ['[1]', [1]],
      ['[2-4]', [2, 3, 4]],
      ['[1,3]', [1, 3]],
      ['［5］', [5]],
    ]);
    expect(a.citations.flatMap((c) => c.anchors.map((x) => x.id))).toEqual([
      'cite-1-1',
      'cite-2-1',
      'cite-3-1',
      'cite-4-1',
      'cite-1-2',
      'cite-3-2',
      'cite-5-1',
    ]);
    expect(a.references[0]!.citedBy).toEqual(['cite-1-1', 'cite-1-2']);
    expect(a.front[0]!.text.slice(a.citations[0]!.start - 1, a.citations[0]!.end + 1)).toBe('”[1]的');
    const w = warningsOf(a, 'reference-not-cited');
    expect(w.map((x) => x.place)).toEqual([{ id: 'ref-6', line: 8 }]);
    expect(codes(a)).not.toContain('citation-missing-reference');
    const [r1, r2, r3, r4, r5, r6] = a.references;
    expect(r1).toMatchObject({ type: 'J', container: '甲刊', year: 2019, issue: '2', pages: '1-5' });
    expect(r2).toMatchObject({ type: 'J', container: '乙刊', year: 2018, volume: '12', issue: '3', pages: '20-30' });
    expect(r3).toMatchObject({ type: 'M', place: '北京', container: '人民出版社', publisher: '人民出版社', year: 2017, pages: '45' });
    expect(r4).toMatchObject({ type: 'D', place: '上海', container: '复旦大学', year: 2016 });
    expect(r5).toMatchObject({ type: 'C', title: '论戊', container: '会议论文集', place: '北京', publisher: '中华书局', year: 2015, pages: '1-9' });
    expect(r6).toMatchObject({ type: 'N', container: '光明日报', date: '2020-01-02', pages: '05' });
  });

  it('parses references without type codes, with et al., URLs with dates, and DOIs', () => {
    const a = parseArticle(
      edition([
        '题目',
        '正文[1-4]。',
        '参考文献',
        '1. 张三，李四，等.没有类型的文章.某某学报，2010(4)：1-3.',
        '2. 没有作者的报道.人民日报，2019-05-06.',
        '[3] SMITH J，DOE A，et al.A study of things[J].Journal of Things，2020，5(1)：1-10.DOI：10.1000/xyz.123.',
        '[4] 国务院.关于某事的通知[EB/OL].(2019-11-05)[2020-01-01].http://www.gov.cn/a/b.htm.',
      ]),
    );
    const [r1, r2, r3, r4] = a.references;
    expect(r1).toMatchObject({ number: 1, type: null, title: '没有类型的文章', container: '某某学报', year: 2010, issue: '4', etAl: true });
    expect(r1!.authors.map((n) => n.name)).toEqual(['张三', '李四']);
    expect(r2).toMatchObject({ type: null, authors: [], title: '没有作者的报道', container: '人民日报', date: '2019-05-06' });
    expect(r3).toMatchObject({ title: 'A study of things', container: 'Journal of Things', year: 2020, doi: '10.1000/xyz.123', etAl: true });
    expect(r3!.authors.map((n) => n.name)).toEqual(['SMITH J', 'DOE A']);
    expect(r4).toMatchObject({ type: 'EB/OL', title: '关于某事的通知', url: 'http://www.gov.cn/a/b.htm', date: '2019-11-05' });
    expect(r4!.authors.map((n) => n.name)).toEqual(['国务院']);
    expect(codes(a)).not.toContain('reference-unparsed');
  });

  it('reads translators and editors, edition statements, long Latin author lists and bodies', () => {
    const a = parseArticle(
      edition([
        '题目',
        '正文[1-13]。',
        '参考文献：',
        '[1] 岸本美绪.清代中国的物价与经济波动[M].刘迪瑞，译.北京：社会科学文献出版社，2010.',
        '[2] 李东垣.脾胃论[M].文 魁，丁国华，整理.北京：人民卫生出版社，2005.',
        '[3] 鲍士旦.土壤农化分析[M].3版.北京：中国农业出版社，2000.',
        '[7] 格里格 R J，津巴多 P G.心理学与生活[M].王 垒，王 甦，等译.北京：人民邮电出版社，2003.',
        '[8] 王福堂.汉语方言语音的演变和层次[M].修订本.北京：语文出版社，2005.',
        '[9] 湖南省方言普查组.涟源方言字音调查表：油印本[Z].长沙：湖南省方言普查组，1959.',
        '[10] 敦煌研究院.数字敦煌[EB/OL].(2016-05-01)[2022-02-20].https://www.e-dunhuang.com/cave/10.0001/0220.',
        '[11] LAL R. Soil carbon[J]. Science, 2004, 304: 1623-1627. https://doi.org/10.1126/science.1097396.',
        "[12] BORG G. Borg's perceived exertion and pain scales[M]. Champaign, IL: Human Kinetics, 1998.",
        '[13] 慧 皎.高僧传[M].汤用彤，校注.汤一玄，整理.北京：中华书局，1992.',
        '[4] STANGHELLINI V, CHAN F K, HASLER W L, et al. Gastroduodenal disorders[J]. Gastroenterology, 2016, 150(6): 1380-1392.',
        '[5] International Electrotechnical Commission. Photovoltaic (PV) systems - Part 3: Outdoor infrared thermography: IEC TS 62446-3:2017[S]. Geneva: IEC, 2017.',
        '[6] Studies on the history of translation in modern China and the reception of foreign fiction. Beijing: Some Press, 2001.',
      ]),
    );
    const [r1, r2, r3, r4, r5, r6, r7, r8, r9] = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => a.references.find((r) => r.number === n));
    expect(r1).toMatchObject({ title: '清代中国的物价与经济波动', place: '北京', publisher: '社会科学文献出版社', year: 2010, edition: null });
    expect(r1!.contributors).toEqual([{ names: [{ display: '刘迪瑞', name: '刘迪瑞' }], role: '译', etAl: false }]);
    expect(r7!.contributors).toEqual([{ names: [{ display: '王 垒', name: '王垒' }, { display: '王 甦', name: '王甦' }], role: '译', etAl: true }]);
    expect(r7).toMatchObject({ place: '北京', publisher: '人民邮电出版社', year: 2003 });
    expect(r8).toMatchObject({ edition: '修订本', place: '北京', publisher: '语文出版社' });
    expect(r9).toMatchObject({ type: 'Z', place: '长沙', publisher: '湖南省方言普查组', year: 1959 });
    // A URL's path that looks like a DOI is no DOI; a doi.org URL gives one.
    const [r10, r11] = [10, 11].map((n) => a.references.find((r) => r.number === n));
    expect(r10).toMatchObject({ url: 'https://www.e-dunhuang.com/cave/10.0001/0220', doi: null });
    expect(r11).toMatchObject({ url: 'https://doi.org/10.1126/science.1097396', doi: '10.1126/science.1097396' });
    // A place with its state.
    expect(a.references.find((r) => r.number === 12)).toMatchObject({ place: 'Champaign, IL', publisher: 'Human Kinetics', year: 1998 });
    // Two groups of contributors, each with its role.
    const r13 = a.references.find((r) => r.number === 13)!;
    expect(r13.contributors.map((g) => [g.names.map((n) => n.name).join(), g.role])).toEqual([['汤用彤', '校注'], ['汤一玄', '整理']]);
    expect(r13).toMatchObject({ place: '北京', publisher: '中华书局', year: 1992 });
    expect(r2!.contributors[0]!.names.map((n) => n.display)).toEqual(['文 魁', '丁国华']);
    expect(r2).toMatchObject({ place: '北京', publisher: '人民卫生出版社' });
    expect(r2!.contributors[0]!.role).toBe('整理');
    expect(r3).toMatchObject({ edition: '3版', contributors: [], place: '北京', publisher: '中国农业出版社', year: 2000 });
    expect(r4).toMatchObject({ title: 'Gastroduodenal disorders', container: 'Gastroenterology', etAl: true });
    expect(r4!.authors.map((n) => n.name)).toEqual(['STANGHELLINI V', 'CHAN F K', 'HASLER W L']);
    expect(r5!.authors.map((n) => n.name)).toEqual(['International Electrotechnical Commission']);
    expect(r5!.title).toMatch(/^Photovoltaic \(PV\) systems/);
    // Bodies named in English or in Chinese, however long; Russian initials and GOST's № and С.
    const b = parseArticle(
      edition([
        '题目',
        '正文[1-4]。',
        '参考文献：',
        '[1] Global Initiative for Chronic Obstructive Lung Disease. Global strategy for COPD: 2023 report[EB/OL]. (2022-11-15)[2023-03-01]. https://goldcopd.org/.',
        '[2] 中华医学会呼吸病学分会慢性阻塞性肺疾病学组，中国医师协会呼吸医师分会慢性阻塞性肺疾病工作委员会.慢性阻塞性肺疾病诊治指南（2021年修订版）[J].中华结核和呼吸杂志，2021，44(3)：170-205.',
        '[3] Семенова Т. И. Шолохов в письмах[M]. 2-е изд. Москва: Наука, 1985. С. 45-67.',
        '[4] Воронцова А. П. Живой человек[J]. Вопросы литературы, 1957, № 4. С. 98-115.',
      ]),
    );
    const [b1, b2, b3, b4] = [1, 2, 3, 4].map((n) => b.references.find((r) => r.number === n)!) as [Reference, Reference, Reference, Reference];
    expect(b1.authors.map((n) => n.name)).toEqual(['Global Initiative for Chronic Obstructive Lung Disease']);
    expect(b1.title).toBe('Global strategy for COPD: 2023 report');
    expect(b2.authors).toHaveLength(2);
    expect(b2).toMatchObject({ title: '慢性阻塞性肺疾病诊治指南（2021年修订版）', container: '中华结核和呼吸杂志' });
    expect(b3).toMatchObject({ title: 'Шолохов в письмах', edition: '2-е изд', place: 'Москва', publisher: 'Наука', year: 1985, pages: '45-67' });
    expect(b3.authors.map((n) => n.display)).toEqual(['Семенова Т. И']);
    expect(b4).toMatchObject({ title: 'Живой человек', container: 'Вопросы литературы', year: 1957, issue: '4', pages: '98-115' });
    // Accented Latin names, and one whose letter GBK lacked.
    const accented = parseArticle(edition(['题目', '正文[1]。', '参考文献：', '[1] SCHAUFELI W B, MART□NEZ I M, MARQUES PINTO A, et al. Burnout and engagement in university students: a cross-national study[J]. Journal of Cross-Cultural Psychology, 2002, 33(5): 464-481.']));
    expect(accented.references[0]!.authors.map((n) => n.name)).toEqual(['SCHAUFELI W B', 'MART□NEZ I M', 'MARQUES PINTO A']);
    // A long English title before the first period is not an author list.
    expect(r6!.authors).toEqual([]);
    expect(r6!.title).toMatch(/^Studies on the history/);
    // The traditional model converts the contributors and keeps the edition's numeral.
    const hant = articleInScript(a, 'zh-Hant');
    expect(hant.references.find((r) => r.number === 2)!.contributors).toEqual([{ names: [{ display: '文 魁', name: '文魁' }, { display: '丁國華', name: '丁國華' }], role: '整理', etAl: false }]);
    expect(hant.references.find((r) => r.number === 3)!.edition).toBe('3版');
  });

  it('reads endnotes under 注释 and links their markers, not the items ①② of a list', () => {
    const a = parseArticle(
      edition([
        '题目',
        '《生活》杂志刊载了《老人与海》①，同年出版[1]。诊断标准：①存在症状；②持续3个月。',
        '一、译本',
        '早期译本的人名译法分歧②，本文从新译。又见①。',
        '注释：',
        '①据统计，该期杂志两天内售出五百余万册。',
        '② 除“桑提亚哥”外，还有“圣狄雅各”等译法，参见文献[1]。',
        '参考文献：',
        '[1] 杨仁敬.海明威在中国[M].厦门：厦门大学出版社，1990.',
      ]),
    );
    expect(a.endnotesHeading).toBe('注释');
    expect(a.endnotes.map((n) => [n.id, n.label, n.text, n.citedBy])).toEqual([
      ['endnote-1', '①', '据统计，该期杂志两天内售出五百余万册。', ['endnoteref-1-1', 'endnoteref-1-2']],
      ['endnote-2', '②', '除“桑提亚哥”外，还有“圣狄雅各”等译法，参见文献[1]。', ['endnoteref-2-1']],
    ]);
    // The list's ① and ② after 标准： and ； are items, not markers.
    const [p1, s1p1] = [a.front[0]!.text, a.sections[0]!.paragraphs[0]!.text];
    expect(a.noteRefs.map((r) => [r.id, r.paragraph, r.start])).toEqual([
      ['endnoteref-1-1', 'p1', p1.indexOf('》①') + 1],
      ['endnoteref-2-1', 's1-p1', s1p1.indexOf('②')],
      ['endnoteref-1-2', 's1-p1', s1p1.indexOf('见①') + 1],
    ]);
    // The notes are no paragraphs of the last section, and their citations count after the body's.
    expect(a.sections[0]!.paragraphs).toHaveLength(1);
    expect(a.references[0]!.citedBy).toEqual(['cite-1-1', 'cite-1-2']);
    expect(a.citations[1]!.paragraph).toBe('endnote-2');
    const hant = articleInScript(a, 'zh-Hant');
    expect(hant.endnotesHeading).toBe('註釋');
    expect(hant.endnotes[1]!.text).toBe('除“桑提亞哥”外，還有“聖狄雅各”等譯法，參見文獻[1]。');
    expect(hant.noteRefs).toEqual(a.noteRefs);
  });

  it('reads the English title and byline printed before Abstract:, wherever the block stands', () => {
    const a = parseArticle(
      edition([
        '题目',
        '1 结论',
        '秸秆还田提高了土壤有机碳。',
        'Final remarks in English within the body.',
        '参考文献：',
        '[1] LAL R. Soil carbon sequestration[J]. Science, 2004, 304(5677): 1623-1627.',
        'Effects of straw return on soil organic carbon',
        'ZHAO Yuxin, LIU Jianguo',
        '(School of Environmental Engineering, Baoding 071000, China)',
        'Abstract: A 3-year field experiment was conducted.',
        'Key words: straw return; soil organic carbon',
      ]),
    );
    expect(a.titleEn).toBe('Effects of straw return on soil organic carbon');
    expect(a.bylineEn).toEqual(['ZHAO Yuxin, LIU Jianguo', '(School of Environmental Engineering, Baoding 071000, China)']);
    expect(a.abstractEn).toBe('A 3-year field experiment was conducted.');
    expect(a.keywordsEn).toEqual(['straw return', 'soil organic carbon']);
    // An English paragraph of the body that no Abstract: follows stays where it is.
    expect(a.sections[0]!.paragraphs.map((p) => p.text)).toEqual(['秸秆还田提高了土壤有机碳。', 'Final remarks in English within the body.']);
    expect(articleInScript(a, 'zh-Hant').titleEn).toBe(a.titleEn);
  });

  it('takes a circled number after the sentence it annotates as a marker, as law journals set them', () => {
    const a = parseArticle(
      edition(['题目', '该规则已体系化。①此外，认定须满足：①明知；②故意。学界通说如此。②再如此。', '注释：', '①参见王利明：《侵权责任法研究》。', '②同上。', '□ 参见程啸：《侵权责任法》。']),
    );
    // A note whose label GBK could not hold (⑪…, lost on the page and marked) follows the one before.
    expect(a.endnotes.map((n) => [n.id, n.label, n.text])).toEqual([
      ['endnote-1', '①', '参见王利明：《侵权责任法研究》。'],
      ['endnote-2', '②', '同上。'],
      ['endnote-3', '□', '参见程啸：《侵权责任法》。'],
    ]);
    // Its notes are its citations: no reference list is missing.
    expect(codes(a)).not.toContain('missing-references');
    const p1 = a.front[0]!.text;
    // The first ① and the ② after 通说如此。 are markers; ① after 满足： and ② after 明知； are the list's.
    expect(a.noteRefs.map((r) => [r.id, r.start])).toEqual([
      ['endnoteref-1-1', p1.indexOf('。①') + 1],
      ['endnoteref-2-1', p1.indexOf('如此。②') + 3],
    ]);
  });

  it('reads 注释 followed by [1] entries as the reference list', () => {
    const a = parseArticle(edition(['题目', '正文[1]。', '注释：', '[1] 张三.论甲[J].甲刊，2019(2)：1-5.']));
    expect(a.endnotes).toEqual([]);
    expect(a.references.map((r) => r.id)).toEqual(['ref-1']);
  });

  it('reads an author line under the title, padded names included', () => {
    const a = parseArticle(edition(['题目', '汤金金 孙 荣', '摘要：一句话。']));
    expect(a.meta.authors?.value).toEqual([
      { display: '汤金金', name: '汤金金' },
      { display: '孙 荣', name: '孙荣' },
    ]);
    expect(a.meta.authors?.how).toMatch(/author line/);
    expect(a.abstract).toBe('一句话。');
  });

  it('reads an author line confirmed by an affiliation, and bracketed catalogue labels', () => {
    const a = parseArticle(
      edition([
        '题目',
        '张三',
        '（宁夏党校 科研部，宁夏 银川 750021）',
        '[中图分类号]D630 [文献标识码]A [文章编号]1008-2991(2021)01-0001-05',
        '［收稿日期］2023-03-08',
        '正文。',
      ]),
    );
    expect(a.meta.authors?.value.map((n) => n.name)).toEqual(['张三']);
    // A bracketed label needs no colon after it.
    expect(a.notes).toEqual([
      { label: '作者单位', text: '宁夏党校 科研部，宁夏 银川 750021', line: 2 },
      { label: '收稿日期', text: '2023-03-08', line: 4 },
    ]);
    expect(a.meta.clc?.value).toBe('D630');
    expect(a.meta.documentCode?.value).toBe('A');
    expect(a.meta.pages?.value).toEqual({ first: 1, last: 5, count: 5 });
    expect(a.front.map((p) => p.text)).toEqual(['正文。']);
  });

  it('reads a byline with affiliation marks, and 0 引言 of a science journal without a warning', () => {
    const a = parseArticle(
      edition(['题目', '赵志远1，刘 敏2，孙海峰1,2*', '（1.河海大学 水文水资源学院，江苏 南京 210098；2.安徽省水文局，安徽 合肥 230022）', '摘 要：一句话。', '0 引言', '正文。', '1 研究区概况', '正文。']),
    );
    expect(a.meta.authors?.value.map((n) => n.display)).toEqual(['赵志远', '刘 敏', '孙海峰']);
    expect(a.notes.map((n) => n.label)).toEqual(['作者单位']);
    expect(a.sections.map((x) => x.id)).toEqual(['s0', 's1']);
    expect(codes(a)).not.toContain('section-numbering');
  });

  it('does not take a lone name-like line for authors without confirmation', () => {
    const a = parseArticle(edition(['题目', '张三', '正文。']));
    expect(a.meta.authors).toBeNull();
    expect(codes(a)).toContain('missing-authors');
  });

  it('takes authors from the site posting line when nothing else names them', () => {
    const a = parseArticle(edition(['题目'], [{ role: 'posted-byline', reading: '2020-01-02 03:04:05张三' }]));
    expect(a.meta.authors?.value.map((n) => n.name)).toEqual(['张三']);
    expect(a.site.postedAt).toBe('2020-01-02 03:04:05');
    expect(a.meta.year).toBeNull();
  });

  it('derives year, issue, ISSN and pages from an article number alone, and flags conflicts', () => {
    const only = parseArticle(edition(['题目', '中图分类号：D630；C916 文献标识码：A 文章编号：1671-0169(2019)12-0034-08']));
    expect(only.meta.year).toMatchObject({ value: 2019, provenance: 'derived' });
    expect(only.meta.issue).toMatchObject({ value: 12, provenance: 'derived' });
    expect(only.meta.issn).toMatchObject({ value: '1671-0169', provenance: 'derived' });
    expect(only.meta.pages?.value).toEqual({ first: 34, last: 41, count: 8 });
    expect(only.meta.clc?.value).toBe('D630；C916');
    const conflict = parseArticle(
      edition(['题目', '文章编号：1671-0169(2019)12-0034-08'], [{ role: 'journal-issue', reading: '某某学报 2020年3期' }]),
    );
    expect(conflict.meta.year).toMatchObject({ value: 2020, provenance: 'stated' });
    expect(warningsOf(conflict, 'metadata-conflict').map((w) => w.place.id)).toEqual(['meta.year', 'meta.issue']);
    expect(warningsOf(conflict, 'metadata-conflict')[0]!.data).toEqual({
      field: 'year',
      printed: '2020',
      derived: '2019',
      articleNumber: '1671-0169(2019)12-0034-08',
    });
    const unreadable = parseArticle(edition(['题目', '文章编号：ABC']));
    expect(codes(unreadable)).toContain('missing-article-number');
    const odd = parseArticle(edition(['题目', '文章编号：1671-0169(2019)12']));
    expect(codes(odd)).toContain('article-number-unreadable');
    expect(warningsOf(odd, 'article-number-unreadable')[0]!.data).toEqual({ articleNumber: '1671-0169(2019)12' });
    expect(odd.meta.pages).toBeNull();
  });

  it('records a figure that is present as not missing, and a table that is', () => {
    const a = parseArticle(edition(['题目', '如图1所示，数据见表2。', '图1 政社互动逻辑', '代表1个观点，地图2张。']));
    expect(a.figures.captions).toEqual([{ kind: 'figure', number: 1, caption: '政社互动逻辑', line: 2 }]);
    expect(a.figures.mentions.map((m) => [m.label, m.missing])).toEqual([
      ['图1', false],
      ['表2', true],
    ]);
    expect(warningsOf(a, 'missing-figure').map((w) => w.place)).toEqual([{ id: 'p1', offset: 9, line: 1 }]);
    expect(warningsOf(a, 'missing-figure').map((w) => w.data)).toEqual([{ label: '表2', kind: 'table', number: 2 }]);
  });

  it('reads notes, English abstract and keywords, subtitle and a bracketed editor line', () => {
    const a = parseArticle(
      edition([
        '主标题',
        '——副标题',
        '[摘要] 中文摘要。',
        '[关键词] 甲 乙 丙',
        '基金项目：国家社科基金（20BZZ001）',
        '作者简介：张三，男，教授。',
        'Abstract: An English abstract.',
        'Key words: one; two',
        '正文。',
        '（责任编辑：李 四）',
      ]),
    );
    expect(a.meta.subtitle).toBe('副标题');
    expect(a.abstract).toBe('中文摘要。');
    expect(a.keywords).toEqual(['甲', '乙', '丙']);
    expect(a.notes.map((n) => n.label)).toEqual(['基金项目', '作者简介']);
    expect(a.abstractEn).toBe('An English abstract.');
    expect(a.keywordsEn).toEqual(['one', 'two']);
    expect(a.editor).toEqual({ display: '李 四', name: '李四' });
    expect(a.front.map((p) => p.text)).toEqual(['正文。']);
  });

  it('resumes the body after the reference list ends', () => {
    const a = parseArticle(edition(['题目', '正文[1]。', '参考文献：', '[1] 张三.书[M].北京：某出版社，2000.', '责任编辑：王五', '附录', '附录正文。']));
    expect(a.references).toHaveLength(1);
    expect(a.editor?.name).toBe('王五');
    expect(a.sections.map((s) => s.title)).toEqual(['附录']);
  });
});
