// The model's small readers on their own: names, numerals, headings, citation markers, the
// article-number rule and the ISSN check digit.

import { describe, expect, it } from 'vitest';
import { expandCitation, findCitations } from '../../src/lib/model/citations.ts';
import { decodeArticleNumber, issnCheckDigit, journalIssueLine, relatedSourceLine } from '../../src/lib/model/front.ts';
import { looksLikeNames, personName, splitNames } from '../../src/lib/model/names.ts';
import { chineseNumeral, matchNumbering, numberedHeading } from '../../src/lib/model/numbering.ts';
import { parseArticle } from '../../src/lib/model/parse.ts';
import { repairPage } from '../../src/lib/repair/index.ts';
import { parseReference, REFERENCES_HEADING } from '../../src/lib/model/references.ts';
import type { Section } from '../../src/lib/model/types.ts';
import { splitGluedNames } from '../../src/lib/model/surnames.ts';

describe('names', () => {
  it('keeps the printed pad in display and drops it from the name', () => {
    expect(personName('孙 荣')).toEqual({ display: '孙 荣', name: '孙荣' });
    expect(personName('孙\u3000荣')).toEqual({ display: '孙\u3000荣', name: '孙荣' });
    expect(personName('SMITH  J')).toEqual({ display: 'SMITH  J', name: 'SMITH J' });
  });

  it('splits name lists, joining the halves of a padded name', () => {
    const names = (s: string) => splitNames(s).names.map((n) => n.display);
    expect(names('汤金金，孙 荣')).toEqual(['汤金金', '孙 荣']);
    expect(names('汤金金 孙 荣')).toEqual(['汤金金', '孙 荣']);
    expect(names('孙 荣 汤金金 李 四')).toEqual(['孙 荣', '汤金金', '李 四']);
    expect(names('张三、李四')).toEqual(['张三', '李四']);
    expect(splitNames('张三，李四，等')).toMatchObject({ etAl: true });
    expect(splitNames('王五主编').names.map((n) => n.name)).toEqual(['王五']);
  });

  it('tells name lists from titles', () => {
    expect(looksLikeNames('吴欢欢')).toBe(true);
    expect(looksLikeNames('汤金金 孙 荣')).toBe(true);
    expect(looksLikeNames('国家与社会关系视角下基层社会治理的逻辑和路径')).toBe(false);
    expect(looksLikeNames('')).toBe(false);
    // Latin names are names; an English title is none.
    expect(looksLikeNames('Koehler M J, Mishra P')).toBe(true);
    expect(looksLikeNames('Wu Huanhuan')).toBe(true);
    expect(looksLikeNames('An Li, To Wai Man')).toBe(true);
    expect(looksLikeNames('On Grassroots Governance')).toBe(false);
    expect(looksLikeNames('The Logic of State and Society')).toBe(false);
  });
});

