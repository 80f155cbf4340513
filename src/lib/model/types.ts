// The article model: the one typed record of an edition that the site, the search and the
// citations all read from. This file is the source of truth for its shape. Types only: it never
// parses, converts or renders anything.
//
// Conventions
// - Every string is in the article's `script` (zh-Hans, or zh-Hant converted from it at the end).
//   Ids, URLs, DOIs, ISSNs, codes and article numbers are never converted, and ids are identical
//   in both scripts.
// - Offsets are half-open UTF-16 code-unit ranges into the text of the paragraph they name.
// - A value the page does not give and nothing determines is `null` (never guessed), and the
//   model carries a warning saying it is missing.

/** The script of every text field in an `Article`. */
export type Script = 'zh-Hans' | 'zh-Hant';

/**
 * A metadata value with where it came from.
 * - `stated`: printed on the page; `how` names the line it was read from.
 * - `derived`: not printed, but determined by what is printed; `how` says by what and by which rule.
 */
export interface Field<T> {
  value: T;
  provenance: 'stated' | 'derived';
  how: string;
}

/**
 * A person's name. Chinese journals pad two-character names with a space to align them with
 * three-character names (`孙 荣`); the pad is typography, not part of the name.
 */
export interface PersonName {
  /** As printed, pad kept: `孙 荣`. */
  display: string;
  /** Without the pad: `孙荣`. The form to compare, index and cite. Latin names keep one space. */
  name: string;
}

/** First and last page, as printed or derived from the article number. */
export interface PageRange {
  first: number;
  last: number;
  /** last - first + 1 */
  count: number;
}

/** Bibliographic metadata of the article itself. */
export interface ArticleMeta {
  /** The first line of the edition. */
  title: string;
  /** A `——` subtitle line right after the title, without the dashes. */
  subtitle: string | null;
  /** One entry per person, in byline order. */
  authors: Field<PersonName[]> | null;
  /** Journal name, e.g. `宁夏党校学报`. */
  journal: Field<string> | null;
  /** Year of the issue (never the site's posting date). */
  year: Field<number> | null;
  /** Volume (`第12卷`), when the page has one. Most Chinese journals number by year and issue only. */
  volume: Field<number> | null;
  /**
   * Issue within the year: its number, or the label of a combined or supplementary issue as
   * printed (`Z1` for 2021年Z1期, `增刊`, `S1`).
   */
  issue: Field<number | string> | null;
  /** ISSN, `NNNN-NNNX`. */
  issn: Field<string> | null;
  /** Pages the article occupies in the issue. */
  pages: Field<PageRange> | null;
  /** 中图分类号, Chinese Library Classification, as printed (`C916`; several joined by `；`). */
  clc: Field<string> | null;
  /** 文献标志码 (document code), e.g. `A`. */
  documentCode: Field<string> | null;
  /** 文章编号 (article number), e.g. `1008-2991(2021)01-095-006`. */
  articleNumber: Field<string> | null;
  /** DOI, when printed. */
  doi: Field<string> | null;
}

/** What the hosting site printed about the article. Never bibliographic data. */
export interface SiteInfo {
  /** The site's posting timestamp (`2021-03-08 06:21:08`). NOT the publication date. */
  postedAt: string | null;
  /** The site's keyword line, keywords glued together; kept only as a witness, never split. */
  keywordLine: string | null;
}

/** A body paragraph: in the front matter (before the first heading) or in a section. */
export interface Paragraph {
  /** Stable id: front matter `p1`, `p2`…; in a section `<section id>-p<n>`, e.g. `s1-2-p3`. */
  id: string;
  text: string;
  /** 0-based line of the edition text (`RepairResult.text`) the paragraph stands on. */
  line: number;
}

/** The numbering style of a heading, from outermost to innermost in Chinese journals. */
export type NumberingStyle =
  | 'cn-comma' // 一、
  | 'cn-paren' // （一）
  | 'arabic-dot' // 1. / 1． / 1、
  | 'arabic-paren' // （1）
  | 'decimal' // 1 / 1.2 / 1.2.3 followed by a space (Western-style numbering)
  | 'none'; // an unnumbered heading such as `结语`

export interface Section {
  /**
   * Stable id derived from the numbering: `s1` (一、), `s1-2` (（二） under 一、), `s3-2-4`
   * (4. under （二） under 三、). Unnumbered headings count by position among their siblings.
   */
  id: string;
  /** Depth in the tree, 1 for top level. */
  depth: number;
  numbering: {
    style: NumberingStyle;
    /** As printed, e.g. `一、`, `（二）`, `1.`; empty when unnumbered. */
    label: string;
    /** The number the label stands for; `null` when unnumbered. */
    value: number | null;
  };
  /** The heading line as printed: `1.强化治理理念，构建多元共治格局`. */
  heading: string;
  /** The heading without its label: `强化治理理念，构建多元共治格局`. */
  title: string;
  /** 0-based line of the edition text. */
  line: number;
  /** Paragraphs before the first subsection. */
  paragraphs: Paragraph[];
  subsections: Section[];
}

