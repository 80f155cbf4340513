// Gives the article model in the other script: converts every text field of the zh-Hans model
// to zh-Hant at the end, keeping ids, URLs, DOIs, ISSNs, codes and numbers as they are and
// moving offsets when a conversion changes a paragraph's length. It never parses anything.

import { hasKana, toTraditional, type TraditionalVariant } from '../script/index.ts';
import { findCitations } from './citations.ts';
import { allParagraphs, allSections } from './parse.ts';
import type {
  Article,
  Citation,
  Endnote,
  Field,
  FigureMention,
  Paragraph,
  PersonName,
  Reference,
  Script,
  Section,
  Warning,
} from './types.ts';

/** A string converter from simplified to the target script. */
export type Convert = (simplified: string) => string;

/**
 * The article in `script`. The zh-Hans model is the source of truth: asking for zh-Hans returns a
 * copy of it, asking for zh-Hant converts it. A zh-Hant model is never converted back.
 */
export function articleInScript(article: Article, script: Script, convert?: Convert): Article {
  if (article.script === script) return structuredClone(article);
  if (article.script !== 'zh-Hans') {
    throw new Error('articleInScript: convert from the zh-Hans model, the one source of truth');
  }
  return toHant(article, convert ?? traditionalConverter(article, 'zh-Hant'));
}

/** The conversion of the article's strings to a traditional variant, its people's surnames kept (范秋白). */
export function traditionalConverter(article: Article, variant: TraditionalVariant): Convert {
  const names = personNames(article);
  const japanese = quotesJapanese(article);
  return (s) => toTraditional(s, variant, names, { quotesJapanese: japanese });
}

/** Whether the article quotes Japanese: kana anywhere in its text or its references. */
export function quotesJapanese(article: Article): boolean {
  return hasKana([...allParagraphs(article).map((p) => p.text), ...article.references.map((r) => r.raw)].join('\n'));
}

/**
 * The people the article names as people: its authors, its editor, the authors of its
 * references, each once as printed and without pad (`孙 荣`, `孙荣`), and the people it studies.
 * Their surnames keep their form in the other script.
 */
export function personNames(article: Article): string[] {
  const all = [...(article.meta.authors?.value ?? []), ...(article.editor ? [article.editor] : []), ...article.references.flatMap((r) => r.authors)];
  const names = all.flatMap((n) => [n.name, n.display]);
  return [...new Set([...names, ...studiedPeople(article)].filter((n) => n.length >= 2))];
}

/**
 * A keyword of two or three Han characters is a person the article studies where its text
 * introduces it the way Chinese scholarship introduces people: with life dates (余肇钧（1851—
 * 1912）), a courtesy name (余肇钧，字季衡) or a work of theirs (余肇钧《蒙斋读书记》). A term that
 * happens to begin with a surname (党建, 范式) is never introduced so.
 */
function studiedPeople(article: Article): string[] {
  const texts = [
    article.meta.title,
    article.meta.subtitle ?? '',
    article.abstract ?? '',
    ...allSections(article).map((s) => s.heading),
    ...allParagraphs(article).map((p) => p.text),
  ];
  return article.keywords.filter((k) => {
    if (!/^\p{Script=Han}{2,3}$/u.test(k)) return false;
    const introduced = new RegExp(`${k}(?:[（(]\\d{3,4}|[，,]字\\p{Script=Han}|《)`, 'u');
    return texts.some((t) => introduced.test(t));
  });
}

const opt = (c: Convert, s: string | null): string | null => (s === null ? null : c(s));
const name = (c: Convert, n: PersonName): PersonName => ({ display: c(n.display), name: c(n.name) });
const field = <T>(f: Field<T> | null, value: (v: T) => T, c: Convert): Field<T> | null =>
  f === null ? null : { value: value(f.value), provenance: f.provenance, how: c(f.how) };
const same = <T>(v: T): T => v;

/**
 * Maps offsets of a paragraph's simplified text to its converted text. Identity when the lengths
 * agree (the usual case: the conversion maps character to character); otherwise measured by
 * converting prefixes.
 */
function offsetMap(before: string, after: string, c: Convert): (offset: number) => number {
  if (before.length === after.length) return (o) => o;
  const cache = new Map<number, number>();
  return (o) => {
    let v = cache.get(o);
    if (v === undefined) {
      v = Math.min(after.length, c(before.slice(0, o)).length);
      cache.set(o, v);
    }
    return v;
  };
}