describe('numbering', () => {
  it('reads Chinese numerals', () => {
    expect([ '一', '九', '十', '十二', '二十', '二十三', '一百零三', '两' ].map(chineseNumeral)).toEqual([1, 9, 10, 12, 20, 23, 103, 2]);
    expect(chineseNumeral('甲')).toBeNull();
  });

  it('reads every label style', () => {
    const m = (s: string) => {
      const x = matchNumbering(s);
      return x && [x.style, x.label, x.path];
    };
    expect(m('一、演进')).toEqual(['cn-comma', '一、', [1]]);
    expect(m('十一、结语')).toEqual(['cn-comma', '十一、', [11]]);
    expect(m('（二）以政代社')).toEqual(['cn-paren', '（二）', [2]]);
    expect(m('(三)政社')).toEqual(['cn-paren', '(三)', [3]]);
    expect(m('4.增强造血功能')).toEqual(['arabic-dot', '4.', [4]]);
    expect(m('4．增强')).toEqual(['arabic-dot', '4．', [4]]);
    expect(m('（1）加强')).toEqual(['arabic-paren', '（1）', [1]]);
    expect(m('2.3 方法')).toEqual(['decimal', '2.3', [2, 3]]);
    expect(m('1 引言')).toEqual(['decimal', '1', [1]]);
    expect(m('1.5亿人口')).toBeNull();
    expect(m('2.1单一主体管治')).toEqual(['decimal', '2.1', [2, 1]]);
    expect(m('4.2.1强化监管')).toEqual(['decimal', '4.2.1', [4, 2, 1]]);
    expect(m('2.3个百分点')).toBeNull();
    expect(m('0.5小时')).toBeNull();
    expect(m('一是加快')).toBeNull();
    expect(m('2021年')).toBeNull();
  });

  it('takes a long numbered line for a run-in heading only when its first sentence is short', () => {
    expect(numberedHeading('一、这是一个很长的段落。它不是标题，因为一、只用于独立成行的标题。')).toBeNull();
    expect(numberedHeading('（1）加强监管。其余是正文。')).toMatchObject({ title: '加强监管', runIn: '其余是正文。' });
    expect(numberedHeading('（1）' + '很'.repeat(40) + '长。其余。')).toBeNull();
  });

  it('takes a heading that asks a question, and a reference heading with its English label', () => {
    expect(numberedHeading('（一）单一主体管治：政府即社会？')).toMatchObject({ title: '单一主体管治：政府即社会？', runIn: null });
    expect(numberedHeading('一、问题的提出：基层何以失灵？')).toMatchObject({ runIn: null });
    expect(numberedHeading('（1）为何失灵？其余是正文。')).toMatchObject({ title: '为何失灵', runIn: '其余是正文。' });
    for (const h of ['参考文献：', '参考文献（References）：', '[参考文献]', '参考文献(references)']) expect(REFERENCES_HEADING.test(h)).toBe(true);
    expect(REFERENCES_HEADING.test('参考文献很多')).toBe(false);
    expect(journalIssueLine('《中国电化教育》 2020年第6期')).toMatchObject({ journal: '中国电化教育', year: 2020, issue: 6 });
  });

  it('reads a label whose numeral the repair could not restore (（□）, □、) as a lost one', () => {
    expect(matchNumbering('（□）字理溯源：把音、形、义贯通起来')).toMatchObject({ label: '（□）', lost: true, rest: '字理溯源：把音、形、义贯通起来' });
    expect(matchNumbering('□、结语')).toMatchObject({ style: 'cn-comma', lost: true });
    expect(matchNumbering('（）推动平台协同，打通自有渠道')).toMatchObject({ label: '（）', lost: true });
    expect(matchNumbering('（□）')).toBeNull();
    expect(matchNumbering('（五）字理溯源')?.lost).toBeUndefined();
    // A bracket the run took, the numeral kept: the number is known.
    expect(matchNumbering('□一）“更名方”所见称谓的更易')).toMatchObject({ style: 'cn-paren', path: [1], label: '□一）' });
    expect(matchNumbering('（3□分时段训练')).toMatchObject({ style: 'arabic-paren', path: [3] });
  });

  it('numbers a heading that lost its numeral after the headings before it of the same kind', () => {
    const text = ['标题', '一、方法', '（一）随文识字', '（二）按义归类', '（1）交流。每两周一次。', '（2）互查。每月一次。', '（□）字理溯源', '正文。', '二、结语', '正文。'].join('\n');
    const a = parseArticle(repairPage(text));
    const ids = (ss: Section[]): string[] => ss.flatMap((x) => [`${x.id} ${x.numbering.style} ${x.numbering.value}`, ...ids(x.subsections)]);
    // Standing alone, it continues （一）（二）, not the run-in items （1）（2）.
    expect(ids(a.sections)).toContain('s1-3 cn-paren 3');
    expect(a.warnings.some((w) => w.code === 'section-numbering' && /lost its number/.test(w.message))).toBe(true);
  });
});

describe('citation markers', () => {
  it('expands ranges and lists', () => {
    expect(expandCitation('2-4')).toEqual([2, 3, 4]);
    expect(expandCitation('1,3')).toEqual([1, 3]);
    expect(expandCitation('1，3-5、7')).toEqual([1, 3, 4, 5, 7]);
    expect(expandCitation('4-2')).toBeNull();
    expect(expandCitation('0')).toBeNull();
    expect(expandCitation('1-300')).toBeNull();
  });

  it('finds markers with offsets and the offsets of their printed numbers', () => {
    expect(findCitations('甲[1]乙［2–3］')).toEqual([
      { marker: '[1]', start: 1, end: 4, refs: [1], printed: [{ ref: 1, start: 2, end: 3 }] },
      {
        marker: '［2–3］',
        start: 5,
        end: 10,
        refs: [2, 3],
        printed: [
          { ref: 2, start: 6, end: 7 },
          { ref: 3, start: 8, end: 9 },
        ],
      },
    ]);
  });
});