/** One anchor of a citation marker: the place where it cites one reference. */
export interface CitationAnchor {
  /** Reference number. */
  ref: number;
  /** `cite-<ref>-<k>`: the k-th place (1-based, document order) citing reference `ref`. */
  id: string;
  /** Whether reference `ref` exists in the list. */
  resolved: boolean;
}

/** An in-text citation marker: `[1]`, `[2-4]`, `[1,3]`. */
export interface Citation {
  /** The marker as printed. */
  marker: string;
  /** Id of the paragraph it stands in. */
  paragraph: string;
  start: number;
  end: number;
  /** Reference numbers it cites, ranges expanded: `[2-4]` → [2, 3, 4]. */
  refs: number[];
  /** One anchor per number in `refs`, in that order. */
  anchors: CitationAnchor[];
}

/** A GB/T 7714 type code without brackets: J, N, M, C, D, R, S, P, G, Z, EB/OL, DB/OL, J/OL… */
export type ReferenceType = string;

/** A reference-list entry, parsed GB/T 7714-style, with the original string kept beside it. */
export interface Reference {
  /** `ref-<number>`. */
  id: string;
  number: number;
  /** The entry exactly as the edition prints it, number included. */
  raw: string;
  /** The type code (`J`), or `null` when the entry does not give one. */
  type: ReferenceType | null;
  /** One entry per person or body; empty when the entry names none. */
  authors: PersonName[];
  /** Whether the author list ended with `等` / `et al.` */
  etAl: boolean;
  title: string | null;
  /**
   * Other contributors printed after the title (GB/T 7714's 其他责任者): `刘迪瑞，译` gives the
   * translator 刘迪瑞 with the role `译`; `文 魁，丁国华，整理` two editors with `整理`; `王 垒，王 甦，
   * 等译` two translators and others (`etAl`); `汤用彤，校注.汤一玄，整理` two groups. Empty when none.
   */
  contributors: Array<{ names: PersonName[]; role: string; etAl: boolean }>;
  /** The edition statement as printed (版本项): `3版`, `第2版`, `2nd ed`. */
  edition: string | null;
  /**
   * What holds the work: journal, newspaper, host book or proceedings; for a book, thesis or
   * report, its publisher (university, institute).
   */
  container: string | null;
  /** Publisher of a book, thesis, report or proceedings. */
  publisher: string | null;
  /** Place of publication (`北京：人民出版社` → `北京`). */
  place: string | null;
  year: number | null;
  volume: string | null;
  /** Issue as printed (`08`). */
  issue: string | null;
  /** A full date as printed (`2020-11-04`), for newspapers and online sources. */
  date: string | null;
  /** Pages as printed (`12-15`). */
  pages: string | null;
  url: string | null;
  doi: string | null;
  /** 0-based line of the edition text. */
  line: number;
  /** Anchor ids (`cite-N-k`) of every place citing it, in document order: the back-links. */
  citedBy: string[];
}

/** A mention of a figure or table in the text (`（如图1所示）`). */
export interface FigureMention {
  /** `figure` for 图, `table` for 表. */
  kind: 'figure' | 'table';
  number: number;
  /** As printed: `图1`. */
  label: string;
  paragraph: string;
  start: number;
  end: number;
  /** True when the page has no caption line for it (the figure itself is lost). */
  missing: boolean;
}

/** A caption line (`图1 政社互动逻辑`) found in the text. */
export interface FigureCaption {
  kind: 'figure' | 'table';
  number: number;
  caption: string;
  line: number;
}

/** A front-matter note such as 基金项目, 作者简介, 收稿日期. */
export interface FrontNote {
  /** The label as printed, without the colon: `基金项目`. */
  label: string;
  text: string;
  line: number;
}

/** An endnote (注释 ①…): printed after the body, before or after the references. */
export interface Endnote {
  /** `endnote-N`. */
  id: string;
  number: number;
  /** As printed: `①`. */
  label: string;
  text: string;
  /** 0-based line of the edition text. */
  line: number;
  /** Ids of the markers pointing to it (`endnoteref-N-k`), in document order. */
  citedBy: string[];
}

/** A circled number in a paragraph that points to an endnote. */
export interface NoteRef {
  note: number;
  /** `endnoteref-N-k`: the k-th marker pointing to note N. */
  id: string;
  paragraph: string;
  start: number;
  end: number;
}

/** A title the hosting site recommends (`猜你喜欢`), with its source line when the page gives one. */
export interface RelatedTitle {
  title: string;
  journal: string | null;
  /** As printed: `2016年104期`. */
  issueLabel: string | null;
  year: number | null;
  /** A number, or a combined or supplementary issue's label (`Z1`, `S1`, `增刊`). */
  issue: number | string | null;
  /** The site's listing date (`2017-01-19`): when the site posted it, not when it was published. */
  date: string | null;
  /** The time of day that came with `date`. */
  time: string | null;
}

/** Where in the model something stands. */
export interface Place {
  /** A model id: paragraph `s1-2-p3`, section `s1`, reference `ref-3`, or `front`, `meta.issn`… */
  id: string;
  /** UTF-16 offset in the paragraph text, when the place is inside a paragraph. */
  offset?: number;
  /** 0-based line of the edition text, when known. */
  line?: number;
}