function toHant(a: Article, c: Convert): Article {
  const maps = new Map<string, (o: number) => number>();
  const para = (p: Paragraph): Paragraph => {
    const text = c(p.text);
    maps.set(p.id, offsetMap(p.text, text, c));
    return { id: p.id, text, line: p.line };
  };
  const section = (s: Section): Section => ({
    id: s.id,
    depth: s.depth,
    numbering: { style: s.numbering.style, label: c(s.numbering.label), value: s.numbering.value },
    heading: c(s.heading),
    title: c(s.title),
    line: s.line,
    paragraphs: s.paragraphs.map(para),
    subsections: s.subsections.map(section),
  });
  const front = a.front.map(para);
  const sections = a.sections.map(section);
  const endnotes = a.endnotes.map((n): Endnote => ({ ...para(n), number: n.number, label: n.label, citedBy: [...n.citedBy] }));
  const texts = new Map<string, string>();
  const collect = (p: Paragraph): void => void texts.set(p.id, p.text);
  front.forEach(collect);
  const walk = (s: Section): void => {
    s.paragraphs.forEach(collect);
    s.subsections.forEach(walk);
  };
  sections.forEach(walk);
  endnotes.forEach(collect);
  const at = (id: string, o: number): number => maps.get(id)?.(o) ?? o;

  // Citation markers are ASCII and keep their order, so they are found again in the converted text.
  const markers = new Map<string, ReturnType<typeof findCitations>>();
  const citations = a.citations.map((ci, i): Citation => {
    let found = markers.get(ci.paragraph);
    if (!found) {
      found = findCitations(texts.get(ci.paragraph) ?? '');
      markers.set(ci.paragraph, found);
    }
    const k = a.citations.slice(0, i).filter((x) => x.paragraph === ci.paragraph).length;
    const m = found[k];
    const start = m && m.marker === ci.marker ? m.start : at(ci.paragraph, ci.start);
    return {
      marker: ci.marker,
      paragraph: ci.paragraph,
      start,
      end: start + ci.marker.length,
      refs: [...ci.refs],
      anchors: ci.anchors.map((x) => ({ ...x })),
    };
  });

  const reference = (r: Reference): Reference => ({
    id: r.id,
    number: r.number,
    raw: c(r.raw),
    type: r.type,
    authors: r.authors.map((n) => name(c, n)),
    etAl: r.etAl,
    title: opt(c, r.title),
    contributors: r.contributors.map((g) => ({ ...g, names: g.names.map((n) => name(c, n)), role: c(g.role) })),
    edition: opt(c, r.edition),
    container: opt(c, r.container),
    publisher: opt(c, r.publisher),
    place: opt(c, r.place),
    year: r.year,
    volume: r.volume,
    issue: r.issue,
    date: r.date,
    pages: r.pages,
    url: r.url,
    doi: r.doi,
    line: r.line,
    citedBy: [...r.citedBy],
  });

  const mention = (m: FigureMention): FigureMention => {
    const start = at(m.paragraph, m.start);
    const end = at(m.paragraph, m.end);
    return { ...m, label: c(m.label), start, end };
  };

  // Of a warning's values only the text ones (headings, mentions, markers) are converted.
  const warningData = (w: Warning): Warning['data'] => {
    switch (w.code) {
      case 'unnumbered-section':
      case 'section-numbering':
        return { ...w.data, heading: c(w.data.heading) };
      case 'missing-figure':
        return { ...w.data, label: c(w.data.label) };
      case 'citation-missing-reference':
        return { ...w.data, marker: c(w.data.marker) };
      default:
        return { ...w.data };
    }
  };
  const warning = (w: Warning): Warning =>
    ({
      code: w.code,
      message: c(w.message),
      place: { ...w.place, ...(w.place.offset !== undefined ? { offset: at(w.place.id, w.place.offset) } : {}) },
      data: warningData(w),
    }) as Warning;

  const m = a.meta;
  return {
    script: 'zh-Hant',
    slug: a.slug,
    meta: {
      title: c(m.title),
      subtitle: opt(c, m.subtitle),
      authors: field(m.authors, (v) => v.map((n) => name(c, n)), c),
      journal: field(m.journal, c, c),
      year: field(m.year, same, c),
      volume: field(m.volume, same, c),
      issue: field(m.issue, same, c),
      issn: field(m.issn, same, c),
      pages: field(m.pages, (v) => ({ ...v }), c),
      clc: field(m.clc, same, c),
      documentCode: field(m.documentCode, same, c),
      articleNumber: field(m.articleNumber, same, c),
      doi: field(m.doi, same, c),
    },
    site: { postedAt: a.site.postedAt, keywordLine: opt(c, a.site.keywordLine) },
    abstract: opt(c, a.abstract),
    keywords: a.keywords.map(c),
    titleEn: a.titleEn,
    bylineEn: [...a.bylineEn],
    abstractEn: a.abstractEn,
    keywordsEn: [...a.keywordsEn],
    notes: a.notes.map((n) => ({ label: c(n.label), text: c(n.text), line: n.line })),
    front,
    sections,
    citations,
    references: a.references.map(reference),
    endnotes,
    endnotesHeading: opt(c, a.endnotesHeading),
    noteRefs: a.noteRefs.map((r) => ({ ...r, start: at(r.paragraph, r.start), end: at(r.paragraph, r.end) })),
    figures: {
      mentions: a.figures.mentions.map(mention),
      captions: a.figures.captions.map((x) => ({ ...x, caption: c(x.caption) })),
    },
    editor: a.editor === null ? null : name(c, a.editor),
    related: a.related.map((r) => ({ ...r, title: c(r.title), journal: opt(c, r.journal), issueLabel: opt(c, r.issueLabel) })),
    warnings: a.warnings.map(warning),
  };
}