describe('article number and ISSN', () => {
  it('decodes ISSN(year)issue-first page-page count', () => {
    expect(decodeArticleNumber('1008-2991(2021)01-095-006')).toEqual({ issn: '1008-2991', year: 2021, issue: 1, firstPage: 95, pageCount: 6 });
    expect(decodeArticleNumber('1671-016X（2019）12-0034-08')).toEqual({ issn: '1671-016X', year: 2019, issue: 12, firstPage: 34, pageCount: 8 });
    expect(decodeArticleNumber('1008-2991(2021)01')).toBeNull();
    expect(decodeArticleNumber('1008-2991(2021)01-095-000')).toBeNull();
  });

  it('computes the ISO 3297 check digit', () => {
    expect(issnCheckDigit('0317-8471')).toBe('1');
    expect(issnCheckDigit('2434-561X')).toBe('X');
    expect(issnCheckDigit('1008-2991')).toBe('9');
    expect(issnCheckDigit('abc')).toBeNull();
  });

  it('reads the site lines for journal and issue, and a related source', () => {
    expect(journalIssueLine('宁夏党校学报 2021年1期')).toEqual({ journal: '宁夏党校学报', year: 2021, volume: null, issue: 1 });
    expect(journalIssueLine('某学报 2020年第12卷第3期')).toEqual({ journal: '某学报', year: 2020, volume: 12, issue: 3 });
    // Combined and supplementary issues keep their label.
    expect(journalIssueLine('宁夏党校学报 2021年Z1期')).toEqual({ journal: '宁夏党校学报', year: 2021, volume: null, issue: 'Z1' });
    expect(journalIssueLine('某学报 2019年第 z 2 期')).toMatchObject({ issue: 'Z2' });
    expect(journalIssueLine('某学报 2020年增刊')).toMatchObject({ journal: '某学报', year: 2020, issue: '增刊' });
    expect(journalIssueLine('某学报 2020年增刊1期')).toMatchObject({ issue: '增刊1' });
    expect(journalIssueLine('某学报 2020年S1期')).toMatchObject({ issue: 'S1' });
    expect(journalIssueLine('某学报 2020年X1期')).toBeNull();
    expect(relatedSourceLine('考试周刊（2016年104期）2017-01-19 14:26:26')).toEqual({
      journal: '考试周刊', issueLabel: '2016年104期', year: 2016, issue: 104, date: '2017-01-19', time: '14:26:26',
    });
    // A related title from a combined or supplementary issue, or with a volume, reads the same way.
    expect(relatedSourceLine('宁夏党校学报（2021年Z1期）2021-05-01 10:00:00')).toMatchObject({
      journal: '宁夏党校学报', issueLabel: '2021年Z1期', year: 2021, issue: 'Z1', date: '2021-05-01',
    });
    expect(relatedSourceLine('某学报(2020年增刊)2020-12-01')).toMatchObject({ journal: '某学报', year: 2020, issue: '增刊' });
    expect(relatedSourceLine('某学报(2016年第3卷第2期)2017-01-19')).toMatchObject({ journal: '某学报', issueLabel: '2016年第3卷第2期', issue: 2 });
    expect(relatedSourceLine('没有来源的标题')).toBeNull();
  });
});

describe('glued author names', () => {
  it('splits where every name begins with a common surname and the split clearly wins', () => {
    expect(splitGluedNames('王建国李明华张伟')).toEqual(['王建国', '李明华', '张伟']);
    expect(splitGluedNames('欧阳晓峰李明')).toEqual(['欧阳晓峰', '李明']);
    expect(splitGluedNames('钟离明王芳')).toEqual(['钟离明', '王芳']);
    // No common surname where a name would begin: not split.
    expect(splitGluedNames('国华明光亮')).toBeNull();
    // One name only: nothing to split.
    expect(splitGluedNames('吴欢欢')).toBeNull();
  });
});

describe('references with Latin names', () => {
  const authors = (r: string) => parseReference(r).authors.map((n) => n.display);
  it('keeps a surname with its initials, however the reference punctuates them', () => {
    const putnam = parseReference('Putnam, R. D. Bowling Alone: The Collapse and Revival of American Community[M]. New York: Simon & Schuster, 2000.');
    expect(putnam.authors.map((n) => n.display)).toEqual(['Putnam, R. D.']);
    expect(putnam.title).toBe('Bowling Alone: The Collapse and Revival of American Community');
    expect(putnam.year).toBe(2000);
    expect(authors('Salamon, L. M., & Anheier, H. K. Defining the Nonprofit Sector[M]. Manchester: Manchester University Press, 1997.')).toEqual([
      'Salamon, L. M.',
      'Anheier, H. K.',
    ]);
    // GB/T 7714's own form, and Chinese names, as before.
    expect(authors('PUTNAM R D. Making democracy work[M]. Princeton: Princeton University Press, 1993.')).toEqual(['PUTNAM R D']);
    expect(authors('王五, 张三. 社会治理研究[J]. 中国行政管理, 2019(3): 1-5.')).toEqual(['王五', '张三']);
  });

  it('still ends the author list at the period after the last initial, not inside a title', () => {
    expect(parseReference('Tocqueville, A. Democracy in America. Vol. 1[M]. New York: Vintage, 1990.').title).toBe('Democracy in America. Vol. 1');
  });
});