export type WarningCode =
  | 'missing-title'
  | 'missing-authors'
  | 'missing-journal'
  | 'missing-year'
  | 'missing-issue'
  | 'missing-issn'
  | 'missing-pages'
  | 'missing-clc'
  | 'missing-document-code'
  | 'missing-article-number'
  | 'article-number-unreadable'
  | 'missing-abstract'
  | 'missing-keywords'
  | 'missing-sections'
  | 'unnumbered-section'
  | 'section-numbering'
  | 'missing-references'
  | 'reference-unparsed'
  | 'reference-numbering'
  | 'citation-missing-reference'
  | 'reference-not-cited'
  | 'missing-figure'
  | 'metadata-conflict'
  | 'issn-check-digit';

/** No values beyond the code: the sentence says all (`missing-abstract`, `missing-issn`…). */
export type NoWarningData = Record<string, never>;

/**
 * The values a warning's sentence names, per code, so that a reader's interface can say it in
 * its own language (the site writes it in Chinese). Text values (headings, labels, markers) are
 * in the article's script, like every string of the model; numbers, ISSNs and codes are never
 * converted.
 */
export interface WarningDataByCode {
  'missing-title': NoWarningData;
  'missing-authors': NoWarningData;
  'missing-journal': NoWarningData;
  'missing-year': NoWarningData;
  'missing-issue': NoWarningData;
  'missing-issn': NoWarningData;
  'missing-pages': NoWarningData;
  'missing-clc': NoWarningData;
  'missing-document-code': NoWarningData;
  'missing-article-number': NoWarningData;
  /** The article number as printed. */
  'article-number-unreadable': { articleNumber: string };
  'missing-abstract': NoWarningData;
  /** Whether the site's own keyword line (glued, not used) is there. */
  'missing-keywords': { siteKeywordLine: boolean };
  'missing-sections': NoWarningData;
  /** The heading as printed. */
  'unnumbered-section': { heading: string };
  /**
   * The heading as printed; `repeated` when its number repeats an earlier one (its id gets a
   * suffix), else `number` is its number and `expected` the one that should have come.
   */
  'section-numbering': { heading: string; repeated: boolean; number: number | null; expected: number | null };
  /** `empty`: a reference heading with no entries after it (else there is no list at all). */
  'missing-references': { empty: boolean };
  /** The reference's number. */
  'reference-unparsed': { number: number };
  /**
   * The reference's number; `repeated` when an earlier entry has the same number, else
   * `position` is its 1-based place in the list, which the number does not match.
   */
  'reference-numbering': { number: number; repeated: boolean; position: number | null };
  /** The marker as printed (`[2-4]`) and the reference number it names that the list lacks. */
  'citation-missing-reference': { marker: string; number: number };
  /** The reference's number. */
  'reference-not-cited': { number: number };
  /** The mention as printed (`图1`), whether a figure or a table, and its number. */
  'missing-figure': { label: string; kind: 'figure' | 'table'; number: number };
  /**
   * The field, the value the page prints (kept) and the value the article number gives, as
   * text, with the article number as printed.
   */
  'metadata-conflict': { field: 'year' | 'issue' | 'issn'; printed: string; derived: string; articleNumber: string };
  /** The ISSN as printed, its last digit, and the check digit its first seven digits call for. */
  'issn-check-digit': { issn: string; printed: string; expected: string };
}

/** A warning with the values of its code (`data`), so `switch (w.code)` narrows `w.data`. */
export type Warning = {
  [C in WarningCode]: {
    code: C;
    /** One sentence, in the reader's terms (English; the CLI and JSON print it). */
    message: string;
    place: Place;
    data: WarningDataByCode[C];
  };
}[WarningCode];

/** The article. */
export interface Article {
  script: Script;
  /** The article's slug on the site, when given. */
  slug: string | null;
  meta: ArticleMeta;
  site: SiteInfo;
  /** 摘要, without its label. */
  abstract: string | null;
  /** From the article's own keyword line (关键词：a；b；c), in order. */
  keywords: string[];
  /** The English title printed with the English abstract, and the lines between them (authors, affiliation). */
  titleEn: string | null;
  bylineEn: string[];
  /** English abstract and keywords, when printed. */
  abstractEn: string | null;
  keywordsEn: string[];
  /** 基金项目, 作者简介, 收稿日期…, and 作者单位 (an affiliation line under the author line). */
  notes: FrontNote[];
  /** Paragraphs between the front matter and the first heading (or all, when there is none). */
  front: Paragraph[];
  sections: Section[];
  citations: Citation[];
  references: Reference[];
  /** The notes (注释 ①②…), with the heading they were printed under; empty when there are none. */
  endnotes: Endnote[];
  endnotesHeading: string | null;
  /** The markers pointing to them, in document order. */
  noteRefs: NoteRef[];
  figures: { mentions: FigureMention[]; captions: FigureCaption[] };
  /** 责任编辑. */
  editor: PersonName | null;
  /** The site's `猜你喜欢` list. */
  related: RelatedTitle[];
  warnings: Warning[];
}
